using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Deconflict.Hub.Tests.Hosting;
using Microsoft.Data.Sqlite;

namespace Deconflict.Hub.Tests.Hardening;

/// <summary>
/// Large shapes are refused by a vertex limit naming the feature and property; stored shapes are read without
/// re-checking them, and one unreadable stored row never stops the hub from starting (issue 10, finding 8).
/// </summary>
public sealed class StoredGeometryTests(SqliteKestrelHub hub) : IClassFixture<SqliteKestrelHub>
{
    private static string Ring(int vertices, double lat = 35, double lon = 38, double radiusDeg = 0.5)
    {
        var text = new StringBuilder("[");
        for (var k = 0; k <= vertices; k++)
        {
            var a = 2 * Math.PI * (k % vertices) / vertices;
            text.Append(k == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"[{lon + (radiusDeg * Math.Cos(a)):R},{lat + (radiusDeg * Math.Sin(a)):R}]");
        }
        return text.Append(']').ToString();
    }

    private static string PolygonIntent(string ring) =>
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]},"
        + "\"properties\":{\"alt_lower_ft\":0,\"alt_upper_ft\":5000,\"time_start\":\"2026-08-01T10:00:00Z\",\"time_end\":\"2026-08-01T12:00:00Z\"}}]}";

    [Fact]
    public async Task A_ring_or_path_over_2000_positions_is_refused_naming_the_feature_and_property()
    {
        var (_, key) = await hub.CreatePartyAsync("vertices");
        using var party = hub.Client(key);
        (await party.PutIntentAsync("RING-2000", PolygonIntent(Ring(2_000)))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var refused = await (await party.PutIntentAsync("RING-2001", PolygonIntent(Ring(2_001)))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "features[0].coordinates");
        refused.GetProperty("errors").GetProperty("features[0].coordinates")[0].GetString()!.ShouldContain("at most 2000");

        var corridor = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":"
            + Ring(2_001) + "},"
            + "\"properties\":{\"half_width_m\":100,\"alt_lower_ft\":0,\"alt_upper_ft\":5000,\"time_start\":\"2026-08-01T10:00:00Z\",\"time_end\":\"2026-08-01T12:00:00Z\"}}]}";
        await (await party.PutIntentAsync("PATH-2002", corridor)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "features[0].coordinates");

        var site = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + Ring(2_001, 36, 37, 0.01) + "]},\"properties\":{\"category\":\"camp\"}}";
        await (await party.SendJsonAsync(HttpMethod.Put, "/api/v1/sites/big-camp", site)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "geometry.coordinates");
        var zone = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + Ring(2_001, 36, 37) + "]},"
            + "\"properties\":{\"valid_from\":\"2026-08-01T10:00:00Z\",\"valid_to\":\"2026-08-01T12:00:00Z\"}}";
        await (await party.SendJsonAsync(HttpMethod.Put, "/api/v1/zones/big-zone", zone)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "geometry.coordinates");
    }

    [Fact]
    public async Task A_self_intersecting_polygon_is_refused_with_where_it_crosses()
    {
        var (_, key) = await hub.CreatePartyAsync("bowtie");
        using var party = hub.Client(key);
        var bowTie = "[[37,34],[37.1,34.1],[37.1,34],[37,34.1],[37,34]]";
        var refused = await (await party.PutIntentAsync("BOW", PolygonIntent(bowTie))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "features[0].coordinates");
        refused.GetProperty("errors").GetProperty("features[0].coordinates")[0].GetString()!.ShouldContain("intersects itself near latitude 34.05");
    }

    [Fact]
    public async Task Start_up_skips_an_unreadable_row_and_stored_shapes_are_not_checked_again()
    {
        var data = Path.Combine(Path.GetTempPath(), "deconflict-rows-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(data);
        var adminKey = "admin-" + Guid.NewGuid().ToString("N");
        try
        {
            string key;
            await using (var first = await HubProcess.StartAsync(data, adminKey))
            {
                (_, key) = await HubHttp.CreatePartyAsync(first.BaseAddress, adminKey, "rows");
                using var party = HubHttp.Client(first.BaseAddress, key);
                foreach (var id in new[] { "GOOD-1", "BAD-1", "BIG-1" })
                {
                    await (await party.PutIntentAsync(id, PolygonIntent(Ring(8, 10 + id.Length, 20)))).ShouldBeAsync(HttpStatusCode.Created);
                }
                await first.KillAsync();
            }
            // A row no reader accepts, and a row stored before the vertex limit (2,500 vertices).
            await using (var db = new SqliteConnection($"Data Source={Path.Combine(data, "hub.db")};Pooling=false"))
            {
                await db.OpenAsync();
                await using var read = db.CreateCommand();
                read.CommandText = "SELECT geojson FROM intents WHERE id = 'BIG-1'";
                var stored = JsonNode.Parse((string)(await read.ExecuteScalarAsync())!)!;
                stored["features"]![0]!["geometry"]!["coordinates"] = JsonNode.Parse("[" + Ring(2_500, 15, 20) + "]");
                await using var update = db.CreateCommand();
                update.CommandText = "UPDATE intents SET geojson = CASE id WHEN 'BAD-1' THEN '{\"type\":' ELSE @big END WHERE id IN ('BAD-1', 'BIG-1')";
                update.Parameters.AddWithValue("@big", stored.ToJsonString());
                (await update.ExecuteNonQueryAsync()).ShouldBe(2);
            }
            await using (var second = await HubProcess.StartAsync(data, adminKey))
            {
                using var party = HubHttp.Client(second.BaseAddress, key);
                (await party.GetAsync("/api/v1/intents/GOOD-1")).StatusCode.ShouldBe(HttpStatusCode.OK);
                var big = await party.GetAsync("/api/v1/intents/BIG-1");
                big.StatusCode.ShouldBe(HttpStatusCode.OK);
                // The stored 2,500-vertex intent changes state: it is read as stored, not refused by today's limit.
                var moved = await party.SendJsonAsync(HttpMethod.Post, "/api/v1/intents/BIG-1/state", """{"state":"Activated"}""", big.ETag());
                await moved.ShouldBeAsync(HttpStatusCode.OK);
                await (await party.PutIntentAsync("NEW-1", PolygonIntent(Ring(8, 30, 20)))).ShouldBeAsync(HttpStatusCode.Created);
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
