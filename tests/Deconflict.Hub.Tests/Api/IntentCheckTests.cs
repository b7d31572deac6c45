using System.Net;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Api;

/// <summary>The check of a draft intent: what would block it, which moves would not, and nothing stored.</summary>
public sealed class IntentCheckTests(SqliteHub hub) : IClassFixture<SqliteHub>
{
    private const string T0 = "2026-03-01T10:00:00Z";
    private const string T1 = "2026-03-01T12:00:00Z";

    [Fact]
    public async Task A_blocked_draft_is_told_its_blocking_conflict_and_alternatives_that_the_hub_then_accepts()
    {
        var high = await hub.CreatePartyAsync("high");
        var low = await hub.CreatePartyAsync("low");
        using var h = high.Client();
        using var l = low.Client();
        var agreement = await (await h.SendJsonAsync(HttpMethod.Post, "/api/v1/agreements",
            $$$"""{"counterparty":"{{{low.Id}}}","sharing":{"proposer_to_counterparty":"full","counterparty_to_proposer":"full"}}""")).ShouldBeAsync(HttpStatusCode.Created);
        await (await l.PostAsync($"/api/v1/agreements/{agreement.GetProperty("id").GetString()}/accept", null)).ShouldBeAsync(HttpStatusCode.OK);
        var theirs = "H-" + high.Id;
        (await h.PutIntentAsync(theirs, HubCalls.Circle(20.0, 10.0, 20_000, 10_000, 20_000, T0, T1, priority: 5))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var mine = "L-" + low.Id;
        var draft = HubCalls.Circle(20.05, 10.0, 10_000, 15_000, 25_000, T0, T1, priority: 1);
        var check = await (await l.SendJsonAsync(HttpMethod.Post, $"/api/v1/intents/{mine}/check", draft)).ShouldBeAsync(HttpStatusCode.OK);
        check.GetProperty("blocked").GetBoolean().ShouldBeTrue();
        var conflict = check.GetProperty("conflicts").EnumerateArray().Single();
        conflict.GetProperty("intent_id").GetString().ShouldBe(theirs);
        conflict.GetProperty("blocking").GetBoolean().ShouldBeTrue();
        // The other party shares everything: the overlap is shown.
        conflict.GetProperty("overlap_lower_ft").GetDouble().ShouldBe(15_000);
        conflict.GetProperty("overlap_upper_ft").GetDouble().ShouldBe(20_000);
        (await l.GetAsync($"/api/v1/intents/{mine}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var raise = check.GetProperty("alternatives").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "above");
        raise.GetProperty("alt_lower_ft").GetDouble().ShouldBe(20_000);
        raise.GetProperty("alt_upper_ft").GetDouble().ShouldBe(30_000);
        (await l.PutIntentAsync(mine, draft)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var moved = HubCalls.Circle(20.05, 10.0, 10_000, raise.GetProperty("alt_lower_ft").GetDouble(), raise.GetProperty("alt_upper_ft").GetDouble(), T0, T1, priority: 1);
        (await l.PutIntentAsync(mine, moved)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Without_sharing_the_check_names_no_hidden_intent_shows_no_overlap_and_its_alternatives_say_only_the_move()
    {
        var high = await hub.CreatePartyAsync("hidden");
        var low = await hub.CreatePartyAsync("prober");
        using var h = high.Client();
        using var l = low.Client();
        var theirs = "HID-" + high.Id;
        (await h.PutIntentAsync(theirs, HubCalls.Circle(24.0, 12.0, 20_000, 10_000, 20_000, T0, T1, priority: 5))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var check = await (await l.SendJsonAsync(HttpMethod.Post, $"/api/v1/intents/P-{low.Id}/check",
            HubCalls.Circle(24.05, 12.0, 10_000, 15_000, 25_000, T0, T1, priority: 1))).ShouldBeAsync(HttpStatusCode.OK);
        check.GetProperty("blocked").GetBoolean().ShouldBeTrue();
        var conflict = check.GetProperty("conflicts").EnumerateArray().Single();
        conflict.GetProperty("intent_id").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        conflict.GetProperty("overlap_lower_ft").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        var alternatives = check.GetProperty("alternatives");
        alternatives.GetArrayLength().ShouldBeGreaterThan(0);
        alternatives.GetRawText().ShouldNotContain(theirs);
        alternatives.GetRawText().ShouldNotContain(high.Id);
    }

    [Fact]
    public async Task A_draft_with_a_bad_field_or_no_volume_is_refused_like_a_put()
    {
        var a = await hub.CreatePartyAsync("a");
        var b = await hub.CreatePartyAsync("b");
        using var ca = a.Client();
        using var cb = b.Client();
        var bad = await (await ca.SendJsonAsync(HttpMethod.Post, "/api/v1/intents/X/check", HubCalls.Circle(20, 10, 1000, 5000, 4000, T0, T1))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        bad.GetProperty("errors").EnumerateObject().Single().Name.ShouldStartWith("features[0]");
        (await cb.SendJsonAsync(HttpMethod.Post, "/api/v1/intents/X/check", "{\"type\":\"FeatureCollection\",\"features\":[]}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
