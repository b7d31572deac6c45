using System.Text.Json;
using System.Net;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Api;

/// <summary>A coalition, a second air force and a humanitarian organisation declare intents and are told of conflicts.</summary>
public abstract class ThreePartyFlowTests(HubHost hub)
{
    private const string T0 = "2026-03-01T10:00:00Z";
    private const string T1 = "2026-03-01T12:00:00Z";

    [Fact]
    public async Task Three_parties_declare_intents_agree_and_see_what_they_agreed_to()
    {
        var coalition = await hub.CreatePartyAsync("coalition", "coalition");
        var airForce = await hub.CreatePartyAsync("air-force", "state");
        var ngo = await hub.CreatePartyAsync("ngo", "humanitarian");
        using var c = coalition.Client();
        using var a = airForce.Client();
        using var n = ngo.Client();

        // coalition ↔ air force: full both ways; coalition ↔ ngo: ngo shares only what conflicts, coalition nothing.
        var proposal = await c.SendJsonAsync(HttpMethod.Post, "/api/v1/agreements",
            $$$"""{"counterparty":"{{{airForce.Id}}}","separation":{"h_nm":5,"v_ft":1000,"lookahead_s":300},"buffers":{"h_m":0,"v_ft":0,"t_s":0},"sharing":{"proposer_to_counterparty":"full","counterparty_to_proposer":"full"},"ack_deadline_s":300,"languages":{"proposer":"en","counterparty":"ru"}}""");
        var agreement = await proposal.ShouldBeAsync(HttpStatusCode.Created);
        agreement.GetProperty("status").GetString().ShouldBe("proposed");
        proposal.Receipt().ShouldNotBeNull();
        var id = agreement.GetProperty("id").GetString();
        (await (await c.PostAsync($"/api/v1/agreements/{id}/accept", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden)).ToString();
        var accepted = await (await a.PostAsync($"/api/v1/agreements/{id}/accept", null)).ShouldBeAsync(HttpStatusCode.OK);
        accepted.GetProperty("status").GetString().ShouldBe("active");
        accepted.GetProperty("languages").GetProperty("counterparty").GetString().ShouldBe("ru");

        var second = await (await n.SendJsonAsync(HttpMethod.Post, "/api/v1/agreements",
            $$$"""{"counterparty":"{{{coalition.Id}}}","sharing":{"proposer_to_counterparty":"conflicts_only","counterparty_to_proposer":"none"}}""")).ShouldBeAsync(HttpStatusCode.Created);
        await (await c.PostAsync($"/api/v1/agreements/{second.GetProperty("id").GetString()}/accept", null)).ShouldBeAsync(HttpStatusCode.OK);

        // Coalition flies high over the area; the air force goes lower and elsewhere; the NGO convoy's drone crosses the coalition's band.
        var coalitionIntent = "C-" + Guid.NewGuid().ToString("N")[..8];
        var created = await c.PutIntentAsync(coalitionIntent, HubCalls.Circle(38.0, 35.0, 20_000, 20_000, 30_000, T0, T1, priority: 5));
        var body = await created.ShouldBeAsync(HttpStatusCode.Created);
        created.ETag().ShouldBe("\"1\"");
        created.Receipt().ShouldNotBeNull();
        body.GetProperty("conflicts").GetArrayLength().ShouldBe(0);

        var afIntent = "AF-" + Guid.NewGuid().ToString("N")[..8];
        (await a.PutIntentAsync(afIntent, HubCalls.Circle(39.5, 35.0, 10_000, 5_000, 15_000, T0, T1))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var ngoIntent = "UN-" + Guid.NewGuid().ToString("N")[..8];
        var blocked = await n.PutIntentAsync(ngoIntent, HubCalls.Circle(38.1, 35.0, 5_000, 25_000, 26_000, T0, T1, priority: 1));
        var problem = await blocked.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        // The coalition shares nothing with the NGO: a refusal names neither its intent nor the coalition.
        problem.GetProperty("conflicts")[0].GetProperty("intent_id").ValueKind.ShouldBe(JsonValueKind.Null);
        problem.GetProperty("conflicts")[0].GetProperty("party").ValueKind.ShouldBe(JsonValueKind.Null);
        problem.GetProperty("conflicts")[0].GetProperty("blocking").GetBoolean().ShouldBeTrue();
        (await n.GetAsync($"/api/v1/intents/{ngoIntent}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Higher priority: accepted, with the conflict listed as non-blocking.
        var outranks = await n.PutIntentAsync(ngoIntent, HubCalls.Circle(38.1, 35.0, 5_000, 25_000, 26_000, T0, T1, priority: 9));
        var ok = await outranks.ShouldBeAsync(HttpStatusCode.Created);
        // A stored conflict names the parties to each other (so they can talk), never the hidden intent's id.
        ok.GetProperty("conflicts")[0].GetProperty("intent_id").ValueKind.ShouldBe(JsonValueKind.Null);
        ok.GetProperty("conflicts")[0].GetProperty("party").GetString().ShouldBe(coalition.Id);
        ok.GetProperty("conflicts")[0].GetProperty("blocking").GetBoolean().ShouldBeFalse();

        // Both sides are told of the conflict.
        var cConflicts = await (await c.GetAsync("/api/v1/conflicts?state=open")).ShouldBeAsync(HttpStatusCode.OK);
        cConflicts.EnumerateArray().ShouldContain(x => x.GetProperty("objects").EnumerateArray().Any(o => o.GetString() == ngoIntent));
        var nConflicts = await (await n.GetAsync("/api/v1/conflicts")).ShouldBeAsync(HttpStatusCode.OK);
        nConflicts.GetArrayLength().ShouldBe(1);
        nConflicts[0].GetProperty("kind").GetString().ShouldBe("strategic");
        var aConflicts = await (await a.GetAsync("/api/v1/conflicts")).ShouldBeAsync(HttpStatusCode.OK);
        aConflicts.GetArrayLength().ShouldBe(0);

        // Full sharing: the air force sees the coalition's intent; conflicts_only: the coalition sees the NGO intent in conflict with it.
        (await a.GetAsync($"/api/v1/intents/{coalitionIntent}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await c.GetAsync($"/api/v1/intents/{ngoIntent}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The NGO gets nothing from the coalition, and nothing from the air force (no agreement).
        (await n.GetAsync($"/api/v1/intents/{coalitionIntent}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await n.GetAsync($"/api/v1/intents/{afIntent}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var nList = await (await n.GetAsync("/api/v1/intents")).ShouldBeAsync(HttpStatusCode.OK);
        nList.EnumerateArray().Select(x => x.GetProperty("id").GetString()).ShouldBe([ngoIntent]);
        var aList = await (await a.GetAsync("/api/v1/intents")).ShouldBeAsync(HttpStatusCode.OK);
        aList.EnumerateArray().Select(x => x.GetProperty("id").GetString()).ShouldBe(new[] { afIntent, coalitionIntent }.Order(StringComparer.Ordinal), ignoreOrder: true);

        // The NGO moves its drone below the coalition: the conflict clears for both.
        var get = await n.GetAsync($"/api/v1/intents/{ngoIntent}");
        var moved = await n.PutIntentAsync(ngoIntent, HubCalls.Circle(38.1, 35.0, 5_000, 500, 1_500, T0, T1, priority: 9), get.ETag());
        (await moved.ShouldBeAsync(HttpStatusCode.OK)).GetProperty("conflicts").GetArrayLength().ShouldBe(0);
        moved.ETag().ShouldBe("\"2\"");
        (await (await c.GetAsync("/api/v1/conflicts")).ShouldBeAsync(HttpStatusCode.OK)).EnumerateArray()
            .ShouldNotContain(x => x.GetProperty("objects").EnumerateArray().Any(o => o.GetString() == ngoIntent));
        var cleared = await (await n.GetAsync("/api/v1/conflicts?state=cleared")).ShouldBeAsync(HttpStatusCode.OK);
        cleared.GetArrayLength().ShouldBe(1);
        cleared[0].GetProperty("status").GetString().ShouldBe("cleared");
        // No longer in conflict: conflicts_only no longer shows it.
        (await c.GetAsync($"/api/v1/intents/{ngoIntent}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_stale_If_Match_gets_412_and_a_missing_one_428()
    {
        var p = await hub.CreatePartyAsync("etag");
        using var c = p.Client();
        var id = "E-" + Guid.NewGuid().ToString("N")[..8];
        var first = await c.PutIntentAsync(id, HubCalls.Circle(10, 10, 1_000, 0, 1_000, T0, T1));
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var etag = first.ETag();
        await (await c.PutIntentAsync(id, HubCalls.Circle(10, 10, 2_000, 0, 1_000, T0, T1))).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "If-Match");
        var second = await c.PutIntentAsync(id, HubCalls.Circle(10, 10, 2_000, 0, 1_000, T0, T1), etag);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await c.PutIntentAsync(id, HubCalls.Circle(10, 10, 3_000, 0, 1_000, T0, T1), etag)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "If-Match");
        var get = await c.GetAsync($"/api/v1/intents/{id}");
        get.ETag().ShouldBe(second.ETag());
        (await get.Content.ReadAsStringAsync()).ShouldContain("2000");
    }

    [Fact]
    public async Task State_changes_follow_the_allowed_transitions_and_DELETE_ends_the_intent()
    {
        var p = await hub.CreatePartyAsync("states");
        using var c = p.Client();
        var id = "S-" + Guid.NewGuid().ToString("N")[..8];
        await (await c.PutIntentAsync(id, HubCalls.Circle(20, 10, 1_000, 0, 1_000, T0, T1, state: "Activated"))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "state");
        (await c.PutIntentAsync(id, HubCalls.Circle(20, 10, 1_000, 0, 1_000, T0, T1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var activated = await c.SendJsonAsync(HttpMethod.Post, $"/api/v1/intents/{id}/state", """{"state":"Activated"}""");
        (await activated.ShouldBeAsync(HttpStatusCode.OK)).GetProperty("state").GetString().ShouldBe("Activated");
        activated.Receipt().ShouldNotBeNull();
        await (await c.SendJsonAsync(HttpMethod.Post, $"/api/v1/intents/{id}/state", """{"state":"Accepted"}""")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "state");
        await (await c.SendJsonAsync(HttpMethod.Post, $"/api/v1/intents/{id}/state", """{"state":"Flying"}""")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "state");
        (await (await c.SendJsonAsync(HttpMethod.Post, $"/api/v1/intents/{id}/state", """{"state":"Contingent"}""")).ShouldBeAsync(HttpStatusCode.OK))
            .GetProperty("version").GetInt64().ShouldBe(3);
        var end = await c.DeleteAsync($"/api/v1/intents/{id}");
        end.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        end.Receipt().ShouldNotBeNull();
        (await c.GetAsync($"/api/v1/intents/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await c.DeleteAsync($"/api/v1/intents/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Listing_filters_by_bounding_box_and_time()
    {
        var p = await hub.CreatePartyAsync("list");
        using var c = p.Client();
        var near = "N-" + Guid.NewGuid().ToString("N")[..8];
        var far = "F-" + Guid.NewGuid().ToString("N")[..8];
        (await c.PutIntentAsync(near, HubCalls.Circle(30, 30, 1_000, 0, 1_000, T0, T1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await c.PutIntentAsync(far, HubCalls.Circle(-60, -30, 1_000, 0, 1_000, "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var box = await (await c.GetAsync("/api/v1/intents?bbox=29,29,31,31")).ShouldBeAsync(HttpStatusCode.OK);
        box.EnumerateArray().Select(x => x.GetProperty("id").GetString()).ShouldBe([near]);
        var window = await (await c.GetAsync("/api/v1/intents?from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z")).ShouldBeAsync(HttpStatusCode.OK);
        window.EnumerateArray().Select(x => x.GetProperty("id").GetString()).ShouldBe([far]);
        await (await c.GetAsync("/api/v1/intents?bbox=1,2,3")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "bbox");
        await (await c.GetAsync("/api/v1/intents?from=yesterday")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "from");
    }

    [Fact]
    public async Task Agreement_buffers_widen_the_strategic_check()
    {
        var x = await hub.CreatePartyAsync("buf-x");
        var y = await hub.CreatePartyAsync("buf-y");
        using var cx = x.Client();
        using var cy = y.Client();
        // 100 ft apart vertically: clear without buffers.
        (await cx.PutIntentAsync("BX-" + x.Id, HubCalls.Circle(50, 50, 5_000, 0, 1_000, T0, T1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var clear = await cy.PutIntentAsync("BY-" + y.Id, HubCalls.Circle(50, 50, 5_000, 1_100, 2_000, T0, T1, priority: 3));
        (await clear.ShouldBeAsync(HttpStatusCode.Created)).GetProperty("conflicts").GetArrayLength().ShouldBe(0);
        var ag = await (await cx.SendJsonAsync(HttpMethod.Post, "/api/v1/agreements",
            $$$"""{"counterparty":"{{{y.Id}}}","buffers":{"h_m":0,"v_ft":500,"t_s":0}}""")).ShouldBeAsync(HttpStatusCode.Created);
        await (await cy.PostAsync($"/api/v1/agreements/{ag.GetProperty("id").GetString()}/accept", null)).ShouldBeAsync(HttpStatusCode.OK);
        // Accepting the agreement re-checks the pair's intents under the new buffers.
        (await (await cx.GetAsync("/api/v1/conflicts")).ShouldBeAsync(HttpStatusCode.OK)).GetArrayLength().ShouldBe(1);
        var changed = await cy.PutIntentAsync("BY-" + y.Id, HubCalls.Circle(50, 50, 5_000, 1_100, 2_000, T0, T1, priority: 3), clear.ETag());
        (await changed.ShouldBeAsync(HttpStatusCode.OK)).GetProperty("conflicts").GetArrayLength().ShouldBe(1);
        // Ending it removes the buffers again: the conflict clears.
        await (await cx.PostAsync($"/api/v1/agreements/{ag.GetProperty("id").GetString()}/end", null)).ShouldBeAsync(HttpStatusCode.OK);
        (await (await cy.GetAsync("/api/v1/conflicts")).ShouldBeAsync(HttpStatusCode.OK)).GetArrayLength().ShouldBe(0);
    }
}

public sealed class SqliteThreePartyFlowTests(SqliteHub hub) : ThreePartyFlowTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresThreePartyFlowTests(PostgresHub hub) : ThreePartyFlowTests(hub), IClassFixture<PostgresHub>;

[Collection(ClusterPeers.Collection)]
public sealed class ClusterThreePartyFlowTests(ClusterHub hub) : ThreePartyFlowTests(hub), IClassFixture<ClusterHub>;
