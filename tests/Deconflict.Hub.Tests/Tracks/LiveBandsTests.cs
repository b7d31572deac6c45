using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Tracks;

/// <summary>
/// The live pipeline computes guidance bands for both aircraft of a tactical alert and carries them in the
/// conflict's detail, each reader getting its own aircraft's bands (another party's only under full sharing); the
/// alert's hotline thread gets a drafted, bilingual proposal from them, sent with one request.
/// </summary>
public sealed class LiveBandsTests
{
    private const string Languages = "\"languages\":{\"proposer\":\"en\",\"counterparty\":\"ru\"}";

    /// <summary>Two aircraft head-on at FL200, 59 NM apart, closing at 900 kt: separation lost in about 216 s, time enough to change level.</summary>
    private static async Task ConvergeAsync(LiveHub hub, string aKey, string bKey, double lonB = 31, double gsKt = 450)
    {
        var now = DateTimeOffset.UtcNow;
        (await hub.PostTracksAsync(aKey, "[" + LiveHub.Report("GA1", now, 10, 30, 20_000, gsKt, 90) + "]")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await hub.PostTracksAsync(bKey, "[" + LiveHub.Report("GB1", now, 10, lonB, 20_000, gsKt, 270) + "]")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    /// <summary>The reader's open tactical conflict once its detail carries bands.</summary>
    private static async Task<JsonElement> ConflictWithBandsAsync(HttpClient client, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            var open = await (await client.GetAsync("/api/v1/conflicts?state=open", ct)).ShouldBeAsync(HttpStatusCode.OK);
            foreach (var c in open.EnumerateArray().Where(x => x.GetProperty("kind").GetString() == "tactical"))
            {
                if (c.GetProperty("detail") is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("bands", out var b) && b.ValueKind == JsonValueKind.Array)
                {
                    return c;
                }
            }
            await Task.Delay(100, ct);
        }
        throw new ShouldAssertException("no tactical conflict with bands within 30 s");
    }

    private static string[] BandOwners(JsonElement conflict) =>
        [.. conflict.GetProperty("detail").GetProperty("bands").EnumerateArray().Select(b => b.GetProperty("party").GetString()!)];

    [Fact]
    public async Task Each_party_gets_its_own_bands_and_the_other_side_a_draft_it_sends_with_one_request()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var hub = await LiveHub.StartAsync("--Surveillance:CycleS=0.5");
        var (a, aKey) = await hub.CreatePartyAsync("bands-a");
        var (b, bKey) = await hub.CreatePartyAsync("bands-b");
        await hub.AgreeAsync(aKey, b, bKey, "{\"counterparty\":\"{counterparty}\",\"sharing\":{\"proposer_to_counterparty\":\"conflicts_only\",\"counterparty_to_proposer\":\"conflicts_only\"}," + Languages + "}");
        await ConvergeAsync(hub, aKey, bKey);
        using var ca = hub.Client(aKey);
        using var cb = hub.Client(bKey);

        var seenByA = await ConflictWithBandsAsync(ca, ct);
        var seenByB = await ConflictWithBandsAsync(cb, ct);
        BandOwners(seenByA).ShouldBe([a]);
        BandOwners(seenByB).ShouldBe([b]);
        var own = seenByA.GetProperty("detail").GetProperty("bands")[0];
        own.GetProperty("track_id").GetString().ShouldBe("GA1");
        foreach (var kind in new[] { "alt_ft", "gs_kt", "trk_deg", "vs_fpm" })
        {
            var rows = own.GetProperty(kind).EnumerateArray().ToList();
            rows.ShouldNotBeEmpty();
            rows.ShouldAllBe(r => new[] { "NONE", "NEAR", "RECOVERY" }.Contains(r.GetProperty("region").GetString()));
        }
        // Flying straight at its level is in conflict; so is its own track.
        own.GetProperty("alt_ft").EnumerateArray().Single(r => r.GetProperty("lower").GetDouble() <= 20_000 && 20_000 < r.GetProperty("upper").GetDouble())
            .GetProperty("region").GetString().ShouldBe("NEAR");

        var conflictId = seenByA.GetProperty("id").GetString()!;
        var thread = "th-" + conflictId;
        (await ca.GetAsync("/api/v1/inbox", ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var draftsA = await (await ca.GetAsync($"/api/v1/threads/{thread}/drafts", ct)).ShouldBeAsync(HttpStatusCode.OK);
        var draftsB = await (await cb.GetAsync($"/api/v1/threads/{thread}/drafts", ct)).ShouldBeAsync(HttpStatusCode.OK);
        // One side is asked to move; the other is offered the request.
        (draftsA.GetArrayLength() + draftsB.GetArrayLength()).ShouldBe(1);
        var (sender, recipient, drafts, senderId, moverTrack) = draftsA.GetArrayLength() == 1 ? (ca, cb, draftsA, a, "GB1") : (cb, ca, draftsB, b, "GA1");
        var draft = drafts[0];
        draft.GetProperty("from").GetString().ShouldBe(senderId);
        draft.GetProperty("template").GetString().ShouldBe("REQUEST_ALTITUDE_CHANGE");
        draft.GetProperty("params").GetProperty("track_id").GetString().ShouldBe(moverTrack);
        var level = draft.GetProperty("params").GetProperty("flight_level").GetInt32();
        (level % 10).ShouldBe(0);
        Math.Abs(level - 200).ShouldBeGreaterThanOrEqualTo(10);
        // The level lies in a conflict-free band of the mover's own bands (as its owner reads them).
        var moverBands = (await ConflictWithBandsAsync(recipient, ct)).GetProperty("detail").GetProperty("bands")[0].GetProperty("alt_ft");
        moverBands.EnumerateArray().ShouldContain(r => r.GetProperty("region").GetString() == "NONE"
            && r.GetProperty("lower").GetDouble() <= level * 100 && level * 100 <= r.GetProperty("upper").GetDouble());
        var rendered = draft.GetProperty("rendered").EnumerateArray().ToDictionary(r => r.GetProperty("language").GetString()!, r => r.GetProperty("text").GetString()!);
        rendered["en"].ShouldBe($"REQUEST: change altitude to FL{level:000}, track {moverTrack}.");
        rendered["ru"].ShouldBe($"ЗАПРОС: перейти на эшелон {level:000}, трек {moverTrack}.");
        var draftId = draft.GetProperty("id").GetString()!;

        // Bad edits are refused naming the field; an unknown draft is 404; the recipient cannot send the sender's draft.
        await (await sender.SendJsonAsync(HttpMethod.Post, $"/api/v1/threads/{thread}/drafts/{draftId}/send", """{"params":{"flight_level":999}}"""))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "params.flight_level");
        await (await sender.SendJsonAsync(HttpMethod.Post, $"/api/v1/threads/{thread}/drafts/{draftId}/send", """{"params":[1]}"""))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "params");
        await (await sender.PostAsync($"/api/v1/threads/{thread}/drafts/dr-00000000000000000000/send", null, ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await recipient.PostAsync($"/api/v1/threads/{thread}/drafts/{draftId}/send", null, ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        // Nothing was posted by the refused attempts.
        (await (await recipient.GetAsync($"/api/v1/threads/{thread}", ct)).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("messages").GetArrayLength().ShouldBe(0);

        // One request sends it.
        var sent = await sender.PostAsync($"/api/v1/threads/{thread}/drafts/{draftId}/send", null, ct);
        sent.Receipt().ShouldNotBeNull();
        var posted = await sent.ShouldBeAsync(HttpStatusCode.Created);
        posted.GetProperty("needs_ack").GetBoolean().ShouldBeTrue();
        var read = await (await recipient.GetAsync($"/api/v1/threads/{thread}", ct)).ShouldBeAsync(HttpStatusCode.OK);
        var message = read.GetProperty("messages").EnumerateArray().Single();
        message.GetProperty("id").GetString().ShouldBe(posted.GetProperty("id").GetString());
        message.GetProperty("sender").GetString().ShouldBe(senderId);
        var texts = new[] { message.GetProperty("original"), message.GetProperty("rendered") }
            .ToDictionary(t => t.GetProperty("language").GetString()!, t => t.GetProperty("text").GetString()!);
        texts[senderId == a ? "en" : "ru"].ShouldBe(rendered[senderId == a ? "en" : "ru"]);
        texts[senderId == a ? "ru" : "en"].ShouldBe(rendered[senderId == a ? "ru" : "en"]);
        // Sent, it is no longer offered.
        (await (await sender.GetAsync($"/api/v1/threads/{thread}/drafts", ct)).ShouldBeAsync(HttpStatusCode.OK)).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Without_sharing_a_party_learns_only_its_own_bands_and_no_draft_names_the_other()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var hub = await LiveHub.StartAsync("--Surveillance:CycleS=0.5");
        var (a, aKey) = await hub.CreatePartyAsync("nobands-a");
        var (b, bKey) = await hub.CreatePartyAsync("nobands-b");
        // No agreement: the pair is alerted with the default minima, and neither shares anything.
        await ConvergeAsync(hub, aKey, bKey);
        using var ca = hub.Client(aKey);
        using var cb = hub.Client(bKey);
        var seenByA = await ConflictWithBandsAsync(ca, ct);
        var seenByB = await ConflictWithBandsAsync(cb, ct);
        BandOwners(seenByA).ShouldBe([a]);
        BandOwners(seenByB).ShouldBe([b]);
        // The rest of the detail stays withheld: only the reader's own guidance is given.
        seenByA.GetProperty("detail").EnumerateObject().Select(p => p.Name).ShouldBe(["bands"]);
        var raw = seenByA.GetRawText();
        raw.ShouldNotContain("GB1");
        var thread = "th-" + seenByA.GetProperty("id").GetString();
        (await ca.GetAsync("/api/v1/inbox", ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var c in new[] { ca, cb })
        {
            (await (await c.GetAsync($"/api/v1/threads/{thread}/drafts", ct)).ShouldBeAsync(HttpStatusCode.OK)).GetArrayLength().ShouldBe(0);
        }
        // An outsider cannot list the drafts of the thread at all.
        var (_, cKey) = await hub.CreatePartyAsync("nobands-c");
        using var cc = hub.Client(cKey);
        await (await cc.GetAsync($"/api/v1/threads/{thread}/drafts", ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Under_full_sharing_a_party_also_sees_the_other_aircrafts_bands()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var hub = await LiveHub.StartAsync("--Surveillance:CycleS=0.5");
        var (a, aKey) = await hub.CreatePartyAsync("fullbands-a");
        var (b, bKey) = await hub.CreatePartyAsync("fullbands-b");
        await hub.AgreeAsync(aKey, b, bKey, "{\"counterparty\":\"{counterparty}\",\"sharing\":{\"proposer_to_counterparty\":\"conflicts_only\",\"counterparty_to_proposer\":\"full\"}," + Languages + "}");
        await ConvergeAsync(hub, aKey, bKey);
        using var ca = hub.Client(aKey);
        using var cb = hub.Client(bKey);
        // B shares everything with A: A sees both aircraft's bands; A shares only conflicts with B: B sees its own.
        var watch = Stopwatch.StartNew();
        string[] owners = [];
        while (owners.Length < 2 && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            owners = BandOwners(await ConflictWithBandsAsync(ca, ct));
            await Task.Delay(100, ct);
        }
        owners.ShouldBe([a, b], ignoreOrder: true);
        BandOwners(await ConflictWithBandsAsync(cb, ct)).ShouldBe([b]);
    }

    [Theory]
    [InlineData("--Surveillance:BandsRefreshS=0", "BandsRefreshS")]
    [InlineData("--Surveillance:BandsBatchAlerts=0", "BandsBatchAlerts")]
    public async Task Band_settings_out_of_range_stop_the_hub_at_start(string setting, string named)
    {
        var refused = await Should.ThrowAsync<Exception>(async () => await (await LiveHub.StartAsync(setting)).DisposeAsync());
        refused.Message.ShouldContain(named);
    }

    [Fact]
    public async Task When_no_level_can_be_reached_in_time_the_draft_asks_for_a_conflict_free_heading()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var hub = await LiveHub.StartAsync("--Surveillance:CycleS=0.5");
        var (a, aKey) = await hub.CreatePartyAsync("heading-a");
        var (b, bKey) = await hub.CreatePartyAsync("heading-b");
        await hub.AgreeAsync(aKey, b, bKey, "{\"counterparty\":\"{counterparty}\",\"sharing\":{\"proposer_to_counterparty\":\"conflicts_only\",\"counterparty_to_proposer\":\"conflicts_only\"}," + Languages + "}");
        // 30 NM apart closing at 800 kt: separation is lost in about 110 s, before a 500 ft/min climb gains 1000 ft.
        await ConvergeAsync(hub, aKey, bKey, lonB: 30.5, gsKt: 400);
        using var ca = hub.Client(aKey);
        using var cb = hub.Client(bKey);
        var thread = "th-" + (await ConflictWithBandsAsync(ca, ct)).GetProperty("id").GetString();
        await ConflictWithBandsAsync(cb, ct);
        var draftsA = await (await ca.GetAsync($"/api/v1/threads/{thread}/drafts", ct)).ShouldBeAsync(HttpStatusCode.OK);
        var draftsB = await (await cb.GetAsync($"/api/v1/threads/{thread}/drafts", ct)).ShouldBeAsync(HttpStatusCode.OK);
        (draftsA.GetArrayLength() + draftsB.GetArrayLength()).ShouldBe(1);
        var (draft, mover) = draftsA.GetArrayLength() == 1 ? (draftsA[0], cb) : (draftsB[0], ca);
        draft.GetProperty("template").GetString().ShouldBe("REQUEST_HEADING_CHANGE");
        draft.GetProperty("basis").GetProperty("manoeuvre").GetString().ShouldBe("heading");
        var heading = draft.GetProperty("params").GetProperty("heading_deg").GetInt32();
        heading.ShouldBeInRange(1, 360);
        var track = (await ConflictWithBandsAsync(mover, ct)).GetProperty("detail").GetProperty("bands")[0].GetProperty("trk_deg");
        track.EnumerateArray().ShouldContain(r => r.GetProperty("region").GetString() == "NONE"
            && new[] { heading, heading % 360 }.Any(h => r.GetProperty("lower").GetDouble() <= h && h <= r.GetProperty("upper").GetDouble()));
        var rendered = draft.GetProperty("rendered").EnumerateArray().ToDictionary(r => r.GetProperty("language").GetString()!, r => r.GetProperty("text").GetString()!);
        rendered["en"].ShouldStartWith($"REQUEST: turn onto heading {heading:000}°");
        rendered["ru"].ShouldStartWith($"ЗАПРОС: взять курс {heading:000}°");
    }
}
