using System.Net;
using System.Text.Json;
using Deconflict.Core.Coordinates;
using Deconflict.Hub.Tests.Hosting;
using static Deconflict.Hub.Tests.Ground.GroundCalls;

namespace Deconflict.Hub.Tests.Ground;

/// <summary>A humanitarian organisation notifies a clinic and a convoy to an air force; strikes are reported and checked.</summary>
public abstract class GroundFlowTests(HubHost hub)
{
    private const double ClinicLon = 37.10;
    private const double ClinicLat = 36.20;

    [Fact]
    public async Task A_notified_site_is_disclosed_only_under_agreement_acknowledged_and_renotified()
    {
        var ngo = await hub.CreatePartyAsync("ngo", "humanitarian");
        var airForce = await hub.CreatePartyAsync("af", "state");
        var outsider = await hub.CreatePartyAsync("outsider", "state");
        await AgreeAsync(ngo, airForce, "full");
        using var n = ngo.Client();
        using var a = airForce.Client();
        using var x = outsider.Client();
        var site = NewId("clinic");

        var put = await n.SendJsonAsync(HttpMethod.Put, $"/api/v1/sites/{site}", PointSite((ClinicLon - 2), ClinicLat, 300));
        var written = await put.ShouldBeAsync(HttpStatusCode.Created);
        put.Receipt().ShouldNotBeNull();
        written.GetProperty("version").GetInt64().ShouldBe(1);
        written.GetProperty("notified_parties").EnumerateArray().Select(p => p.GetString()).ShouldBe([airForce.Id]);

        // The air force sees it (and the disclosure is audited); the outsider has no agreement and sees nothing.
        var seen = await (await a.GetAsync($"/api/v1/sites/{site}")).ShouldBeAsync(HttpStatusCode.OK);
        seen.GetProperty("geometry").GetProperty("coordinates")[1].GetDouble().ShouldBe(ClinicLat);
        seen.GetProperty("properties").GetProperty("acknowledged").GetBoolean().ShouldBeFalse();
        await (await x.GetAsync($"/api/v1/sites/{site}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var outsiderList = await (await x.GetAsync("/api/v1/sites")).ShouldBeAsync(HttpStatusCode.OK);
        outsiderList.GetProperty("features").GetArrayLength().ShouldBe(0);
        await (await x.PostAsync($"/api/v1/sites/{site}/ack", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        // Ids are the owner's: another party's PUT of the same id declares its own site and changes nothing of the NGO's.
        var own = await (await x.SendJsonAsync(HttpMethod.Put, $"/api/v1/sites/{site}", PointSite(ClinicLon, ClinicLat - 5))).ShouldBeAsync(HttpStatusCode.Created);
        own.GetProperty("party").GetString().ShouldBe(outsider.Id);
        (await (await a.GetAsync($"/api/v1/sites/{site}")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("geometry").GetProperty("coordinates")[1].GetDouble().ShouldBe(ClinicLat);
        (await x.DeleteAsync($"/api/v1/sites/{site}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var audit = await (await a.GetAsync("/api/v1/audit/export")).Content.ReadAsStringAsync();
        audit.ShouldContain("ground.disclose");

        // Pending until the air force acknowledges; the owner sees who acknowledged which version.
        var owner = await (await n.GetAsync($"/api/v1/sites/{site}")).ShouldBeAsync(HttpStatusCode.OK);
        Strings(owner.GetProperty("properties").GetProperty("pending_acknowledgement")).ShouldBe([airForce.Id]);
        var ack = await a.PostAsync($"/api/v1/sites/{site}/ack", null);
        (await ack.ShouldBeAsync(HttpStatusCode.OK)).GetProperty("version").GetInt64().ShouldBe(1);
        ack.Receipt().ShouldNotBeNull();
        await (await n.PostAsync($"/api/v1/sites/{site}/ack", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        owner = await (await n.GetAsync($"/api/v1/sites/{site}")).ShouldBeAsync(HttpStatusCode.OK);
        owner.GetProperty("properties").GetProperty("pending_acknowledgement").GetArrayLength().ShouldBe(0);
        owner.GetProperty("properties").GetProperty("acknowledgements")[0].GetProperty("party").GetString().ShouldBe(airForce.Id);

        // The same notification again changes nothing; a moved site is a new version that needs a new acknowledgement.
        (await (await n.SendJsonAsync(HttpMethod.Put, $"/api/v1/sites/{site}", PointSite((ClinicLon - 2), ClinicLat, 300))).ShouldBeAsync(HttpStatusCode.OK))
            .GetProperty("version").GetInt64().ShouldBe(1);
        var moved = await (await n.SendJsonAsync(HttpMethod.Put, $"/api/v1/sites/{site}", PointSite((ClinicLon - 2), ClinicLat + 0.001, 300))).ShouldBeAsync(HttpStatusCode.OK);
        moved.GetProperty("version").GetInt64().ShouldBe(2);
        owner = await (await n.GetAsync($"/api/v1/sites/{site}")).ShouldBeAsync(HttpStatusCode.OK);
        Strings(owner.GetProperty("properties").GetProperty("pending_acknowledgement")).ShouldBe([airForce.Id]);
        (await (await a.GetAsync($"/api/v1/sites/{site}")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("properties").GetProperty("acknowledged").GetBoolean().ShouldBeFalse();

        // Transparency: the air force's unacknowledged notification shows to it and to the organisation, not to the outsider.
        var mine = await (await a.GetAsync("/api/v1/transparency")).ShouldBeAsync(HttpStatusCode.OK);
        Entry(mine, airForce.Id).GetProperty("unacknowledged_notifications")[0].GetProperty("site_id").GetString().ShouldBe(site);
        var theirs = await (await x.GetAsync("/api/v1/transparency")).ShouldBeAsync(HttpStatusCode.OK);
        theirs.GetProperty("parties").EnumerateArray().ShouldAllBe(p => p.GetProperty("party").GetString() == outsider.Id);

        // Withdrawn: gone for everyone.
        var withdrawn = await n.DeleteAsync($"/api/v1/sites/{site}");
        withdrawn.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        withdrawn.Receipt().ShouldNotBeNull();
        await (await a.GetAsync($"/api/v1/sites/{site}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_strike_near_a_site_raises_a_ground_conflict_to_both_sides_and_shows_in_transparency()
    {
        var ngo = await hub.CreatePartyAsync("ngo", "humanitarian");
        var airForce = await hub.CreatePartyAsync("af", "state");
        var bystander = await hub.CreatePartyAsync("bystander", "state");
        await AgreeAsync(ngo, airForce, "full");
        using var n = ngo.Client();
        using var a = airForce.Client();
        using var b = bystander.Client();
        var site = NewId("clinic");
        var convoy = NewId("convoy");
        await (await n.SendJsonAsync(HttpMethod.Put, $"/api/v1/sites/{site}", PointSite(ClinicLon, ClinicLat, 250))).ShouldBeAsync(HttpStatusCode.Created);
        await (await n.SendJsonAsync(HttpMethod.Put, $"/api/v1/movements/{convoy}", Movement(37.5, 36.5, 37.7, 36.7))).ShouldBeAsync(HttpStatusCode.Created);
        var zone = NewId("zone");
        var zonePut = await a.SendJsonAsync(HttpMethod.Put, $"/api/v1/zones/{zone}", Zone(37.9, 36.9, 38.3, 37.3));
        await zonePut.ShouldBeAsync(HttpStatusCode.Created);
        zonePut.Receipt().ShouldNotBeNull();
        var intent = NewId("strikes");
        (await a.PutIntentAsync(intent, HubCalls.Circle(37.6, 36.6, 80_000, 0, 30_000, T0, T1))).StatusCode.ShouldBe(HttpStatusCode.Created);

        // ~111 m north of the clinic, outside the declared zone.
        var near = await a.SendJsonAsync(HttpMethod.Post, "/api/v1/strikes", Strike(intent, ClinicLat + 0.001, ClinicLon));
        var nearBody = await near.ShouldBeAsync(HttpStatusCode.Created);
        near.Receipt().ShouldNotBeNull();
        var nearId = nearBody.GetProperty("id").GetString()!;
        nearBody.GetProperty("inside_declared_zone").GetBoolean().ShouldBeFalse();
        nearBody.GetProperty("inside_intent").GetBoolean().ShouldBeTrue();
        var hit = nearBody.GetProperty("hits").EnumerateArray().Single();
        hit.GetProperty("object_id").GetString().ShouldBe(site);
        hit.GetProperty("party").GetString().ShouldBe(ngo.Id);
        hit.GetProperty("distance_m").GetDouble().ShouldBe(111, 1.5);

        foreach (var (client, expected) in new[] { (a, new[] { nearId, site }), (n, [site]) })
        {
            var conflicts = await (await client.GetAsync("/api/v1/conflicts")).ShouldBeAsync(HttpStatusCode.OK);
            var ground = conflicts.EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "ground");
            Strings(ground.GetProperty("parties")).ShouldBe([airForce.Id, ngo.Id], ignoreOrder: true);
            // The NGO learns that a strike of the air force reached its site; the strike's id only under sharing.
            Strings(ground.GetProperty("objects")).ShouldBe(expected);
            ground.GetProperty("object_refs").GetArrayLength().ShouldBe(2);
        }
        (await (await b.GetAsync("/api/v1/conflicts")).ShouldBeAsync(HttpStatusCode.OK)).GetArrayLength().ShouldBe(0);

        // A strike on the convoy's route while it moves, given in MGRS, inside the zone? no: the route is outside it.
        var onRoute = Mgrs.Format(36.6, 37.6);
        var convoyStrike = await (await a.SendJsonAsync(HttpMethod.Post, "/api/v1/strikes",
            $$$"""{"intent_id":"{{{intent}}}","mgrs":"{{{onRoute}}}","t":"{{{During}}}"}""")).ShouldBeAsync(HttpStatusCode.Created);
        convoyStrike.GetProperty("hits")[0].GetProperty("object_kind").GetString().ShouldBe("movement");
        convoyStrike.GetProperty("lat_deg").GetDouble().ShouldBe(36.6, 1e-4);
        // The same place after the convoy's window: nothing.
        var late = await (await a.SendJsonAsync(HttpMethod.Post, "/api/v1/strikes", Strike(intent, 36.6, 37.6, t: "2026-03-01T15:00:00Z"))).ShouldBeAsync(HttpStatusCode.Created);
        late.GetProperty("hits").GetArrayLength().ShouldBe(0);

        // Inside the declared zone, given in MGRS: no mismatch.
        var inZone = await (await a.SendJsonAsync(HttpMethod.Post, "/api/v1/strikes",
            $$$"""{"intent_id":"{{{intent}}}","mgrs":"{{{Mgrs.Format(37.1, 38.1)}}}","t":"{{{During}}}","radius_m":50}""")).ShouldBeAsync(HttpStatusCode.Created);
        inZone.GetProperty("inside_declared_zone").GetBoolean().ShouldBeTrue();
        Strings(inZone.GetProperty("zone_ids")).ShouldBe([zone]);
        var inZoneId = inZone.GetProperty("id").GetString()!;

        var report = await (await a.GetAsync($"/api/v1/transparency?from={T0}&to={T1}")).ShouldBeAsync(HttpStatusCode.OK);
        var mine = Entry(report, airForce.Id);
        Strings(mine.GetProperty("strikes_outside_declared_zones")).ShouldContain(nearId);
        Strings(mine.GetProperty("strikes_outside_declared_zones")).ShouldNotContain(inZoneId);
        Strings(mine.GetProperty("strikes_near_protected_objects")).ShouldContain(nearId);
        mine.GetProperty("declared_zones")[0].GetProperty("id").GetString().ShouldBe(zone);
        mine.GetProperty("declared_intents")[0].GetProperty("id").GetString().ShouldBe(intent);
        mine.GetProperty("strikes").GetArrayLength().ShouldBe(3);

        // The air force shares nothing with the organisation: it sees only the air force's pending acknowledgement of its own site.
        var ngoView = await (await n.GetAsync($"/api/v1/transparency?from={T0}&to={T1}")).ShouldBeAsync(HttpStatusCode.OK);
        var afSeenByNgo = Entry(ngoView, airForce.Id);
        afSeenByNgo.GetProperty("strikes").GetArrayLength().ShouldBe(0);
        afSeenByNgo.GetProperty("declared_zones").GetArrayLength().ShouldBe(0);
        afSeenByNgo.GetProperty("unacknowledged_notifications")[0].GetProperty("site_id").GetString().ShouldBe(site);
        // The bystander sees nothing of either.
        var none = await (await b.GetAsync($"/api/v1/transparency?from={T0}&to={T1}")).ShouldBeAsync(HttpStatusCode.OK);
        none.GetProperty("parties").EnumerateArray().ShouldAllBe(p => p.GetProperty("party").GetString() == bystander.Id);
        await (await b.GetAsync($"/api/v1/strikes/{nearId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await a.GetAsync($"/api/v1/strikes/{nearId}")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("id").GetString().ShouldBe(nearId);
    }

    [Fact]
    public async Task A_fire_area_intent_over_a_site_is_a_ground_conflict_until_it_moves_away()
    {
        var ngo = await hub.CreatePartyAsync("ngo", "humanitarian");
        var airForce = await hub.CreatePartyAsync("af", "state");
        using var n = ngo.Client();
        using var a = airForce.Client();
        var site = NewId("school");
        await (await n.SendJsonAsync(HttpMethod.Put, $"/api/v1/sites/{site}", PointSite((ClinicLon + 3), ClinicLat, 200, "school"))).ShouldBeAsync(HttpStatusCode.Created);
        var intent = NewId("fires");
        var created = await a.PutIntentAsync(intent, HubCalls.Circle((ClinicLon + 3) + 0.01, ClinicLat, 2_000, 0, 20_000, T0, T1));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await n.SendJsonAsync(HttpMethod.Put, $"/api/v1/intents/{intent}/fire-area", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var marked = await a.SendJsonAsync(HttpMethod.Put, $"/api/v1/intents/{intent}/fire-area", null);
        var body = await marked.ShouldBeAsync(HttpStatusCode.OK);
        marked.Receipt().ShouldNotBeNull();
        body.GetProperty("conflicts")[0].GetProperty("object_id").GetString().ShouldBe(site);
        var ngoConflicts = await (await n.GetAsync("/api/v1/conflicts")).ShouldBeAsync(HttpStatusCode.OK);
        ngoConflicts.EnumerateArray().Single().GetProperty("kind").GetString().ShouldBe("ground");

        // The intent moves 50 km east: the fire-area watcher clears the conflict.
        (await a.PutIntentAsync(intent, HubCalls.Circle((ClinicLon + 3) + 0.6, ClinicLat, 2_000, 0, 20_000, T0, T1), created.ETag())).StatusCode.ShouldBe(HttpStatusCode.OK);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && (await (await n.GetAsync("/api/v1/conflicts")).ShouldBeAsync(HttpStatusCode.OK)).GetArrayLength() > 0)
        {
            await Task.Delay(100);
        }
        (await (await n.GetAsync("/api/v1/conflicts")).ShouldBeAsync(HttpStatusCode.OK)).GetArrayLength().ShouldBe(0);
        var cleared = await (await n.GetAsync("/api/v1/conflicts?state=cleared")).ShouldBeAsync(HttpStatusCode.OK);
        cleared.EnumerateArray().Single().GetProperty("kind").GetString().ShouldBe("ground");

        // A site notified later inside a fire area is checked at once.
        var late = NewId("water");
        var put = await (await n.SendJsonAsync(HttpMethod.Put, $"/api/v1/sites/{late}", PointSite((ClinicLon + 3) + 0.6, ClinicLat, 100, "water"))).ShouldBeAsync(HttpStatusCode.Created);
        put.GetProperty("conflicts")[0].GetProperty("object_id").GetString().ShouldBe(intent);
        (await a.DeleteAsync($"/api/v1/intents/{intent}/fire-area")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await a.GetAsync("/api/v1/conflicts")).ShouldBeAsync(HttpStatusCode.OK)).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Bad_ground_input_is_a_problem_naming_the_field_and_changes_nothing()
    {
        var airForce = await hub.CreatePartyAsync("af", "state");
        var other = await hub.CreatePartyAsync("other", "state");
        using var a = airForce.Client();
        using var o = other.Client();
        var intent = NewId("i");
        (await a.PutIntentAsync(intent, HubCalls.Circle(43, 36, 5_000, 0, 10_000, T0, T1))).StatusCode.ShouldBe(HttpStatusCode.Created);

        await (await a.SendJsonAsync(HttpMethod.Put, "/api/v1/sites/s1", PointSite(37, 36, category: "no such category"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "properties.category");
        await (await a.SendJsonAsync(HttpMethod.Put, "/api/v1/sites/s1", "{not json")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "body");
        await (await a.SendJsonAsync(HttpMethod.Put, "/api/v1/sites/s1", null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "body");
        await (await a.SendJsonAsync(HttpMethod.Put, "/api/v1/movements/m1", Movement(37, 36, 37, 36))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "geometry.coordinates");
        await (await a.SendJsonAsync(HttpMethod.Put, "/api/v1/zones/z1", Zone(37, 36, 38, 37, from: T1, to: T0))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "properties.valid_to");
        await (await a.SendJsonAsync(HttpMethod.Put, "/api/v1/zones/z1",
            PointSite(37, 36).Replace("\"category\":\"health\",", "", StringComparison.Ordinal))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await (await a.GetAsync("/api/v1/sites")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("features").GetArrayLength().ShouldBe(0);

        await (await a.SendJsonAsync(HttpMethod.Post, "/api/v1/strikes", $$$"""{"intent_id":"{{{intent}}}","lat_deg":36,"lon_deg":43}""")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "t");
        await (await a.SendJsonAsync(HttpMethod.Post, "/api/v1/strikes", $$$"""{"intent_id":"{{{intent}}}","lat_deg":96,"lon_deg":37,"t":"{{{During}}}"}""")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "lat_deg");
        await (await a.SendJsonAsync(HttpMethod.Post, "/api/v1/strikes", $$$"""{"intent_id":"{{{intent}}}","mgrs":"37SBA1234","lat_deg":36,"lon_deg":43,"t":"{{{During}}}"}""")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "mgrs");
        await (await a.SendJsonAsync(HttpMethod.Post, "/api/v1/strikes", $$$"""{"intent_id":"{{{intent}}}","mgrs":"99ZZZ","t":"{{{During}}}"}""")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "mgrs");
        await (await a.SendJsonAsync(HttpMethod.Post, "/api/v1/strikes", $$$"""{"intent_id":"{{{intent}}}","lat_deg":36,"lon_deg":43,"t":"{{{During}}}","radius_m":-1}""")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "radius_m");
        await (await a.SendJsonAsync(HttpMethod.Post, "/api/v1/strikes", $$$"""{"intent_id":"{{{intent}}}","lat_deg":36,"lon_deg":43,"t":"{{{During}}}","wind":3}""")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "wind");
        await (await o.SendJsonAsync(HttpMethod.Post, "/api/v1/strikes", Strike(intent, 36, 43))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "intent_id");
        await (await a.GetAsync("/api/v1/transparency?from=yesterday")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "from");
        await (await a.GetAsync($"/api/v1/transparency?from={T1}&to={T0}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "to");

        var first = await a.SendJsonAsync(HttpMethod.Post, "/api/v1/strikes", Strike(intent, 36, 43, id: "dup-" + airForce.Id));
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await a.SendJsonAsync(HttpMethod.Post, "/api/v1/strikes", Strike(intent, 36, 43, id: "dup-" + airForce.Id))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "id");
        // Any content type is read as JSON (curl -d sends a form type).
        using var plain = new StringContent(PointSite(43, 36), System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        (await a.PutAsync("/api/v1/sites/" + NewId("plain"), plain)).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var strike = new StringContent(Strike(intent, 36, 43), System.Text.Encoding.UTF8, "text/plain");
        (await a.PostAsync("/api/v1/strikes", strike)).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var anonymous = hub.Client();
        (await anonymous.GetAsync("/api/v1/sites")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static JsonElement Entry(JsonElement report, string party) =>
        report.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("party").GetString() == party);

    private static string?[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()).ToArray();
}

public sealed class SqliteGroundFlowTests(SqliteHub hub) : GroundFlowTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresGroundFlowTests(PostgresHub hub) : GroundFlowTests(hub), IClassFixture<PostgresHub>;

[Collection(ClusterPeers.Collection)]
public sealed class ClusterGroundFlowTests(ClusterHub hub) : GroundFlowTests(hub), IClassFixture<ClusterHub>;
