using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Deconflict.Core.Formats.Aco;
using Deconflict.Core.Formats.Kml;
using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic;
using Deconflict.Core.Tests.Formats;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Exports;

/// <summary>
/// KML, ACO, GeoJSON and CSV through a real hub: each export shows its caller what the JSON lists show and nothing
/// else; KML bodies take the same desk path as JSON PUTs; an ACO imports as the caller's intents, measure by measure.
/// </summary>
public abstract class ExportTests(HubHost hub) : IDisposable
{
    private const string T0 = "2026-05-01T10:00:00Z";
    private const string T1 = "2026-05-01T12:00:00Z";
    private readonly string _dir = Directory.CreateTempSubdirectory("hub-kml-").FullName;

    public void Dispose()
    {
        Directory.Delete(_dir, true);
        GC.SuppressFinalize(this);
    }

    private static readonly string[] ExportPaths =
    [
        "/api/v1/export.kml", "/api/v1/export.kml?kinds=intents,conflicts", "/api/v1/export.aco", "/api/v1/conflicts.geojson?state=all",
        "/api/v1/conflicts.csv?state=all", "/api/v1/alerts.geojson?state=all", "/api/v1/alerts.csv", "/api/v1/intents.geojson", "/api/v1/intents.csv",
    ];

    private sealed record Scene(TestParty Owner, TestParty Partner, TestParty Stranger, string Secret, string Site, double Lon, double Lat);

    /// <summary>
    /// An owner with a circle and a clinic, a partner sharing full both ways, a stranger with no agreement; both of
    /// the others declare intents over the owner's circle, so each has a conflict with it.
    /// </summary>
    private async Task<Scene> SeedAsync(double lon, double lat)
    {
        var owner = await hub.CreatePartyAsync("owner", "humanitarian");
        var partner = await hub.CreatePartyAsync("partner");
        var stranger = await hub.CreatePartyAsync("stranger");
        using var o = owner.Client();
        using var p = partner.Client();
        using var s = stranger.Client();
        var ag = await (await o.SendJsonAsync(HttpMethod.Post, "/api/v1/agreements",
            $$$"""{"counterparty":"{{{partner.Id}}}","sharing":{"proposer_to_counterparty":"full","counterparty_to_proposer":"full"}}""")).ShouldBeAsync(HttpStatusCode.Created);
        await (await p.PostAsync($"/api/v1/agreements/{ag.GetProperty("id").GetString()}/accept", null)).ShouldBeAsync(HttpStatusCode.OK);
        var secret = "SECRET-" + Guid.NewGuid().ToString("N")[..8];
        await (await o.PutIntentAsync(secret, HubCalls.Circle(lon, lat, 12_345.5, 11_111, 22_222, T0, T1))).ShouldBeAsync(HttpStatusCode.Created);
        var site = "CLINIC-" + Guid.NewGuid().ToString("N")[..8];
        await (await o.SendJsonAsync(HttpMethod.Put, $"/api/v1/sites/{site}",
            $$$"""{"type":"Feature","geometry":{"type":"Point","coordinates":[{{{HubCalls.Inv(lon + 0.01)}}},{{{HubCalls.Inv(lat)}}}]},"properties":{"category":"health","radius_m":300}}""")).ShouldBeAsync(HttpStatusCode.Created);
        await (await p.PutIntentAsync("P-" + secret[7..], HubCalls.Circle(lon, lat, 5_000, 15_000, 16_000, T0, T1, priority: 9))).ShouldBeAsync(HttpStatusCode.Created);
        await (await s.PutIntentAsync("S-" + secret[7..], HubCalls.Circle(lon + 0.031, lat + 0.023, 5_000, 17_000, 18_000, T0, T1, priority: 9))).ShouldBeAsync(HttpStatusCode.Created);
        return new Scene(owner, partner, stranger, secret, site, lon, lat);
    }

    [Fact]
    public async Task A_party_that_may_not_see_an_object_never_gets_it_through_any_export()
    {
        var scene = await SeedAsync(44.43217, 33.21093);
        string[] hidden = [scene.Secret, scene.Site, "44.43217", "33.21093", "44.44217", "12345.5", "11111", "22222", "3386.6"];
        using var s = scene.Stranger.Client();
        foreach (var path in ExportPaths.Append("/api/v1/export.aco?party=" + scene.Owner.Id))
        {
            var text = await (await s.GetAsync(path)).Content.ReadAsStringAsync();
            foreach (var value in hidden)
            {
                text.ShouldNotContain(value, Case.Sensitive, $"{path} shows the stranger {value}");
            }
        }
        // Accept negotiation answers the same as the suffixed paths.
        foreach (var (path, type) in new[] { ("/api/v1/conflicts?state=all", "application/geo+json"), ("/api/v1/intents", "text/csv"), ("/api/v1/conflicts", "text/csv") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
            using var response = await s.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe(type);
            var text = await response.Content.ReadAsStringAsync();
            foreach (var value in hidden)
            {
                text.ShouldNotContain(value, Case.Sensitive, $"{path} as {type} shows the stranger {value}");
            }
        }
        // The stranger still learns of its conflict with the owner (as the JSON list tells it), without the owner's intent.
        var strangersConflicts = await (await s.GetAsync("/api/v1/conflicts.csv")).Content.ReadAsStringAsync();
        System.Text.RegularExpressions.Regex.IsMatch(strangersConflicts, $"intent:{scene.Owner.Id}:[;,]").ShouldBeTrue(strangersConflicts);

        // The partner, sharing full, sees all of it, and each download matches the JSON list in number.
        using var p = scene.Partner.Client();
        var kml = await (await p.GetAsync("/api/v1/export.kml")).Content.ReadAsStringAsync();
        kml.ShouldContain(scene.Secret);
        kml.ShouldContain(scene.Site);
        var listed = (await (await p.GetAsync("/api/v1/intents")).JsonAsync()).GetArrayLength();
        var csvRows = (await (await p.GetAsync("/api/v1/intents.csv")).Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1;
        csvRows.ShouldBe(listed);
        var conflicts = (await (await p.GetAsync("/api/v1/conflicts?state=all")).JsonAsync()).GetArrayLength();
        var features = (await (await p.GetAsync("/api/v1/conflicts.geojson?state=all")).JsonAsync()).GetProperty("features").GetArrayLength();
        features.ShouldBe(conflicts);
    }

    [Fact]
    public async Task The_export_routes_are_in_the_OpenAPI_document_so_the_hostile_sweep_calls_them()
    {
        using var client = hub.Client();
        var doc = await (await client.GetAsync("/openapi/v1.json")).ShouldBeAsync(HttpStatusCode.OK);
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/export.kml", "/api/v1/export.aco", "/api/v1/conflicts.geojson", "/api/v1/conflicts.csv", "/api/v1/alerts.geojson", "/api/v1/alerts.csv", "/api/v1/intents.geojson", "/api/v1/intents.csv" })
        {
            paths.TryGetProperty(path, out var item).ShouldBeTrue(path);
            item.GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content").EnumerateObject().ShouldNotBeEmpty(path);
        }
        paths.GetProperty("/api/v1/intents/aco").TryGetProperty("post", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task The_hubs_KML_read_by_GDAL_has_the_volumes_coordinates_altitudes_and_times()
    {
        var scene = await SeedAsync(38.123456, 35.654321);
        using var p = scene.Partner.Client();
        var response = await p.GetAsync("/api/v1/export.kml?kinds=intents");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(KmlWriter.MediaType);
        var path = Path.Combine(_dir, "hub.kml");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        var features = Gdal.ReadKml(path, _dir);
        var mine = features.Single(f => f.GetProperty("properties").GetProperty("intent_id").GetString() == scene.Secret);
        var props = mine.GetProperty("properties");
        props.GetProperty("begin").GetString().ShouldBe(T0);
        props.GetProperty("end").GetString().ShouldBe(T1);
        var centre = mine.GetProperty("geometry").GetProperty("geometries")[0].GetProperty("coordinates");
        Geodesic.Inverse(new GeoPoint(scene.Lat, scene.Lon), new GeoPoint(centre[1].GetDouble(), centre[0].GetDouble())).DistanceM.ShouldBeLessThan(1);
        centre[2].GetDouble().ShouldBe(11_111 * 0.3048, 1e-6);
        var tops = mine.GetProperty("geometry").GetProperty("geometries").EnumerateArray().Skip(1)
            .SelectMany(g => g.GetProperty("coordinates")[0].EnumerateArray()).Select(c => (Lon: c[0].GetDouble(), Lat: c[1].GetDouble(), Alt: c[2].GetDouble())).ToList();
        tops.Max(c => c.Alt).ShouldBe(22_222 * 0.3048, 1e-6);
        foreach (var c in tops)
        {
            Geodesic.Inverse(new GeoPoint(scene.Lat, scene.Lon), new GeoPoint(c.Lat, c.Lon)).DistanceM.ShouldBe(12_345.5, 1.0);
        }
    }

    [Fact]
    public async Task A_KML_body_takes_the_same_desk_path_as_a_JSON_PUT()
    {
        var owner = await hub.CreatePartyAsync("kml");
        using var o = owner.Client();
        var intent = new OperationalIntent("K-1", owner.Id, IntentState.Accepted, 3, 0,
            [new(new PolygonShape([new(10.0, 20.0), new(10.0, 20.5), new(10.5, 20.5)]), 1_000, 9_000, DateTimeOffset.Parse(T0, CultureInfo.InvariantCulture), DateTimeOffset.Parse(T1, CultureInfo.InvariantCulture))]);
        using var stream = new MemoryStream();
        IntentKml.Write(stream, [intent], "k");
        var kml = Encoding.UTF8.GetString(stream.ToArray());

        var created = await PutKmlAsync(o, "K-1", kml);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        created.Receipt().ShouldNotBeNull();
        var stored = await (await o.GetAsync("/api/v1/intents/K-1")).Content.ReadAsStringAsync();
        IntentGeoJson.ReadCollection(stored).Single().Volumes.ShouldBe(intent.Volumes, new VolumeText());
        // A change needs If-Match exactly as JSON does.
        (await PutKmlAsync(o, "K-1", kml)).StatusCode.ShouldBe((HttpStatusCode)428);
        (await PutKmlAsync(o, "K-1", kml, "\"1\"")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var bad = await PutKmlAsync(o, "K-2", kml.Replace("<begin>2026-05-01T10:00:00Z</begin>", "<begin>soon</begin>", StringComparison.Ordinal));
        var problem = await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Placemark[0] 'K-1'.TimeSpan.begin");
        problem.GetProperty("detail").GetString()!.ShouldContain("line ");
        var foreign = await PutKmlAsync(o, "K-3", kml.Replace($"<value>{owner.Id}</value>", "<value>someone-else</value>", StringComparison.Ordinal).Replace("<value>K-1</value>", "<value>K-3</value>", StringComparison.Ordinal));
        await foreign.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var dtd = await PutKmlAsync(o, "K-4", "<?xml version=\"1.0\"?><!DOCTYPE kml [<!ENTITY x \"y\">]><kml/>");
        (await dtd.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "kml")).GetProperty("detail").GetString()!.ShouldContain("DTD");
        (await o.GetAsync("/api/v1/intents/K-2")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private const string Aco = """
        MSGID/ACO/TEST/1/MAY//
        ACOID/AREA/01A//
        GEODATUM/WGS 1984//
        PERIOD/011000ZMAY2026/011200ZMAY2026//
        ACMID/ACM:ROZ/NAME:A-POLY/SHAPE:POLYGON//
        POLYGON/LATS:{0}/LATS:{1}/LATS:{2}//
        EFFLEVEL/FL100-FL200//
        ACMID/ACM:ROZ/NAME:A-CIRCLE/SHAPE:CIRCLE//
        CIRCLE/LATS:{3}/RADIUS:2NM//
        EFFLEVEL/SFC-5000FT//
        ACMID/ACM:MRR/NAME:A-CORR/SHAPE:CORRIDOR//
        CORRIDOR/LATS:{0}/LATS:{1}/LATS:{2}/WIDTH:2KM//
        EFFLEVEL/FL250-FL260//
        ACMID/ACM:AAR/NAME:A-ORBIT/SHAPE:ORBIT//
        ORBIT/LATS:{0}/LATS:{1}/WIDTH:10NM/C//
        EFFLEVEL/FL300-FL310//
        APERIOD/DISCRETE/011030ZMAY2026/011130ZMAY2026//
        ACMID/ACM:CP/NAME:A-POINT/SHAPE:POINT//
        POINT/LATS:{3}//
        EFFLEVEL/FL320-FL330//
        """;

    private static string AcoAt(double lat, double lon)
    {
        string P(double la, double lo) => AcoPosition.From(new GeoPoint(la, lo)).Write()[5..];
        return string.Format(CultureInfo.InvariantCulture, Aco, P(lat, lon), P(lat, lon + 0.2), P(lat + 0.2, lon + 0.2), P(lat + 0.1, lon + 0.1));
    }

    [Fact]
    public async Task An_ACO_imports_as_the_callers_intents_and_exports_back()
    {
        var party = await hub.CreatePartyAsync("aoc");
        using var a = party.Client();
        var reply = await (await PostAcoAsync(a, AcoAt(12, 50))).ShouldBeAsync(HttpStatusCode.Created);
        reply.GetProperty("stored").GetInt32().ShouldBe(5);
        reply.GetProperty("partial").GetBoolean().ShouldBeFalse();
        var circle = IntentGeoJson.ReadCollection(await (await a.GetAsync("/api/v1/intents/A-CIRCLE")).Content.ReadAsStringAsync()).Single();
        circle.Party.ShouldBe(party.Id);
        circle.Volumes[0].Shape.ShouldBeOfType<CircleShape>().RadiusM.ShouldBe(3704, 1e-9);

        // A later order replaces the measures it names.
        var again = await (await PostAcoAsync(a, AcoAt(12, 50))).ShouldBeAsync(HttpStatusCode.Created);
        again.GetProperty("intents").EnumerateArray().ShouldAllBe(i => i.GetProperty("status").GetInt32() == 200);

        var exported = AcoReader.Read(await (await a.GetAsync("/api/v1/export.aco")).Content.ReadAsStringAsync());
        exported.Measures.Select(m => m.Name).Order(StringComparer.Ordinal).ShouldBe(["A-CIRCLE", "A-CORR", "A-ORBIT", "A-POINT", "A-POLY"]);
        exported.Measures.Single(m => m.Name == "A-ORBIT").Start.ShouldBe(new DateTimeOffset(2026, 5, 1, 10, 30, 0, TimeSpan.Zero));
        var imported = AcoIntents.ToIntents(AcoReader.Read(AcoAt(12, 50)), party.Id);
        foreach (var m in exported.Measures)
        {
            var original = imported.Single(i => i.Id == m.Name).Volumes[0];
            (m.LowerFt, m.UpperFt).ShouldBe((original.AltLowerFt, original.AltUpperFt));
        }
    }

    [Fact]
    public async Task A_malformed_ACO_stores_nothing_and_a_blocked_measure_is_reported_as_partial()
    {
        var party = await hub.CreatePartyAsync("aoc");
        using var a = party.Client();
        var broken = AcoAt(-20, -60).Replace("RADIUS:2NM", "RADIUS:2XX", StringComparison.Ordinal);
        var problem = await (await PostAcoAsync(a, broken)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "set 9 (line 9) RADIUS");
        problem.GetProperty("detail").GetString()!.ShouldContain("Nothing was stored");
        (await (await a.GetAsync("/api/v1/intents")).JsonAsync()).EnumerateArray().ShouldNotContain(i => i.GetProperty("party").GetString() == party.Id);

        // Another party's higher-priority volume where the order's circle is: that measure is refused, the others stored.
        var other = await hub.CreatePartyAsync("other");
        using var o = other.Client();
        await (await o.PutIntentAsync("BLOCKER", HubCalls.Circle(-59.9, -19.9, 3_000, 0, 5_000, T0, T1, priority: 50))).ShouldBeAsync(HttpStatusCode.Created);
        var partial = await (await PostAcoAsync(a, AcoAt(-20, -60))).ShouldBeAsync((HttpStatusCode)207);
        partial.GetProperty("partial").GetBoolean().ShouldBeTrue();
        (partial.GetProperty("stored").GetInt32(), partial.GetProperty("refused").GetInt32()).ShouldBe((4, 1));
        var refused = partial.GetProperty("intents").EnumerateArray().Single(i => !i.GetProperty("stored").GetBoolean());
        (refused.GetProperty("intent_id").GetString(), refused.GetProperty("status").GetInt32(), refused.GetProperty("line").GetInt32()).ShouldBe(("A-CIRCLE", 409, 8));
    }

    private static async Task<HttpResponseMessage> PostAcoAsync(HttpClient client, string text) =>
        await client.PostAsync("/api/v1/intents/aco", new StringContent(text, Encoding.UTF8, "text/plain"));

    private static async Task<HttpResponseMessage> PutKmlAsync(HttpClient client, string id, string kml, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/intents/{id}") { Content = new StringContent(kml, Encoding.UTF8, KmlWriter.MediaType) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return await client.SendAsync(request);
    }

    /// <summary>Same band, window and vertices.</summary>
    private sealed class VolumeText : IEqualityComparer<Volume4D>
    {
        public bool Equals(Volume4D? x, Volume4D? y) => x is not null && y is not null && (x.AltLowerFt, x.AltUpperFt, x.TimeStart, x.TimeEnd) == (y.AltLowerFt, y.AltUpperFt, y.TimeStart, y.TimeEnd)
            && ((PolygonShape)x.Shape).Vertices.SequenceEqual(((PolygonShape)y.Shape).Vertices);

        public int GetHashCode(Volume4D obj) => 0;
    }
}

public sealed class SqliteExportTests(SqliteHub hub) : ExportTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresExportTests(PostgresHub hub) : ExportTests(hub), IClassFixture<PostgresHub>;

[Collection(ClusterPeers.Collection)]
public sealed class ClusterExportTests(ClusterHub hub) : ExportTests(hub), IClassFixture<ClusterHub>;
