using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deconflict.Hub.Dss;
using Deconflict.Hub.Tests.Hosting;
using S = Deconflict.Hub.Dss.DssScopes;

namespace Deconflict.Hub.Tests.Dss;

/// <summary>
/// One picture: USSs' operational intents are hub intents of their parties, deconflicted among USSs by OVN keys and
/// against every other party by the hub's strategic check; hub intents reach a USS as references only as far as
/// need-to-know allows. The hub's USS priority here is 3.
/// </summary>
public abstract class HubPictureTests(DssHub hub)
{
    [Fact]
    public async Task Two_usss_key_each_other_and_their_intents_are_in_the_hubs_conflicts_and_audit_log()
    {
        var area = DssArea.New();
        var (uss1Party, uss1Hub) = await UssPartyAsync("pic-uss1");
        using var uss1 = hub.Uss(uss1Party, S.StrategicCoordination);
        using var uss2 = hub.Uss("pic-uss2-" + Guid.NewGuid().ToString("N")[..6], S.StrategicCoordination);
        var first = DssCalls.NewId();
        var ovn1 = (await uss1.CreateOirAsync(first, DssCalls.Oir(area.Volume()))).GetProperty("ovn").GetString()!;

        // USS 2 plans across it: 409 naming USS 1's reference, without its OVN; keyed, it is accepted.
        var second = DssCalls.NewId();
        var refused = await (await uss2.PutJsonAsync($"/dss/v1/operational_intent_references/{second}", DssCalls.Oir(area.Volume(eastM: 300)))).ShouldAnswerAsync(HttpStatusCode.Conflict);
        var missing = refused.GetProperty("missing_operational_intents");
        missing.Ids().ShouldBe([first]);
        missing[0].TryGetProperty("ovn", out _).ShouldBeFalse();
        missing[0].GetProperty("uss_base_url").GetString().ShouldBe(DssCalls.UssUrl);
        await uss2.CreateOirAsync(second, DssCalls.Oir(area.Volume(eastM: 300), key: [ovn1]));

        // In the hub the two are an open strategic conflict of both parties (accepted: USSs deconflict each other by keys).
        var conflicts = await (await uss1Hub.GetAsync("/api/v1/conflicts")).ShouldBeAsync(HttpStatusCode.OK);
        // USS 2 shares nothing with USS 1's party, so its intent is named by party only.
        var pair = conflicts.EnumerateArray().Single(c => c.GetProperty("objects").EnumerateArray().Any(o => o.GetString() == first));
        pair.GetProperty("kind").GetString().ShouldBe("strategic");
        pair.GetProperty("parties").GetArrayLength().ShouldBe(2);

        // The audit log has the DSS write and the hub intent it made.
        var audit = await uss1Hub.GetStringAsync("/api/v1/audit/export");
        var actions = audit.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.TryGetProperty("object_id", out var o) && o.GetString() == first).Select(e => e.GetProperty("action").GetString()).ToList();
        actions.ShouldContain("dss.oir.create");
        actions.ShouldContain("intent.create");
    }

    [Fact]
    public async Task A_hub_partys_higher_priority_intent_blocks_a_uss_intent_and_is_a_reference_as_far_as_sharing_allows()
    {
        var area = DssArea.New();
        var (ussParty, ussHub) = await UssPartyAsync("pic-prio");
        using var uss = hub.Uss(ussParty, S.StrategicCoordination);
        var (stateId, state) = await hub.PartyAsync("air-force");
        var t0 = DateTimeOffset.UtcNow.AddMinutes(5).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var t1 = DateTimeOffset.UtcNow.AddMinutes(90).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var hubIntent = "AF-" + Guid.NewGuid().ToString("N")[..8];
        await (await state.PutIntentAsync(hubIntent, HubCalls.Circle(area.Lng, area.Lat, 1_000, 0, 1_000, t0, t1, priority: 5))).ShouldBeAsync(HttpStatusCode.Created);
        var entityId = HubIntentReferences.EntityIdOf(stateId, hubIntent);

        // No agreement: the USS does not see it at all, but the hub still refuses a USS intent into it.
        var query = await (await uss.PostJsonAsync("/dss/v1/operational_intent_references/query", DssCalls.Query(area.Volume(radiusM: 3_000)))).ShouldAnswerAsync(HttpStatusCode.OK);
        query.GetProperty("operational_intent_references").Ids().ShouldNotContain(entityId);
        var blocked = await (await uss.PutJsonAsync($"/dss/v1/operational_intent_references/{DssCalls.NewId()}", DssCalls.Oir(area.Volume()))).ShouldAnswerAsync(HttpStatusCode.Conflict);
        blocked.GetProperty("message").GetString()!.ShouldContain("higher-priority");
        blocked.GetProperty("missing_operational_intents").GetArrayLength().ShouldBe(0);
        await (await uss.GetAsync($"/uss/v1/operational_intents/{entityId}")).ShouldAnswerAsync(HttpStatusCode.NotFound);
        // Elsewhere the USS plans freely.
        await uss.CreateOirAsync(DssCalls.NewId(), DssCalls.Oir(area.Volume(eastM: 20_000)));

        // With full sharing from the air force, its intent is a reference the USS must key, with details from the hub.
        var proposal = await (await state.SendJsonAsync(HttpMethod.Post, "/api/v1/agreements",
            $$$"""{"counterparty":"{{{ussParty}}}","sharing":{"proposer_to_counterparty":"full","counterparty_to_proposer":"full"}}""")).ShouldBeAsync(HttpStatusCode.Created);
        await (await ussHub.PostAsync($"/api/v1/agreements/{proposal.GetProperty("id").GetString()}/accept", null)).ShouldBeAsync(HttpStatusCode.OK);
        var seen = await (await uss.PostJsonAsync("/dss/v1/operational_intent_references/query", DssCalls.Query(area.Volume(radiusM: 3_000)))).ShouldAnswerAsync(HttpStatusCode.OK);
        var reference = seen.GetProperty("operational_intent_references").EnumerateArray().Single(r => r.GetProperty("id").GetString() == entityId);
        reference.GetProperty("manager").GetString().ShouldBe(HubIntentReferences.ManagerPrefix + stateId);
        reference.TryGetProperty("ovn", out _).ShouldBeFalse();
        var mustKey = await (await uss.PutJsonAsync($"/dss/v1/operational_intent_references/{DssCalls.NewId()}", DssCalls.Oir(area.Volume()))).ShouldAnswerAsync(HttpStatusCode.Conflict);
        mustKey.GetProperty("missing_operational_intents").Ids().ShouldBe([entityId]);
        var details = (await (await uss.GetAsync($"/uss/v1/operational_intents/{entityId}")).ShouldAnswerAsync(HttpStatusCode.OK)).GetProperty("operational_intent");
        var ovn = details.GetProperty("reference").GetProperty("ovn").GetString()!;
        details.GetProperty("details").GetProperty("priority").GetInt32().ShouldBe(5);
        details.GetProperty("details").GetProperty("volumes")[0].GetProperty("volume").GetProperty("outline_circle").GetProperty("radius").GetProperty("value").GetDouble().ShouldBe(1_000);
        // Keyed, it is still refused: priority 5 outranks the USS's 3.
        var outranked = await (await uss.PutJsonAsync($"/dss/v1/operational_intent_references/{DssCalls.NewId()}", DssCalls.Oir(area.Volume(), key: [ovn]))).ShouldAnswerAsync(HttpStatusCode.Conflict);
        outranked.GetProperty("message").GetString()!.ShouldContain("higher-priority");

        // Lowered to priority 1 (a new version, so a new OVN), the USS intent is accepted once keyed again, and the air force sees the conflict.
        var etag = (await state.GetAsync($"/api/v1/intents/{hubIntent}")).Headers.ETag!.Tag;
        await (await state.PutIntentAsync(hubIntent, HubCalls.Circle(area.Lng, area.Lat, 1_000, 0, 1_000, t0, t1, priority: 1), etag)).ShouldBeAsync(HttpStatusCode.OK);
        var stale = await (await uss.PutJsonAsync($"/dss/v1/operational_intent_references/{DssCalls.NewId()}", DssCalls.Oir(area.Volume(), key: [ovn]))).ShouldAnswerAsync(HttpStatusCode.Conflict);
        stale.GetProperty("missing_operational_intents").Ids().ShouldBe([entityId]);
        var ovn2 = (await (await uss.GetAsync($"/uss/v1/operational_intents/{entityId}")).ShouldAnswerAsync(HttpStatusCode.OK))
            .GetProperty("operational_intent").GetProperty("reference").GetProperty("ovn").GetString()!;
        ovn2.ShouldNotBe(ovn);
        var accepted = DssCalls.NewId();
        await uss.CreateOirAsync(accepted, DssCalls.Oir(area.Volume(), key: [ovn2]));
        var conflicts = await (await state.GetAsync("/api/v1/conflicts")).ShouldBeAsync(HttpStatusCode.OK);
        conflicts.EnumerateArray().ShouldContain(c => c.GetProperty("objects").EnumerateArray().Any(o => o.GetString() == accepted));
    }

    [Fact]
    public async Task Usss_subscribed_to_an_area_are_notified_of_hub_intents_they_may_see()
    {
        var area = DssArea.New();
        await using var receiver = await TestUss.StartAsync();
        var (ussParty, ussHub) = await UssPartyAsync("pic-notify");
        using var uss = hub.Uss(ussParty, S.StrategicCoordination);
        var subscription = DssCalls.NewId();
        await (await uss.PutJsonAsync($"/dss/v1/subscriptions/{subscription}", DssCalls.Subscription(area.Volume(radiusM: 5_000, fromMin: 0, toMin: 120), ussUrl: receiver.BaseUrl))).ShouldAnswerAsync(HttpStatusCode.OK);
        var (_, hidden) = await hub.PartyAsync("hidden");
        var (sharingId, sharing) = await hub.PartyAsync("sharing");
        var proposal = await (await sharing.SendJsonAsync(HttpMethod.Post, "/api/v1/agreements",
            $$$"""{"counterparty":"{{{ussParty}}}","sharing":{"proposer_to_counterparty":"full","counterparty_to_proposer":"none"}}""")).ShouldBeAsync(HttpStatusCode.Created);
        await (await ussHub.PostAsync($"/api/v1/agreements/{proposal.GetProperty("id").GetString()}/accept", null)).ShouldBeAsync(HttpStatusCode.OK);
        var t0 = DateTimeOffset.UtcNow.AddMinutes(5).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var t1 = DateTimeOffset.UtcNow.AddMinutes(60).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

        // The hidden party's intent comes first but is never notified; the sharing party's is, with details and OVN.
        await (await hidden.PutIntentAsync("H-" + Guid.NewGuid().ToString("N")[..8], HubCalls.Circle(area.Lng, area.Lat, 500, 0, 500, t0, t1, priority: 1))).ShouldBeAsync(HttpStatusCode.Created);
        var shared = "S-" + Guid.NewGuid().ToString("N")[..8];
        var put = await sharing.PutIntentAsync(shared, HubCalls.Circle(area.Lng, area.Lat, 500, 0, 500, t0, t1, priority: 5));
        await put.ShouldBeAsync(HttpStatusCode.Created);
        var note = await receiver.NextAsync();
        note.GetProperty("operational_intent_id").GetString().ShouldBe(HubIntentReferences.EntityIdOf(sharingId, shared));
        note.GetProperty("subscriptions")[0].GetProperty("subscription_id").GetString().ShouldBe(subscription);
        note.GetProperty("subscriptions")[0].GetProperty("notification_index").GetInt32().ShouldBe(1);
        var reference = note.GetProperty("operational_intent").GetProperty("reference");
        reference.GetProperty("manager").GetString().ShouldBe(HubIntentReferences.ManagerPrefix + sharingId);
        reference.GetProperty("ovn").GetString().ShouldNotBeNullOrEmpty();

        // Ending it is a notification without details; the index goes on.
        (await sharing.DeleteAsync($"/api/v1/intents/{shared}")).IsSuccessStatusCode.ShouldBeTrue();
        var ended = await receiver.NextAsync();
        ended.GetProperty("operational_intent_id").GetString().ShouldBe(HubIntentReferences.EntityIdOf(sharingId, shared));
        ended.TryGetProperty("operational_intent", out _).ShouldBeFalse();
        ended.GetProperty("subscriptions")[0].GetProperty("notification_index").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task A_hub_corridor_reaches_a_uss_as_one_polygon_volume_per_leg_around_its_path()
    {
        var area = DssArea.New();
        var (ussParty, ussHub) = await UssPartyAsync("pic-corr");
        using var uss = hub.Uss(ussParty, S.StrategicCoordination);
        var (ownerId, owner) = await hub.PartyAsync("corridor-owner");
        var proposal = await (await owner.SendJsonAsync(HttpMethod.Post, "/api/v1/agreements",
            $$$"""{"counterparty":"{{{ussParty}}}","sharing":{"proposer_to_counterparty":"full","counterparty_to_proposer":"none"}}""")).ShouldBeAsync(HttpStatusCode.Created);
        await (await ussHub.PostAsync($"/api/v1/agreements/{proposal.GetProperty("id").GetString()}/accept", null)).ShouldBeAsync(HttpStatusCode.OK);
        var t0 = DateTimeOffset.UtcNow.AddMinutes(5).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var t1 = DateTimeOffset.UtcNow.AddMinutes(60).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var path = new[] { (area.Lng, area.Lat), (area.Lng + 0.2, area.Lat), (area.Lng + 0.2, area.Lat + 0.15) };
        var corridor = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":["
            + string.Join(",", path.Select(p => $"[{HubCalls.Inv(p.Item1)},{HubCalls.Inv(p.Item2)}]"))
            + "]},\"properties\":{\"half_width_m\":1000,\"alt_lower_ft\":0,\"alt_upper_ft\":2000,\"time_start\":\"" + t0 + "\",\"time_end\":\"" + t1 + "\"}}]}";
        var id = "COR-" + Guid.NewGuid().ToString("N")[..8];
        await (await owner.PutIntentAsync(id, corridor)).ShouldBeAsync(HttpStatusCode.Created);

        var details = (await (await uss.GetAsync($"/uss/v1/operational_intents/{HubIntentReferences.EntityIdOf(ownerId, id)}")).ShouldAnswerAsync(HttpStatusCode.OK))
            .GetProperty("operational_intent").GetProperty("details").GetProperty("volumes").EnumerateArray().ToList();
        details.Count.ShouldBe(2, "one volume per leg");
        foreach (var (volume, leg) in details.Select((v, i) => (v, i)))
        {
            var vertices = volume.GetProperty("volume").GetProperty("outline_polygon").GetProperty("vertices").EnumerateArray()
                .Select(v => new Deconflict.Core.Geodesy.GeoPoint(v.GetProperty("lat").GetDouble(), v.GetProperty("lng").GetDouble())).ToList();
            // Each vertex is about the half-width from its leg: within 1.1 km of one of the leg's ends or its middle parts.
            var (a, b) = (path[leg], path[leg + 1]);
            var legPoints = Enumerable.Range(0, 41).Select(k => new Deconflict.Core.Geodesy.GeoPoint(a.Item2 + ((b.Item2 - a.Item2) * k / 40), a.Item1 + ((b.Item1 - a.Item1) * k / 40))).ToList();
            vertices.ShouldAllBe(v => legPoints.Min(p => Deconflict.Core.Geodesy.Geodesic.Inverse(p, v).DistanceM) < 1_100);
        }
    }

    /// <summary>A hub party for a USS subject (created with <c>f3548_subject</c>), so that it also has an API key.</summary>
    private async Task<(string Id, HttpClient Hub)> UssPartyAsync(string prefix)
    {
        var id = $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}";
        using var admin = hub.Admin();
        using var response = await admin.PostAsJsonAsync("/api/v1/parties", new { name = id, kind = "operator", id, f3548_subject = id });
        var body = await response.ShouldBeAsync(HttpStatusCode.Created);
        return (id, HubHttp.Client(hub.BaseAddress, body.GetProperty("api_key").GetString()!));
    }
}

public sealed class SqliteHubPictureTests(SqliteDssHub hub) : HubPictureTests(hub), IClassFixture<SqliteDssHub>;

public sealed class PostgresHubPictureTests(PostgresDssHub hub) : HubPictureTests(hub), IClassFixture<PostgresDssHub>;

[Collection(ClusterPeers.Collection)]
public sealed class ClusterHubPictureTests(ClusterDssHub hub) : HubPictureTests(hub), IClassFixture<ClusterDssHub>;
