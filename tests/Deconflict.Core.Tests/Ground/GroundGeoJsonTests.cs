using Deconflict.Core.Ground;
using Deconflict.Core.Strategic;

namespace Deconflict.Core.Tests.Ground;

public class GroundGeoJsonTests
{
    [Fact]
    public void A_point_site_without_radius_gets_the_default_protection_radius_and_round_trips()
    {
        var site = GroundGeoJson.ReadSite(
            """{"type":"Feature","geometry":{"type":"Point","coordinates":[37.1,36.2]},"properties":{"category":"health","name":"Clinic 4","organisation":"MSF","valid_from":"2026-03-01T00:00:00Z"}}""",
            "clinic", "ngo");
        var circle = site.Area.ShouldBeOfType<CircleShape>();
        circle.RadiusM.ShouldBe(HumanitarianSite.DefaultRadiusM);
        site.Name.ShouldBe("Clinic 4");
        circle.Centre.LatDeg.ShouldBe(36.2);
        site.ValidTo.ShouldBeNull();
        var again = GroundGeoJson.ReadSite(GroundGeoJson.Write(site), "clinic", "ngo");
        again.ShouldBeEquivalentTo(site);
    }

    [Theory]
    [InlineData("""{"type":"Feature","geometry":{"type":"Point","coordinates":[37.1,36.2]},"properties":{"category":"field hospital!"}}""", "properties.category")]
    [InlineData("""{"type":"Feature","geometry":{"type":"Point","coordinates":[37.1,36.2]},"properties":{}}""", "properties.category")]
    [InlineData("""{"type":"Feature","geometry":{"type":"Point","coordinates":[37.1,96.2]},"properties":{"category":"school"}}""", "geometry.coordinates")]
    [InlineData("""{"type":"Feature","geometry":{"type":"LineString","coordinates":[[37.1,36.2],[37.2,36.2]]},"properties":{"category":"school"}}""", "geometry.type")]
    [InlineData("""{"type":"Feature","geometry":{"type":"Point","coordinates":[37.1,36.2]},"properties":{"category":"school","valid_too":"2026-03-01T00:00:00Z"}}""", "properties.valid_too")]
    [InlineData("""{"type":"Feature","geometry":{"type":"Point","coordinates":[37.1,36.2]},"properties":{"category":"school","radius_m":-5}}""", "properties.radius_m")]
    [InlineData("""{"type":"Feature","geometry":{"type":"Point","coordinates":[37.1,36.2]},"properties":{"category":"school","valid_from":"2026-03-02T00:00:00Z","valid_to":"2026-03-01T00:00:00Z"}}""", "properties.valid_to")]
    [InlineData("""{"type":"FeatureCollection","features":[]}""", "features")]
    [InlineData("""{"type":"Feature",""", "body")]
    public void A_bad_site_names_the_member_at_fault(string json, string property)
    {
        Should.Throw<GroundFormatException>(() => GroundGeoJson.ReadSite(json, "s", "ngo")).Property.ShouldBe(property);
    }

    [Fact]
    public void A_polygon_whose_ring_is_not_closed_is_refused_naming_the_coordinates()
    {
        var open = """{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[37.9,36.9],[38.3,36.9],[38.3,37.3],[37.9,37.3]]]},"properties":{"category":"camp"}}""";
        var e = Should.Throw<GroundFormatException>(() => GroundGeoJson.ReadSite(open, "s", "ngo"));
        e.Property.ShouldBe("geometry.coordinates");
        e.Message.ShouldContain("not closed");
        var zone = """{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[37.9,36.9],[38.3,36.9],[38.3,37.3],[37.9,37.3]]]},"properties":{"valid_from":"2026-03-01T10:00:00Z","valid_to":"2026-03-01T12:00:00Z"}}""";
        Should.Throw<GroundFormatException>(() => GroundGeoJson.ReadZone(zone, "z", "af")).Message.ShouldContain("not closed");
        // Closed, the same corners are a site.
        GroundGeoJson.ReadSite(open.Replace("[37.9,37.3]]]", "[37.9,37.3],[37.9,36.9]]]", StringComparison.Ordinal), "s", "ngo").Area.ShouldBeOfType<PolygonShape>();
    }

    [Fact]
    public void A_movement_needs_its_time_window_and_a_zone_must_be_a_polygon()
    {
        const string Route = """{"type":"LineString","coordinates":[[37.1,36.2],[37.3,36.4]]}""";
        Should.Throw<GroundFormatException>(() => GroundGeoJson.ReadMovement($$$"""{"type":"Feature","geometry":{{{Route}}},"properties":{"valid_to":"2026-03-01T12:00:00Z"}}""", "m", "ngo"))
            .Property.ShouldBe("properties.valid_from");
        var m = GroundGeoJson.ReadMovement($$$"""{"type":"Feature","geometry":{{{Route}}},"properties":{"valid_from":"2026-03-01T10:00:00Z","valid_to":"2026-03-01T12:00:00Z","half_width_m":250}}""", "m", "ngo");
        m.Route.HalfWidthM.ShouldBe(250);
        m.Category.ShouldBe("convoy");
        Should.Throw<GroundFormatException>(() => GroundGeoJson.ReadZone($$$"""{"type":"Feature","geometry":{{{Route}}},"properties":{"valid_from":"2026-03-01T10:00:00Z","valid_to":"2026-03-01T12:00:00Z"}}""", "z", "af"))
            .Property.ShouldBe("geometry.type");
    }

    [Fact]
    public void A_feature_claiming_another_party_is_refused()
    {
        Should.Throw<GroundFormatException>(() => GroundGeoJson.ReadSite(
            """{"type":"Feature","geometry":{"type":"Point","coordinates":[37.1,36.2]},"properties":{"category":"health","party":"someone-else"}}""", "s", "ngo"))
            .Property.ShouldBe("properties.party");
    }
}
