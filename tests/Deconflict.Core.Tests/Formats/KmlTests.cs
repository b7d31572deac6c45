using System.Text;
using System.Text.Json;
using Deconflict.Core.Formats.Kml;
using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic;

namespace Deconflict.Core.Tests.Formats;

public sealed class KmlTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("kml-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    /// <summary>Every shape, fractional values, two parties, a two-volume intent.</summary>
    private static readonly OperationalIntent[] Intents =
    [
        new("ROZ-1", "coalition", IntentState.Accepted, 2, 0,
        [
            new(new PolygonShape([new(35.0, 38.0), new(35.0, 38.5), new(35.5, 38.5), new(35.5, 38.0)]), 10_000, 20_000, T0, T0.AddHours(2)),
            new(new PolygonShape([new(35.0, 38.0), new(35.0, 38.5), new(35.5, 38.5)]), 20_000, 24_000.5, T0.AddHours(1), T0.AddHours(3)),
        ]),
        new("HOLD", "af", IntentState.Activated, 5, 0, [new(new CircleShape(new(35.123456789, 38.987654321), 18_520.25), 0, 5_000, T0, T0.AddMinutes(90).AddSeconds(30))]),
        new("TRANSIT", "coalition", IntentState.Accepted, 0, 0, [new(new CorridorShape([new(34.0, 37.0), new(34.2, 37.3), new(34.1, 37.7)], 2_500), 3_000, 15_000, T0, T0.AddHours(4))]),
        new("ORBIT-7", "af", IntentState.Accepted, 1, 0, [new(new CorridorShape([new(36.0, 40.0), new(36.0, 41.0)], 9_260), 22_000, 26_000, T0, T0.AddHours(6))]),
    ];

    private static string Kml(IReadOnlyList<OperationalIntent> intents)
    {
        using var stream = new MemoryStream();
        IntentKml.Write(stream, intents, "test");
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Intents_written_as_KML_read_back_unchanged()
    {
        var back = IntentKml.ReadCollection(Kml(Intents), null).OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
        var expected = Intents.OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
        back.Count.ShouldBe(expected.Count);
        for (var k = 0; k < expected.Count; k++)
        {
            IntentGeoJson.Write(back[k]).ShouldBe(IntentGeoJson.Write(expected[k]));
        }
    }

    [Fact]
    public void GDAL_reads_the_written_volumes_with_their_coordinates_altitudes_and_times()
    {
        var path = Path.Combine(_dir, "intents.kml");
        File.WriteAllText(path, Kml(Intents));
        var features = Gdal.ReadKml(path, _dir);
        features.Count.ShouldBe(5, "one placemark per volume");
        foreach (var intent in Intents)
        {
            var mine = features.Where(f => f.GetProperty("properties").GetProperty("intent_id").GetString() == intent.Id).ToList();
            mine.Count.ShouldBe(intent.Volumes.Count);
            for (var k = 0; k < intent.Volumes.Count; k++)
            {
                var v = intent.Volumes[k];
                var f = mine[k];
                var props = f.GetProperty("properties");
                DateTimeOffset.Parse(props.GetProperty("begin").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(v.TimeStart);
                DateTimeOffset.Parse(props.GetProperty("end").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(v.TimeEnd);
                var positions = Positions(f.GetProperty("geometry")).ToList();
                // The first member is the shape itself at the lower altitude; the rest draw the volume up to the upper one.
                var core = Core(v.Shape);
                foreach (var (p, i) in core.Select((p, i) => (p, i)))
                {
                    var (lon, lat, alt) = positions[i];
                    Geodesic.Inverse(p, new GeoPoint(lat, lon)).DistanceM.ShouldBeLessThan(1.0, $"{intent.Id} vertex {i}");
                    alt.ShouldBe(v.AltLowerFt * 0.3048, 1e-6);
                }
                positions.Min(q => q.Alt).ShouldBe(v.AltLowerFt * 0.3048, 1e-6);
                positions.Max(q => q.Alt).ShouldBe(v.AltUpperFt * 0.3048, 1e-6);
                // No drawn position lies beyond the shape's outline: the radius or half-width from its core (a
                // corridor's path sampled every 100 m), widened by at most the circumscribing factor.
                var reach = v.Shape switch { CircleShape c => c.RadiusM, CorridorShape c => c.HalfWidthM, _ => 0 };
                if (reach > 0)
                {
                    var samples = Sampled(core, 100);
                    var slack = Math.Sqrt((reach * reach) + (50 * 50)) - reach + 1.0;
                    foreach (var (lon, lat, _) in positions.Skip(core.Count))
                    {
                        var d = samples.Min(c => Geodesic.Inverse(c, new GeoPoint(lat, lon)).DistanceM);
                        d.ShouldBeLessThan((reach / Math.Cos(Math.PI / VolumeOutline.Steps)) + slack, $"{intent.Id}: a drawn point beyond the outline");
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData("LIBKML")]
    [InlineData("KML")]
    public void KML_written_by_GDAL_from_GeoJSON_is_read_as_the_same_intents(string driver)
    {
        var geojson = Path.Combine(_dir, "in.geojson");
        File.WriteAllText(geojson, IntentGeoJson.Write(Intents));
        var kml = Path.Combine(_dir, $"gdal-{driver}.kml");
        Gdal.Run("ogr2ogr", "-f", driver, kml, geojson);
        var back = IntentKml.ReadCollection(File.ReadAllText(kml), null);
        IntentGeoJson.Write(back).ShouldBe(IntentGeoJson.Write(Intents));
    }

    [Fact]
    public void KML_written_by_GDAL_with_altitudes_and_a_TimeSpan_only_is_read_by_its_geometry()
    {
        // A 3D polygon outline at two altitudes (a MultiPolygon), no ExtendedData band, times as the TimeSpan GDAL's LIBKML writes from begin/end.
        var geojson = Path.Combine(_dir, "z.geojson");
        File.WriteAllText(geojson, """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"Name":"Z-1","begin":"2026-03-01T10:00:00Z","end":"2026-03-01T11:30:00Z","party":"ngo","altitudeMode":"absolute"},
             "geometry":{"type":"MultiPolygon","coordinates":[[[[38,35,304.8],[38.2,35,304.8],[38.2,35.2,304.8],[38,35,304.8]]],[[[38,35,1524],[38.2,35,1524],[38.2,35.2,1524],[38,35,1524]]]]}}]}
            """);
        var kml = Path.Combine(_dir, "z.kml");
        // LIBKML takes the altitude mode from the altitudeMode field.
        Gdal.Run("ogr2ogr", "-f", "LIBKML", kml, geojson);
        var text = File.ReadAllText(kml);
        text.ShouldContain("<altitudeMode>absolute</altitudeMode>");
        text.ShouldContain("<begin>2026-03-01T10:00:00Z</begin>");
        var intent = IntentKml.ReadCollection(text, null).Single();
        intent.Id.ShouldBe("Z-1");
        var v = intent.Volumes.Single();
        (v.AltLowerFt, v.AltUpperFt).ShouldBe((1000, 5000));
        (v.TimeStart, v.TimeEnd).ShouldBe((T0, T0.AddMinutes(90)));
        v.Shape.ShouldBeOfType<PolygonShape>().Vertices.Count.ShouldBe(3);
    }

    [Fact]
    public void An_extruded_outline_reaches_down_to_sea_level()
    {
        var text = Placemark("<Polygon><extrude>1</extrude><altitudeMode>absolute</altitudeMode><outerBoundaryIs><LinearRing><coordinates>38,35,3048 38.1,35,3048 38.1,35.1,3048 38,35,3048</coordinates></LinearRing></outerBoundaryIs></Polygon>");
        var v = IntentKml.ReadIntent(text, "x", "p").Volumes.Single();
        (v.AltLowerFt, v.AltUpperFt).ShouldBe((0, 10_000));
    }

    private static string Placemark(string geometry, string extra = "<TimeSpan><begin>2026-03-01T10:00:00Z</begin><end>2026-03-01T12:00:00Z</end></TimeSpan>") =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <kml xmlns="http://www.opengis.net/kml/2.2">
        <Document>
        <Placemark>
        <name>one</name>
        {extra}
        {geometry}
        </Placemark>
        </Document>
        </kml>
        """;

    private const string Extruded = "<Polygon><extrude>1</extrude><altitudeMode>absolute</altitudeMode><outerBoundaryIs><LinearRing><coordinates>38,35,3048 38.1,35,3048 38.1,35.1,3048 38,35,3048</coordinates></LinearRing></outerBoundaryIs></Polygon>";

    private const string Square = "<Polygon><altitudeMode>absolute</altitudeMode><outerBoundaryIs><LinearRing><coordinates>38,35,3048 38.1,35,3048 38.1,35.1,3048 38,35,3048</coordinates></LinearRing></outerBoundaryIs></Polygon>";

    [Theory]
    [InlineData(Extruded, "<TimeSpan><begin>2026-03-01T10:00:00Z</begin></TimeSpan>", 4, "Placemark[0] 'one'.TimeSpan")]
    [InlineData(Extruded, "<TimeSpan><begin>yesterday</begin><end>2026-03-01T12:00:00Z</end></TimeSpan>", 4, "Placemark[0] 'one'.TimeSpan.begin")]
    [InlineData("<Polygon><outerBoundaryIs><LinearRing><coordinates>38,35 38.1,35 38.1,35.1 38,35</coordinates></LinearRing></outerBoundaryIs></Polygon>", null, 7, "Placemark[0] 'one'.Polygon.altitudeMode")]
    [InlineData(Square, null, 7, "Placemark[0] 'one'.Polygon.extrude")]
    [InlineData("<LineString><altitudeMode>absolute</altitudeMode><coordinates>38,35,100 38.1,35,200</coordinates></LineString>", null, 7, "Placemark[0] 'one'.LineString")]
    [InlineData("<Point><coordinates>38,35,100</coordinates></Point>", null, 7, "Placemark[0] 'one'.Point")]
    [InlineData("<Polygon><altitudeMode>absolute</altitudeMode><outerBoundaryIs><LinearRing><coordinates>38,35,3048 38.1,35,3048 38.1,35.1,6096</coordinates></LinearRing></outerBoundaryIs></Polygon>", null, 7, "Placemark[0] 'one'.Polygon.coordinates")]
    [InlineData("<Polygon><altitudeMode>absolute</altitudeMode><outerBoundaryIs><LinearRing><coordinates>38,35,3048 38.1,35 x 38,35</coordinates></LinearRing></outerBoundaryIs></Polygon>", null, 7, "Placemark[0] 'one'.Polygon.outerBoundaryIs.LinearRing.coordinates")]
    [InlineData("<MultiGeometry>" + Square + "<Polygon><altitudeMode>absolute</altitudeMode><outerBoundaryIs><LinearRing><coordinates>39,35,6096 39.1,35,6096 39.1,35.1,6096 39,35,6096</coordinates></LinearRing></outerBoundaryIs></Polygon></MultiGeometry>", null, 7, "Placemark[0] 'one'.MultiGeometry.Polygon")]
    public void Bad_KML_is_refused_naming_the_element_and_its_line(string geometry, string? time, int line, string element)
    {
        var text = time is null ? Placemark(geometry) : Placemark(geometry, time);
        var e = Should.Throw<KmlFormatException>(() => IntentKml.ReadIntent(text, "x", "p"));
        (e.Element, e.Line).ShouldBe((element, line), e.Describe());
    }

    [Fact]
    public void A_document_type_declaration_is_refused_before_any_entity_is_expanded()
    {
        // The billion laughs: with DTDs refused, not one entity is expanded and the reply says why.
        var bomb = "<?xml version=\"1.0\"?><!DOCTYPE kml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><kml><Placemark><name>&c;</name></Placemark></kml>";
        Should.Throw<KmlFormatException>(() => KmlReader.Read(bomb)).Message.ShouldContain("DTD");
        var external = "<?xml version=\"1.0\"?><!DOCTYPE kml SYSTEM \"file:///etc/passwd\"><kml/>";
        Should.Throw<KmlFormatException>(() => KmlReader.Read(external)).Message.ShouldContain("DTD");
    }

    [Fact]
    public void A_foreign_party_in_the_KML_is_reported_on_the_party_element()
    {
        var text = Placemark(Square, "<TimeSpan><begin>2026-03-01T10:00:00Z</begin><end>2026-03-01T12:00:00Z</end></TimeSpan><ExtendedData><Data name=\"party\"><value>other</value></Data><Data name=\"alt_lower_ft\"><value>0</value></Data><Data name=\"alt_upper_ft\"><value>100</value></Data></ExtendedData>");
        Should.Throw<KmlFormatException>(() => IntentKml.ReadIntent(text, "x", "p")).Element.ShouldEndWith(".party");
    }

    [Fact]
    public void Party_colours_match_the_web_console()
    {
        // FNV-1a of "coalition" modulo 12 picks the console's slot 7 (c9b37e); the KML form is aabbggrr.
        PartyColours.Rgb("coalition").ShouldBe("c9b37e");
        PartyColours.Kml("c9b37e", 0x55).ShouldBe("557eb3c9");
    }

    private static List<GeoPoint> Core(VolumeShape s) => s switch
    {
        PolygonShape p => [.. p.Vertices],
        CircleShape c => [c.Centre],
        CorridorShape k => [.. k.Path],
        _ => [],
    };

    private static IEnumerable<(double Lon, double Lat, double Alt)> Positions(JsonElement geometry)
    {
        if (geometry.TryGetProperty("geometries", out var members))
        {
            foreach (var m in members.EnumerateArray())
            {
                foreach (var p in Positions(m))
                {
                    yield return p;
                }
            }
            yield break;
        }
        foreach (var p in Flatten(geometry.GetProperty("coordinates")))
        {
            yield return p;
        }
    }

    private static IEnumerable<(double, double, double)> Flatten(JsonElement c)
    {
        if (c[0].ValueKind == JsonValueKind.Number)
        {
            yield return (c[0].GetDouble(), c[1].GetDouble(), c[2].GetDouble());
            yield break;
        }
        foreach (var inner in c.EnumerateArray())
        {
            foreach (var p in Flatten(inner))
            {
                yield return p;
            }
        }
    }

    private static List<GeoPoint> Sampled(IReadOnlyList<GeoPoint> path, double stepM)
    {
        var points = new List<GeoPoint> { path[0] };
        for (var i = 0; i + 1 < path.Count; i++)
        {
            var g = Geodesic.Inverse(path[i], path[i + 1]);
            for (var k = 1; k * stepM < g.DistanceM; k++)
            {
                var d = Geodesic.Direct(path[i], g.Azimuth1Deg, k * stepM);
                points.Add(new GeoPoint(d.LatDeg, d.LonDeg));
            }
            points.Add(path[i + 1]);
        }
        return points;
    }
}
