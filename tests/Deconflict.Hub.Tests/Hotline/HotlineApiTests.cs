using System.Net;
using Deconflict.Core.Audit;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Hotline;

/// <summary>Threads, bilingual messages, acknowledgements and isolation through the HTTP API.</summary>
public abstract class HotlineApiTests(HubHost hub)
{
    private const string T0 = "2026-03-01T10:00:00Z";
    private const string T1 = "2026-03-01T12:00:00Z";

    private async Task<(TestParty En, TestParty Ru)> AgreedPairAsync(int ackDeadlineS = 300)
    {
        var en = await hub.CreatePartyAsync("coalition", "coalition");
        var ru = await hub.CreatePartyAsync("ru-mod", "state");
        using var e = en.Client();
        using var r = ru.Client();
        var proposal = await (await e.SendJsonAsync(HttpMethod.Post, "/api/v1/agreements",
            $$$"""{"counterparty":"{{{ru.Id}}}","sharing":{"proposer_to_counterparty":"full","counterparty_to_proposer":"full"},"ack_deadline_s":{{{ackDeadlineS}}},"languages":{"proposer":"en","counterparty":"ru"}}"""))
            .ShouldBeAsync(HttpStatusCode.Created);
        await (await r.PostAsync($"/api/v1/agreements/{proposal.GetProperty("id").GetString()}/accept", null)).ShouldBeAsync(HttpStatusCode.OK);
        return (en, ru);
    }

    private static async Task<string> OpenThreadAsync(HttpClient client, string other)
    {
        var response = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/threads", $$"""{"parties":["{{other}}"],"title":"Sector north"}""");
        response.Receipt().ShouldNotBeNull();
        return (await response.ShouldBeAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task A_conflict_opens_a_thread_between_its_parties_only()
    {
        var a = await hub.CreatePartyAsync("af", "state");
        var b = await hub.CreatePartyAsync("ngo", "humanitarian");
        var outsider = await hub.CreatePartyAsync("outsider", "state");
        using var ca = a.Client();
        using var cb = b.Client();
        using var co = outsider.Client();
        (await ca.PutIntentAsync("A-" + Guid.NewGuid().ToString("N")[..8], HubCalls.Circle(38.0, 35.0, 20_000, 20_000, 30_000, T0, T1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await cb.PutIntentAsync("B-" + Guid.NewGuid().ToString("N")[..8], HubCalls.Circle(38.1, 35.0, 5_000, 25_000, 26_000, T0, T1, priority: 9))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var conflicts = await (await cb.GetAsync("/api/v1/conflicts")).ShouldBeAsync(HttpStatusCode.OK);
        var conflictId = conflicts[0].GetProperty("id").GetString();

        var inboxA = await (await ca.GetAsync("/api/v1/inbox")).ShouldBeAsync(HttpStatusCode.OK);
        var line = inboxA.EnumerateArray().Single(t => t.GetProperty("conflict_id").GetString() == conflictId);
        var threadId = line.GetProperty("thread_id").GetString()!;
        line.GetProperty("unread").GetInt32().ShouldBe(0);
        line.GetProperty("overdue").GetInt32().ShouldBe(0);
        (await (await cb.GetAsync("/api/v1/inbox")).ShouldBeAsync(HttpStatusCode.OK)).EnumerateArray()
            .ShouldContain(t => t.GetProperty("thread_id").GetString() == threadId);
        (await (await co.GetAsync("/api/v1/inbox")).ShouldBeAsync(HttpStatusCode.OK)).GetArrayLength().ShouldBe(0);

        var thread = await (await cb.GetAsync($"/api/v1/threads/{threadId}")).ShouldBeAsync(HttpStatusCode.OK);
        thread.GetProperty("parties").EnumerateArray().Select(p => p.GetString()).ShouldBe(new[] { a.Id, b.Id }, ignoreOrder: true);
        (await co.GetAsync($"/api/v1/threads/{threadId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_party_cannot_read_post_to_or_ack_another_partys_thread()
    {
        var (en, ru) = await AgreedPairAsync();
        var outsider = await hub.CreatePartyAsync("outsider", "state");
        using var e = en.Client();
        using var o = outsider.Client();
        var thread = await OpenThreadAsync(e, ru.Id);
        var posted = await (await e.SendJsonAsync(HttpMethod.Post, $"/api/v1/threads/{thread}/messages",
            """{"template":"REQUEST_HOLD","params":{"position":"37SDU2708684425","duration":600}}""")).ShouldBeAsync(HttpStatusCode.Created);
        var messageId = posted.GetProperty("id").GetString();

        await (await o.GetAsync($"/api/v1/threads/{thread}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await o.SendJsonAsync(HttpMethod.Post, $"/api/v1/threads/{thread}/messages", """{"template":"WILCO","params":{}}""")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await o.PostAsync($"/api/v1/messages/{messageId}/ack", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await o.PostAsync("/api/v1/messages/msg-does-not-exist/ack", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        // Nor can the admin, who is no party.
        using var admin = hub.Admin();
        (await admin.GetAsync($"/api/v1/threads/{thread}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Opening a thread needs an agreement with every party named.
        await (await o.SendJsonAsync(HttpMethod.Post, "/api/v1/threads", $$"""{"parties":["{{en.Id}}"]}""")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "parties");
    }

    [Fact]
    public async Task Each_reader_sees_its_language_beside_the_original_and_free_text_marked_untranslated()
    {
        var (en, ru) = await AgreedPairAsync();
        using var e = en.Client();
        using var r = ru.Client();
        var thread = await OpenThreadAsync(e, ru.Id);
        var post = await e.SendJsonAsync(HttpMethod.Post, $"/api/v1/threads/{thread}/messages",
            """{"template":"REQUEST_ALTITUDE_CHANGE","params":{"flight_level":320,"time":"2026-03-01T13:45:00+03:00"},"text":"expedite"}""");
        var posted = await post.ShouldBeAsync(HttpStatusCode.Created);
        posted.GetProperty("needs_ack").GetBoolean().ShouldBeTrue();
        posted.GetProperty("ack_deadline").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddSeconds(250));
        post.Receipt().ShouldNotBeNull();

        var inbox = await (await r.GetAsync("/api/v1/inbox")).ShouldBeAsync(HttpStatusCode.OK);
        inbox.EnumerateArray().Single(t => t.GetProperty("thread_id").GetString() == thread).GetProperty("unread").GetInt32().ShouldBe(1);
        var view = await (await r.GetAsync($"/api/v1/threads/{thread}")).ShouldBeAsync(HttpStatusCode.OK);
        view.GetProperty("language").GetString().ShouldBe("ru");
        var message = view.GetProperty("messages")[0];
        message.GetProperty("original").GetProperty("language").GetString().ShouldBe("en");
        message.GetProperty("original").GetProperty("text").GetString().ShouldBe("REQUEST: change altitude to FL320 by 2026-03-01 10:45 UTC. Remark: «expedite» (untranslated)");
        message.GetProperty("rendered").GetProperty("language").GetString().ShouldBe("ru");
        message.GetProperty("rendered").GetProperty("text").GetString().ShouldBe("ЗАПРОС: перейти на эшелон 320 до 01.03.2026 10:45 UTC. Примечание: «expedite» (без перевода)");
        message.GetProperty("untranslated").GetBoolean().ShouldBeTrue();
        var after = await (await r.GetAsync("/api/v1/inbox")).ShouldBeAsync(HttpStatusCode.OK);
        after.EnumerateArray().Single(t => t.GetProperty("thread_id").GetString() == thread).GetProperty("unread").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task The_template_catalogue_lists_every_template_with_typed_parameters()
    {
        var (en, _) = await AgreedPairAsync();
        using var e = en.Client();
        var body = await (await e.GetAsync("/api/v1/hotline/templates")).ShouldBeAsync(HttpStatusCode.OK);
        body.GetProperty("languages").EnumerateArray().Select(l => l.GetString()).ShouldBe(["en", "ru"]);
        var templates = body.GetProperty("templates");
        templates.EnumerateObject().Select(t => t.Name).ShouldBe(["TRAFFIC_ALERT", "REQUEST_ALTITUDE_CHANGE", "REQUEST_HEADING_CHANGE", "REQUEST_HOLD", "INTENT_WILL_CHANGE", "AREA_ACTIVE", "UNABLE", "WILCO", "ACKNOWLEDGE", "CANCEL", "FREE_TEXT"]);
        var change = templates.GetProperty("REQUEST_ALTITUDE_CHANGE");
        change.GetProperty("needs_ack").GetBoolean().ShouldBeTrue();
        change.GetProperty("params")[0].GetProperty("name").GetString().ShouldBe("flight_level");
        change.GetProperty("params")[0].GetProperty("type").GetString().ShouldBe("flight_level");
        change.GetProperty("params")[0].GetProperty("required").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Invalid_messages_name_the_field_and_store_nothing()
    {
        var (en, ru) = await AgreedPairAsync();
        using var e = en.Client();
        var thread = await OpenThreadAsync(e, ru.Id);
        await (await e.SendJsonAsync(HttpMethod.Post, $"/api/v1/threads/{thread}/messages", """{"template":"REQUEST_ALTITUDE_CHANGE","params":{"flight_level":900}}"""))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "params.flight_level");
        await (await e.SendJsonAsync(HttpMethod.Post, $"/api/v1/threads/{thread}/messages", """{"template":"LAUNCH","params":{}}"""))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "template");
        await (await e.SendJsonAsync(HttpMethod.Post, $"/api/v1/threads/{thread}/messages", """{"template":"WILCO","params":{"reply_to":"msg-nope"}}"""))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "params.reply_to");
        await (await e.SendJsonAsync(HttpMethod.Post, $"/api/v1/threads/{thread}/messages", """{"template":"WILCO","colour":1}"""))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "colour");
        var view = await (await e.GetAsync($"/api/v1/threads/{thread}")).ShouldBeAsync(HttpStatusCode.OK);
        view.GetProperty("messages").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Acknowledgement_records_who_and_when_once_and_a_wilco_acknowledges_its_request()
    {
        var (en, ru) = await AgreedPairAsync();
        using var e = en.Client();
        using var r = ru.Client();
        var thread = await OpenThreadAsync(e, ru.Id);
        var first = (await (await e.SendJsonAsync(HttpMethod.Post, $"/api/v1/threads/{thread}/messages",
            """{"template":"TRAFFIC_ALERT","params":{"position":{"lat_deg":35.1,"lon_deg":38.2},"flight_level":240}}""")).ShouldBeAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        var second = (await (await e.SendJsonAsync(HttpMethod.Post, $"/api/v1/threads/{thread}/messages",
            """{"template":"REQUEST_ALTITUDE_CHANGE","params":{"flight_level":280}}""")).ShouldBeAsync(HttpStatusCode.Created)).GetProperty("id").GetString();

        await (await e.PostAsync($"/api/v1/messages/{first}/ack", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var ack = await r.PostAsync($"/api/v1/messages/{first}/ack", null);
        var body = await ack.ShouldBeAsync(HttpStatusCode.OK);
        body.GetProperty("party").GetString().ShouldBe(ru.Id);
        body.GetProperty("already_acknowledged").GetBoolean().ShouldBeFalse();
        var again = await r.PostAsync($"/api/v1/messages/{first}/ack", null);
        (await again.ShouldBeAsync(HttpStatusCode.OK)).GetProperty("already_acknowledged").GetBoolean().ShouldBeTrue();
        again.Receipt().ShouldBe(ack.Receipt());

        await (await r.SendJsonAsync(HttpMethod.Post, $"/api/v1/threads/{thread}/messages", $$$"""{"template":"WILCO","params":{"reply_to":"{{{second}}}"}}"""))
            .ShouldBeAsync(HttpStatusCode.Created);
        var view = await (await e.GetAsync($"/api/v1/threads/{thread}")).ShouldBeAsync(HttpStatusCode.OK);
        var messages = view.GetProperty("messages").EnumerateArray().ToList();
        messages.Count.ShouldBe(3);
        messages[0].GetProperty("acks")[0].GetProperty("party").GetString().ShouldBe(ru.Id);
        messages[1].GetProperty("acks")[0].GetProperty("party").GetString().ShouldBe(ru.Id);
        messages[2].GetProperty("needs_ack").GetBoolean().ShouldBeFalse();
        // The answer names the request it answers by what it was and when it was sent, in each reader's language.
        var asked = messages[1].GetProperty("sent_at").GetDateTimeOffset().UtcDateTime;
        messages[2].GetProperty("rendered").GetProperty("text").GetString()
            .ShouldBe($"WILCO: will comply with the altitude change request of {asked.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC.");
        messages[2].GetProperty("original").GetProperty("text").GetString()
            .ShouldBe($"ВЫПОЛНЯЮ: запрос смены эшелона от {asked.ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC.");
    }

    [Fact]
    public async Task Each_party_exports_a_redacted_log_that_verifies_with_its_receipts()
    {
        var (en, ru) = await AgreedPairAsync();
        var outsider = await hub.CreatePartyAsync("outsider", "state");
        using var e = en.Client();
        using var o = outsider.Client();
        var thread = await OpenThreadAsync(e, ru.Id);
        var post = await e.SendJsonAsync(HttpMethod.Post, $"/api/v1/threads/{thread}/messages", """{"template":"FREE_TEXT","text":"secret plan"}""");
        await post.ShouldBeAsync(HttpStatusCode.Created);
        var receipt = AuditReceipt.Parse(post.Receipt()!);

        var keyJson = await (await o.GetAsync("/api/v1/audit/key")).ShouldBeAsync(HttpStatusCode.OK);
        keyJson.GetProperty("algorithm").GetString().ShouldBe("Ed25519");
        var key = AuditPublicKey.Parse(keyJson.GetProperty("public_key").GetString()!);

        foreach (var (client, sees) in new[] { (e, true), (o, false) })
        {
            using var response = await client.GetAsync("/api/v1/audit/export");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/x-ndjson");
            var text = await response.Content.ReadAsStringAsync();
            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var parsed = lines.Select((l, i) => AuditExport.ParseLine(l, i + 1)).ToList();
            var result = AuditVerifier.Verify(parsed, key, [receipt]);
            result.IsValid.ShouldBeTrue(result.Problem);
            result.FirstSequence.ShouldBe(1);
            text.Contains("secret plan", StringComparison.Ordinal).ShouldBe(sees);
            parsed.Single(l => l.Sequence == receipt.Sequence).IsRedacted.ShouldBe(!sees);
        }

        var window = await e.GetAsync($"/api/v1/audit/export?from={receipt.Sequence}&to={receipt.Sequence}");
        var only = (await window.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        only.Length.ShouldBe(1);
        AuditExport.ParseLine(only[0], 1).EntryHash.ShouldBe(receipt.EntryHash);
        await (await e.GetAsync("/api/v1/audit/export?from=yesterday")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "from");
    }
}

public sealed class SqliteHotlineApiTests(SqliteHub hub) : HotlineApiTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresHotlineApiTests(PostgresHub hub) : HotlineApiTests(hub), IClassFixture<PostgresHub>;

[Collection(ClusterPeers.Collection)]
public sealed class ClusterHotlineApiTests(ClusterHub hub) : HotlineApiTests(hub), IClassFixture<ClusterHub>;
