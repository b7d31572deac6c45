using System.Globalization;
using System.Net;
using System.Text;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Hostile;

/// <summary>
/// Finding 8: a polygon with more vertices than operations need (the limit is about 2,000) is refused with a clear
/// 400, whatever the object (intent, site, zone); one within the limit is accepted. Each request is bounded by the
/// client's 60 s timeout (a guard against a stalled hub, not a speed goal).
/// </summary>
public sealed class LargeGeometryFindingTests(HostileHub hub) : IClassFixture<HostileHub>
{
    private static int _places;
    private static readonly DateTimeOffset T = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(7);

    [Theory]
    [InlineData(1_500, true)]
    [InlineData(5_000, false)]
    public async Task Finding_8_a_polygon_intent_site_or_zone_beyond_the_vertex_limit_is_refused_with_400(int vertices, bool accepted) =>
        (await PutPolygonsAsync(hub, vertices, accepted, ["intent", "site", "zone"])).ShouldBeEmpty();

    /// <summary>PUTs one polygon of <paramref name="vertices"/> as each kind named; returns what went other than expected.</summary>
    public static async Task<List<string>> PutPolygonsAsync(HostileHub hub, int vertices, bool accepted, string[] kinds)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var party = await hub.NewPartyAsync("big" + vertices.ToString(CultureInfo.InvariantCulture));
        using var c = party.Client();
        c.Timeout = TimeSpan.FromSeconds(60);
        var ring = Ring(vertices, -120 + (6 * Interlocked.Increment(ref _places)));
        var window = $"\"time_start\":\"{HostileGeoJson.Time(T)}\",\"time_end\":\"{HostileGeoJson.Time(T.AddHours(1))}\"";
        var intent = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring
            + "]},\"properties\":{\"alt_lower_ft\":0,\"alt_upper_ft\":1000," + window + "}}]}";
        var site = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]},\"properties\":{\"category\":\"camp\"}}";
        var zone = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]},\"properties\":{\"valid_from\":\""
            + HostileGeoJson.Time(T) + "\",\"valid_to\":\"" + HostileGeoJson.Time(T.AddHours(1)) + "\"}}";
        intent.Length.ShouldBeLessThan(4 * 1024 * 1024, "under the body limit: the vertex limit, not the size limit, must refuse it");
        var problems = new List<string>();
        var id = "big-" + party.Id;
        foreach (var (what, call) in new (string, Func<Task<HttpResponseMessage>>)[]
        {
            ("intent", () => c.PutIntentAsync(id, intent)),
            ("site", () => c.SendJsonAsync(HttpMethod.Put, "/api/v1/sites/" + id, site)),
            ("zone", () => c.SendJsonAsync(HttpMethod.Put, "/api/v1/zones/" + id, zone)),
        }.Where(k => kinds.Contains(k.Item1)))
        {
            try
            {
                using var response = await call();
                var expected = accepted ? HttpStatusCode.Created : HttpStatusCode.BadRequest;
                if (response.StatusCode != expected)
                {
                    problems.Add($"{what} of {vertices} vertices: {(int)response.StatusCode}, not {(int)expected}");
                }
                else if (!accepted)
                {
                    await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
                }
            }
            catch (TaskCanceledException)
            {
                problems.Add($"{what} of {vertices} vertices: no answer within 60 s");
            }
        }
        return problems;
    }

    /// <summary>A simple ring of <paramref name="n"/> vertices on a 2° circle (five decimals: about 20 bytes per vertex), closed.</summary>
    private static string Ring(int n, double lon)
    {
        var text = new StringBuilder("[");
        for (var i = 0; i <= n; i++)
        {
            var a = 2 * Math.PI * (i % n) / n;
            text.Append(CultureInfo.InvariantCulture, $"[{(lon + (2 * Math.Cos(a))):0.00000},{(-40 + (2 * Math.Sin(a))):0.00000}]").Append(i < n ? "," : "]");
        }
        return text.ToString();
    }
}

/// <summary>
/// Finding 8's 100,000-vertex polygon (2 MB, under the body limit) on a hub of its own: on a hub that validates it
/// at length, the work goes on after the client gives up, and no other test should share that hub.
/// </summary>
public sealed class HugePolygonFindingTests(HostileHub hub) : IClassFixture<HostileHub>
{
    [Fact]
    public async Task Finding_8_a_100000_vertex_polygon_intent_is_refused_with_400() =>
        (await LargeGeometryFindingTests.PutPolygonsAsync(hub, 100_000, accepted: false, ["intent"])).ShouldBeEmpty();
}
