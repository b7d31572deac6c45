using System.Net;
using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic;
using Deconflict.Hub.Storage;
using Deconflict.Hub.Tests.Hosting;
using Microsoft.Data.Sqlite;

namespace Deconflict.Hub.Tests.Storage;

/// <summary>
/// A database written before objects carried their owner (intents keyed by id alone, conflicts naming bare ids) is
/// migrated at start without losing or changing anything accepted: the intents are there, the open conflict names its
/// objects by (kind, party, id), and from then on the ids are scoped per party.
/// </summary>
public sealed class IdentityMigrationTests
{
    private static readonly string[] EarlierMigrations = ["0001_hub", "0100_hotline", "0300_ground"];

    [Fact]
    public async Task An_earlier_database_starts_keeps_its_data_and_names_its_conflicts_objects_with_their_owners()
    {
        var data = Path.Combine(Path.GetTempPath(), "deconflict-migrate-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(data);
        var adminKey = "admin-" + Guid.NewGuid().ToString("N");
        try
        {
            await WriteEarlierDatabaseAsync(Path.Combine(data, "hub.db"));
            await using (var hub = await HubProcess.StartAsync(data, adminKey))
            {
                using var a = HubHttp.Client(hub.BaseAddress, await IssueKeyAsync(hub, adminKey, "old-a"));
                using var b = HubHttp.Client(hub.BaseAddress, await IssueKeyAsync(hub, adminKey, "old-b"));

                (await a.GetAsync("/api/v1/intents/A-1")).StatusCode.ShouldBe(HttpStatusCode.OK);
                (await b.GetAsync("/api/v1/intents/B-1")).StatusCode.ShouldBe(HttpStatusCode.OK);
                var conflicts = await (await a.GetAsync("/api/v1/conflicts?state=open")).ShouldBeAsync(HttpStatusCode.OK);
                var c = conflicts.EnumerateArray().ShouldHaveSingleItem();
                c.GetProperty("id").GetString().ShouldBe("cf-earlier");
                c.GetProperty("object_refs").EnumerateArray()
                    .Select(o => (o.GetProperty("kind").GetString(), o.GetProperty("party").GetString(), o.GetProperty("id").GetString()))
                    .ShouldBe([("intent", "old-a", "A-1"), ("intent", "old-b", null)]);

                // The earlier conflict is the live one: moving A-1 away clears it.
                var moved = await a.PutIntentAsync("A-1", HubCalls.Circle(10, 10, 1_000, 0, 1_000, "2026-06-01T10:00:00Z", "2026-06-01T11:00:00Z"), "\"1\"");
                (await moved.ShouldBeAsync(HttpStatusCode.OK)).GetProperty("conflicts").GetArrayLength().ShouldBe(0);
                (await (await a.GetAsync("/api/v1/conflicts?state=open")).ShouldBeAsync(HttpStatusCode.OK)).GetArrayLength().ShouldBe(0);

                // Ids are the owner's from now on: B may use A's id for an intent of its own.
                (await b.PutIntentAsync("A-1", HubCalls.Circle(-10, -10, 1_000, 0, 1_000, "2026-06-01T10:00:00Z", "2026-06-01T11:00:00Z"))).StatusCode.ShouldBe(HttpStatusCode.Created);
            }
            // And the migrated database starts again.
            await using (var again = await HubProcess.StartAsync(data, adminKey))
            {
                using var b = HubHttp.Client(again.BaseAddress, await IssueKeyAsync(again, adminKey, "old-b"));
                (await b.GetAsync("/api/v1/intents/A-1")).StatusCode.ShouldBe(HttpStatusCode.OK);
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>The schema of the earlier migrations, with two parties, two conflicting intents and their open conflict as that version stored them.</summary>
    private static async Task WriteEarlierDatabaseAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await ExecuteAsync(connection, "CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)");
        foreach (var (name, sql) in Migrations.For(StoreDialect.Sqlite).Where(m => EarlierMigrations.Contains(m.Name)))
        {
            await ExecuteAsync(connection, sql);
            await ExecuteAsync(connection, $"INSERT INTO schema_migrations (name, applied_at) VALUES ('{name}', 0)");
        }
        var start = DateTimeOffset.Parse("2026-06-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (party, id, lon) in new[] { ("old-a", "A-1", 36.0), ("old-b", "B-1", 36.01) })
        {
            await ExecuteAsync(connection, $"INSERT INTO parties (id, name, kind, created_at) VALUES ('{party}', '{party}', 'state', 0)");
            var intent = new OperationalIntent(id, party, IntentState.Accepted, 0, 1,
                [new Volume4D(new CircleShape(new GeoPoint(36, lon), 3_000), 0, 9_000, start, start.AddHours(1))]);
            await using var insert = connection.CreateCommand();
            insert.CommandText =
                """
                INSERT INTO intents (id, party, state, priority, version, geojson, min_lon, min_lat, max_lon, max_lat, time_start, time_end, updated_at)
                VALUES (@id, @party, 'Accepted', 0, 1, @geojson, 35, 35, 37, 37, @start, @end, 0)
                """;
            insert.Parameters.AddWithValue("@id", id);
            insert.Parameters.AddWithValue("@party", party);
            insert.Parameters.AddWithValue("@geojson", IntentGeoJson.Write(intent));
            insert.Parameters.AddWithValue("@start", start.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("@end", start.AddHours(1).ToUnixTimeMilliseconds());
            await insert.ExecuteNonQueryAsync();
        }
        await ExecuteAsync(connection,
            """
            INSERT INTO conflicts (id, kind, status, level, parties_json, objects_json, pair_key, detected_at, updated_at, cleared_at, detail_json)
            VALUES ('cf-earlier', 'strategic', 'open', 'blocking', '["old-a","old-b"]', '["A-1","B-1"]', 'strategic:A-1|B-1', 0, 0, NULL,
                '{"overlap_start":"2026-06-01T10:00:00Z","overlap_end":"2026-06-01T11:00:00Z","overlap_lower_ft":0,"overlap_upper_ft":9000}');
            INSERT INTO conflict_parties (party_id, conflict_id) VALUES ('old-a', 'cf-earlier'), ('old-b', 'cf-earlier');
            INSERT INTO conflict_objects (object_id, conflict_id) VALUES ('A-1', 'cf-earlier'), ('B-1', 'cf-earlier');
            """);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> IssueKeyAsync(HubProcess hub, string adminKey, string party)
    {
        using var admin = HubHttp.Client(hub.BaseAddress, adminKey);
        var issued = await (await admin.PostAsync($"/api/v1/parties/{party}/keys", null)).ShouldBeAsync(HttpStatusCode.Created);
        return issued.GetProperty("api_key").GetString()!;
    }
}
