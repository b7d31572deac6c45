using Deconflict.Core.Geodesy;
using Deconflict.Core.Ground;
using Deconflict.Core.Strategic;

namespace Deconflict.Core.Tests.Ground;

public class GroundProximityTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly GeoPoint Clinic = new(36.2, 37.1);

    private static HumanitarianSite PointSite(string id, GeoPoint at, double radiusM, DateTimeOffset? from = null, DateTimeOffset? to = null) =>
        new(id, "ngo", "health", new CircleShape(at, radiusM), 0, from, to, "Clinic org", null);

    private static GeoPoint At(GeoPoint from, double azimuthDeg, double distanceM)
    {
        var d = Geodesic.Direct(from.LatDeg, from.LonDeg, azimuthDeg, distanceM);
        return new GeoPoint(d.LatDeg, d.LonDeg);
    }

    private static StrikeReport Strike(GeoPoint at, double radiusM = 0, string party = "af") => new("s1", party, "i1", at, T0.AddMinutes(30), radiusM);

    private static StrikeAssessment Assess(StrikeReport s, HumanitarianSite[]? sites = null, GroundMovement[]? movements = null, OperationsZone[]? zones = null) =>
        GroundProximity.Assess(s, sites ?? [], movements ?? [], zones ?? []);

    [Theory]
    [InlineData(249.0, 0.0, true)]
    [InlineData(251.0, 0.0, false)]
    [InlineData(300.0, 49.0, false)]
    [InlineData(300.0, 51.0, true)]
    public void A_strike_hits_a_point_site_when_the_geodesic_distance_is_below_protection_plus_strike_radius(double distanceM, double strikeRadiusM, bool hit)
    {
        foreach (var azimuth in new[] { 0.0, 77.0, 180.0, 301.0 })
        {
            var result = Assess(Strike(At(Clinic, azimuth, distanceM), strikeRadiusM), [PointSite("clinic", Clinic, 250)]);
            result.Hits.Count.ShouldBe(hit ? 1 : 0, $"azimuth {azimuth}");
            if (hit)
            {
                result.Hits[0].Kind.ShouldBe(GroundObjectKind.Site);
                result.Hits[0].Party.ShouldBe("ngo");
                result.Hits[0].DistanceM.ShouldBe(distanceM, 0.01);
            }
        }
    }

    [Fact]
    public void A_site_outside_its_validity_window_is_not_hit()
    {
        var site = PointSite("school", Clinic, 500, from: T0.AddHours(1));
        Assess(Strike(Clinic), [site]).Hits.ShouldBeEmpty();
        var expired = PointSite("school", Clinic, 500, to: T0.AddMinutes(30));
        Assess(Strike(Clinic), [expired]).Hits.ShouldBeEmpty();
    }

    [Fact]
    public void A_strike_inside_a_polygon_site_or_within_its_margin_hits_it()
    {
        var ring = new[] { new GeoPoint(36.0, 37.0), new GeoPoint(36.0, 37.01), new GeoPoint(36.01, 37.01), new GeoPoint(36.01, 37.0) };
        var camp = new HumanitarianSite("camp", "ngo", "camp", new PolygonShape(ring), 0, null, null, null, null);
        Assess(Strike(new GeoPoint(36.005, 37.005)), [camp]).Hits.Single().DistanceM.ShouldBe(0);
        var outside = At(new GeoPoint(36.005, 37.01), 90, 100);
        Assess(Strike(outside), [camp]).Hits.ShouldBeEmpty();
        Assess(Strike(outside, 120), [camp]).Hits.Count.ShouldBe(1);
        Assess(Strike(outside), [camp with { MarginM = 150 }]).Hits.Count.ShouldBe(1);
    }

    [Fact]
    public void A_movement_is_hit_only_near_its_route_while_it_is_active()
    {
        var route = new CorridorShape([new GeoPoint(36.0, 37.0), new GeoPoint(36.3, 37.3)], 100);
        var convoy = new GroundMovement("convoy", "ngo", "convoy", route, T0, T0.AddHours(2), null, null);
        var midway = new GeoPoint(36.15, 37.15);
        Assess(Strike(At(midway, 135, 60)), movements: [convoy]).Hits.Single().Kind.ShouldBe(GroundObjectKind.Movement);
        Assess(Strike(At(midway, 135, 2_000)), movements: [convoy]).Hits.ShouldBeEmpty();
        Assess(Strike(At(midway, 135, 60)), movements: [convoy with { ValidTo = T0.AddMinutes(10) }]).Hits.ShouldBeEmpty();
    }

    [Fact]
    public void A_strike_outside_every_zone_its_party_declared_for_that_time_is_a_mismatch()
    {
        var box = new PolygonShape([new GeoPoint(35.0, 38.0), new GeoPoint(35.0, 38.5), new GeoPoint(35.5, 38.5), new GeoPoint(35.5, 38.0)]);
        var zone = new OperationsZone("z1", "af", box, T0, T0.AddHours(4), "north");
        var inside = Assess(Strike(new GeoPoint(35.2, 38.2)), zones: [zone]);
        inside.InsideDeclaredZone.ShouldBeTrue();
        inside.ZoneIds.ShouldBe(["z1"]);
        var outside = Assess(Strike(new GeoPoint(35.2, 38.6)), zones: [zone]);
        outside.InsideDeclaredZone.ShouldBeFalse();
        outside.OutsideNearestZoneM!.Value.ShouldBe(Geodesic.Inverse(35.2, 38.6, 35.2, 38.5).DistanceM, 200);
        Assess(Strike(new GeoPoint(35.2, 38.2), party: "other"), zones: [zone]).InsideDeclaredZone.ShouldBeFalse();
        Assess(Strike(new GeoPoint(35.2, 38.2)), zones: [zone with { ValidFrom = T0.AddHours(1) }]).InsideDeclaredZone.ShouldBeFalse();
        Assess(Strike(new GeoPoint(35.2, 38.2))).OutsideNearestZoneM.ShouldBeNull();
    }

    [Fact]
    public void A_fire_area_intent_reaches_sites_it_overlaps_in_space_and_time_whatever_its_altitude()
    {
        var volume = new Volume4D(new CircleShape(At(Clinic, 45, 1_000), 800), 10_000, 20_000, T0, T0.AddHours(1));
        var intent = new OperationalIntent("fires", "af", IntentState.Accepted, 0, 1, [volume]);
        GroundProximity.FireAreaHits(intent, [PointSite("clinic", Clinic, 250)], []).Single().ObjectId.ShouldBe("clinic");
        GroundProximity.FireAreaHits(intent, [PointSite("clinic", Clinic, 150)], []).ShouldBeEmpty();
        GroundProximity.FireAreaHits(intent, [PointSite("clinic", Clinic, 250, from: T0.AddHours(1))], []).ShouldBeEmpty();
        GroundProximity.FireAreaHits(intent with { State = IntentState.Ended }, [PointSite("clinic", Clinic, 250)], []).ShouldBeEmpty();
    }
}
