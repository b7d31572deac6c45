using System.Net;
using System.Text.Json;
using Deconflict.Hub.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Deconflict.Hub.Tests.Api;

/// <summary>
/// Strategic alternatives over HTTP: the 409 of a PUT carries them, the alternatives endpoint answers them for a stored
/// intent and for a candidate, one request accepts one (through the write of a PUT), and bad input names its field;
/// on SQLite and on PostgreSQL (the offers are a table of each).
/// </summary>
public abstract class IntentAlternativesTests(HubHost hub)
{
    private const string T0 = "2026-03-01T10:00:00Z";
    private const string T1 = "2026-03-01T12:00:00Z";

    private async Task<(TestParty High, TestParty Low)> PartnersAsync(string prefix)
    {
        var high = await hub.CreatePartyAsync(prefix + "h");
        var low = await hub.CreatePartyAsync(prefix + "l");
        using var h = high.Client();
        using var l = low.Client();
        var agreement = await (await h.SendJsonAsync(HttpMethod.Post, "/api/v1/agreements",
            $$$"""{"counterparty":"{{{low.Id}}}","sharing":{"proposer_to_counterparty":"full","counterparty_to_proposer":"full"}}""")).ShouldBeAsync(HttpStatusCode.Created);
        await (await l.PostAsync($"/api/v1/agreements/{agreement.GetProperty("id").GetString()}/accept", null)).ShouldBeAsync(HttpStatusCode.OK);
        return (high, low);
    }

    private static Dictionary<string, JsonElement> ById(JsonElement alternatives) =>
        alternatives.EnumerateArray().ToDictionary(a => a.GetProperty("id").GetString()!);

    [Fact]
    public async Task A_refused_put_carries_the_nearest_free_steps_and_one_request_accepts_one()
    {
        var (high, low) = await PartnersAsync("alt409");
        using var h = high.Client();
        using var l = low.Client();
        (await h.PutIntentAsync("H", HubCalls.Circle(10.0, 20.0, 20_000, 10_000, 20_000, T0, T1, priority: 5))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var draft = HubCalls.Circle(10.0, 20.05, 10_000, 15_000, 25_000, T0, T1, priority: 1);
        var refused = await (await l.PutIntentAsync("L", draft)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var offered = ById(refused.GetProperty("alternatives"));
        offered.Keys.Order(StringComparer.Ordinal).ShouldBe(["above", "advance", "delay"]);   // below needs 15,000 ft, beyond the 10,000 ft limit
        offered["delay"].GetProperty("shift_s").GetDouble().ShouldBe(7_200);
        offered["delay"].GetProperty("steps").GetInt32().ShouldBe(120);
        offered["delay"].GetProperty("direction").GetString().ShouldBe("later");
        offered["advance"].GetProperty("shift_s").GetDouble().ShouldBe(-7_200);
        offered["above"].GetProperty("shift_ft").GetDouble().ShouldBe(5_000);
        offered["above"].GetProperty("alt_lower_ft").GetDouble().ShouldBe(20_000);
        offered["above"].GetProperty("alt_upper_ft").GetDouble().ShouldBe(30_000);
        offered["above"].GetProperty("side").ValueKind.ShouldBe(JsonValueKind.Null);

        // Minimal on the grid: one minute less of delay is refused; the variant itself, PUT as it is, is accepted.
        var lessDelay = HubCalls.Circle(10.0, 20.05, 10_000, 15_000, 25_000, "2026-03-01T11:59:00Z", "2026-03-01T13:59:00Z", priority: 1);
        (await l.PutIntentAsync("L-less", lessDelay)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var accepted = await l.SendJsonAsync(HttpMethod.Post, "/api/v1/intents/L/alternatives/accept", """{"alternative":"delay"}""");
        var written = await accepted.ShouldBeAsync(HttpStatusCode.Created);
        accepted.ETag().ShouldBe("\"1\"");
        accepted.Receipt().ShouldNotBeNull();
        written.GetProperty("id").GetString().ShouldBe("L");
        var stored = await (await l.GetAsync("/api/v1/intents/L")).ShouldBeAsync(HttpStatusCode.OK);
        var props = stored.GetProperty("features")[0].GetProperty("properties");
        props.GetProperty("time_start").GetString().ShouldBe(T1);
        props.GetProperty("alt_lower_ft").GetDouble().ShouldBe(15_000);
        // Stored as a PUT stores: its audit entry and its intent event.
        var audit = await l.GetStringAsync("/api/v1/audit/export");
        audit.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(x => JsonDocument.Parse(x).RootElement)
            .Count(e => e.TryGetProperty("object_id", out var o) && o.GetString() == "L" && e.GetProperty("action").GetString() == "intent.create").ShouldBe(1);
        var store = (Deconflict.Hub.Storage.SqlHubStore)hub.Services.GetRequiredService<Deconflict.Hub.Storage.IHubStore>();
        (await store.ReadEventsAsync(0, 1_000_000, CancellationToken.None)).ShouldContain(e => e.Type == "intent" && e.ObjectId == "L" && e.OwnerParty == low.Id);
        // The offer is used: a second accept finds none.
        await (await l.SendJsonAsync(HttpMethod.Post, "/api/v1/intents/L/alternatives/accept", """{"alternative":"delay"}""")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "alternative");

        // The offered intent is a PUT body as it is (for the id it was offered for).
        var again = await (await l.PutIntentAsync("L2", draft)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var above = ById(again.GetProperty("alternatives"))["above"].GetProperty("intent").GetRawText();
        (await l.PutIntentAsync("L2", above)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_stored_intent_with_conflicts_is_offered_alternatives_and_accepting_one_changes_it()
    {
        var (high, low) = await PartnersAsync("altst");
        using var h = high.Client();
        using var l = low.Client();
        (await h.PutIntentAsync("H", HubCalls.Circle(11.0, 21.0, 20_000, 10_000, 20_000, T0, T1, priority: 0))).StatusCode.ShouldBe(HttpStatusCode.Created);
        // Higher priority: stored with a non-blocking conflict, and the reply offers ways out of it.
        var put = await (await l.PutIntentAsync("L", HubCalls.Circle(11.0, 21.0, 5_000, 12_000, 14_000, T0, T1, priority: 3))).ShouldBeAsync(HttpStatusCode.Created);
        put.GetProperty("conflicts").GetArrayLength().ShouldBe(1);
        ById(put.GetProperty("alternatives")).ShouldContainKey("above");

        var answer = await (await l.SendJsonAsync(HttpMethod.Post, "/api/v1/intents/L/alternatives", null)).ShouldBeAsync(HttpStatusCode.OK);
        answer.GetProperty("blocked").GetBoolean().ShouldBeFalse();
        answer.GetProperty("conflicts").GetInt32().ShouldBe(1);
        var above = ById(answer.GetProperty("alternatives"))["above"];
        above.GetProperty("shift_ft").GetDouble().ShouldBe(8_000);
        ById(answer.GetProperty("alternatives"))["below"].GetProperty("shift_ft").GetDouble().ShouldBe(-4_000);

        var accepted = await l.SendJsonAsync(HttpMethod.Post, "/api/v1/intents/L/alternatives/accept", """{"alternative":"above"}""");
        var written = await accepted.ShouldBeAsync(HttpStatusCode.OK);
        written.GetProperty("version").GetInt64().ShouldBe(2);
        written.GetProperty("conflicts").GetArrayLength().ShouldBe(0);
        written.GetProperty("alternatives").GetArrayLength().ShouldBe(0);
        var conflicts = await (await l.GetAsync("/api/v1/conflicts?state=open")).ShouldBeAsync(HttpStatusCode.OK);
        conflicts.EnumerateArray().ShouldBeEmpty();
        // No intent stored under an id: nothing to offer.
        await (await l.SendJsonAsync(HttpMethod.Post, "/api/v1/intents/none/alternatives", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_candidate_is_offered_alternatives_without_being_stored_and_an_offer_the_world_overtook_is_409()
    {
        var (high, low) = await PartnersAsync("altcd");
        using var h = high.Client();
        using var l = low.Client();
        (await h.PutIntentAsync("H", HubCalls.Circle(12.0, 22.0, 20_000, 10_000, 20_000, T0, T1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var draft = HubCalls.Circle(12.0, 22.0, 5_000, 12_000, 14_000, T0, T1);
        var answer = await (await l.SendJsonAsync(HttpMethod.Post, "/api/v1/intents/L/alternatives", draft)).ShouldBeAsync(HttpStatusCode.OK);
        answer.GetProperty("blocked").GetBoolean().ShouldBeTrue();
        ById(answer.GetProperty("alternatives"))["delay"].GetProperty("time_start").GetDateTimeOffset().ShouldBe(DateTimeOffset.Parse(T1, System.Globalization.CultureInfo.InvariantCulture));
        (await l.GetAsync("/api/v1/intents/L")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The other party takes the slot after its intent: the offered delay now conflicts, so accepting it is refused.
        (await h.PutIntentAsync("H2", HubCalls.Circle(12.0, 22.0, 20_000, 10_000, 20_000, T1, "2026-03-01T14:00:00Z"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var overtaken = await (await l.SendJsonAsync(HttpMethod.Post, "/api/v1/intents/L/alternatives/accept", """{"alternative":"delay"}""")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        // What it offers instead is relative to what was submitted: the delayed intent, two hours more.
        var further = ById(overtaken.GetProperty("alternatives"))["delay"];
        further.GetProperty("shift_s").GetDouble().ShouldBe(2 * 3_600);
        further.GetProperty("time_start").GetDateTimeOffset().ShouldBe(DateTimeOffset.Parse("2026-03-01T14:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        (await l.GetAsync("/api/v1/intents/L")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_input_to_the_alternatives_endpoints_names_the_field()
    {
        var a = await hub.CreatePartyAsync("altbad");
        using var c = a.Client();
        await (await c.SendJsonAsync(HttpMethod.Post, "/api/v1/intents/X/alternatives/accept", """{"alternative":"sideways"}""")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "alternative");
        await (await c.SendJsonAsync(HttpMethod.Post, "/api/v1/intents/X/alternatives/accept", "{}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "alternative");
        (await c.SendJsonAsync(HttpMethod.Post, "/api/v1/intents/X/alternatives/accept", "{\"alternative\":")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await (await c.SendJsonAsync(HttpMethod.Post, "/api/v1/intents/X/alternatives/accept", """{"alternative":"delay"}""")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "alternative");
        var bad = await (await c.SendJsonAsync(HttpMethod.Post, "/api/v1/intents/X/alternatives", HubCalls.Circle(20, 10, 1000, 5000, 4000, T0, T1))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        bad.GetProperty("errors").EnumerateObject().Single().Name.ShouldStartWith("features[0]");
        using var admin = hub.Admin();
        (await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/intents/X/alternatives", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class SqliteIntentAlternativesTests(SqliteHub hub) : IntentAlternativesTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresIntentAlternativesTests(PostgresHub hub) : IntentAlternativesTests(hub), IClassFixture<PostgresHub>;

[Collection(ClusterPeers.Collection)]
public sealed class ClusterIntentAlternativesTests(ClusterHub hub) : IntentAlternativesTests(hub), IClassFixture<ClusterHub>;
