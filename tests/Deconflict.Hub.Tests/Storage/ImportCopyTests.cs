using System.Data.Common;
using System.Net.Http.Json;
using Deconflict.Core.Audit;
using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic;
using Deconflict.Hub.Intents;
using Deconflict.Hub.Storage;
using Deconflict.Hub.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Deconflict.Hub.Tests.Storage;

/// <summary>
/// The bulk import: on PostgreSQL its rows go by binary COPY, and what it stores (intents, conflicts, events, audit
/// entries, skips) is what SQLite stores, row for row, for the same import; a bad intent stops the import with an
/// error naming it, its batch stores nothing, and the batches before it stay stored and indexed.
/// </summary>
public sealed class ImportCopyTests(SqliteHub sqlite, PostgresHub postgres) : IClassFixture<SqliteHub>, IClassFixture<PostgresHub>
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-07-01T10:00:00Z", null);

    private static async Task CreatePartyAsync(HubHost hub, string id)
    {
        using var admin = hub.Admin();
        using var response = await admin.PostAsJsonAsync("/api/v1/parties", new { name = id, kind = "state", id });
        response.EnsureSuccessStatusCode();
    }

    private static OperationalIntent Intent(string party, string id, double lon, int priority, int hour = 0) =>
        new(id, party, IntentState.Accepted, priority, 0,
            [new Volume4D(new CircleShape(new GeoPoint(-70, lon), 3_000), 0, 2_000, T0.AddHours(hour), T0.AddHours(hour + 2))]);

    /// <summary>
    /// Two parties over the same places: each of Q's intents meets one of P's (Q higher: advisory, stored), the
    /// last ones at equal priority (blocking: skipped), one id named twice, in batches of 3 (so a pair meets within a
    /// batch, staged, or across batches, committed).
    /// </summary>
    private static List<OperationalIntent> Import(string p, string q)
    {
        var list = new List<OperationalIntent>();
        for (var i = 0; i < 9; i++)
        {
            list.Add(Intent(p, $"P{i:D2}", -100 + (i * 0.2), 0, hour: i % 3));
            list.Add(Intent(q, $"Q{i:D2}", -100 + (i * 0.2), i < 7 ? 3 : 0, hour: i % 3));
        }
        list.Add(Intent(p, "P03", 20, 0));
        return list;
    }

    private static async Task<List<string>> RowsAsync(HubHost hub, string sql, string p, string q)
    {
        var store = hub.Services.GetRequiredService<IHubStore>();
        await using var connection = await store.OpenReadConnectionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.With("@p", p);
        command.With("@q", q);
        return await command.ListAsync(r => string.Join("|", Enumerable.Range(0, r.FieldCount).Select(i => Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))), CancellationToken.None);
    }

    /// <summary>Everything the import stored for the two parties, without what differs by hub (times, conflict ids, hashes) or by timing (threads).</summary>
    private static async Task<List<string>> StoredAsync(HubHost hub, string p, string q)
    {
        var rows = new List<string>();
        rows.AddRange(await RowsAsync(hub,
            "SELECT party, id, state, priority, version, geojson, min_lon, min_lat, max_lon, max_lat, time_start, time_end FROM intents WHERE party IN (@p, @q) ORDER BY party, id", p, q));
        rows.AddRange(await RowsAsync(hub,
            "SELECT kind, status, level, parties_json, objects_json, pair_key, detail_json FROM conflicts WHERE parties_json LIKE '%' || @p || '%' ORDER BY pair_key", p, q));
        rows.AddRange(await RowsAsync(hub,
            "SELECT type, object_id, owner_party, parties_json FROM events WHERE (owner_party IN (@p, @q) OR parties_json LIKE '%' || @p || '%') AND type <> 'thread' ORDER BY seq", p, q));
        var audit = await AuditTrail.ReadAsync(hub.Services.GetRequiredService<IHubStore>(), null, null, CancellationToken.None);
        // Not the hotline threads opened for new conflicts: a background service writes them, interleaved with the
        // import's batches by timing, not by the import.
        rows.AddRange(audit.Where(e => (e.Visibility.Contains(p) || e.Visibility.Contains(q)) && e.ObjectType != "thread")
            .Select(e => $"{e.Actor}|{e.Action}|{e.ObjectType}|{e.ObjectId}|{string.Join(",", e.Visibility)}|{(e.Action == "intent.create" ? System.Text.RegularExpressions.Regex.Replace(e.ContentJson, "\"audit_nonce\":\"[^\"]*\",", "") : "")}"));
        // Conflict ids are random: named by their order of first appearance.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. rows.Select(r => System.Text.RegularExpressions.Regex.Replace(r, "cf-[0-9a-f]+", m => "cf#" + (ids.TryGetValue(m.Value, out var n) ? n : ids[m.Value] = ids.Count)))];
    }

    [Fact]
    public async Task A_COPY_import_into_PostgreSQL_stores_what_SQLite_stores_for_the_same_import()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var (p, q) = ($"imp-p-{run}", $"imp-q-{run}");
        var results = new List<(int Stored, List<string> Rows, long Trips)>();
        foreach (var hub in new HubHost[] { sqlite, postgres })
        {
            await CreatePartyAsync(hub, p);
            await CreatePartyAsync(hub, q);
            var store = (SqlHubStore)hub.Services.GetRequiredService<IHubStore>();
            var trips = store.WriteRoundTrips;
            var stored = await hub.Services.GetRequiredService<IntentDesk>().ImportAsync(Import(p, q), 3, null, CancellationToken.None);
            results.Add((stored, await StoredAsync(hub, p, q), store.WriteRoundTrips - trips));
        }

        // 9 of P, 7 of Q (the two at equal priority are refused by P's), P03 named twice stored once.
        results[0].Stored.ShouldBe(16);
        results[1].Stored.ShouldBe(results[0].Stored);
        results[1].Rows.ShouldBe(results[0].Rows);
        results[0].Rows.Count(r => r.StartsWith("strategic|open|advisory", StringComparison.Ordinal)).ShouldBe(7);
        // PostgreSQL: per batch a few reads, three COPY streams and the commit; SQLite counts a statement per row.
        results[1].Trips.ShouldBeLessThan(results[0].Trips);
        // The streamed entries chain like inserted ones.
        var audit = await AuditTrail.ReadAsync(postgres.Services.GetRequiredService<IHubStore>(), null, null, CancellationToken.None);
        var mine = audit.Where(e => e.ObjectType != "party" && (e.Visibility.Contains(p) || e.Visibility.Contains(q))).ToList();
        mine.Count.ShouldBe(16 + 7);
        foreach (var e in mine)
        {
            var before = audit.Single(x => x.Sequence == e.Sequence - 1);
            e.PreviousHash.ShouldBe(before.EntryHash);
        }
    }

    [Fact]
    public async Task A_bad_intent_stops_the_import_naming_it_and_loses_nothing_of_the_batches_before()
    {
        foreach (var hub in new HubHost[] { sqlite, postgres })
        {
            var run = Guid.NewGuid().ToString("N")[..6];
            var p = $"imp-b-{run}";
            await CreatePartyAsync(hub, p);
            var intents = Enumerable.Range(0, 10).Select(i => Intent(p, $"B{i:D2}", 100 + i, 0)).ToList();
            // The seventh names a party the hub does not know: its batch (5..9 with batches of 5) is refused whole.
            intents[6] = Intent($"nobody-{run}", "B06", 106, 0);
            var desk = hub.Services.GetRequiredService<IntentDesk>();

            var error = await Should.ThrowAsync<IntentImportException>(() => desk.ImportAsync(intents, 5, null, CancellationToken.None));

            error.Position.ShouldBe(6);
            error.IntentId.ShouldBe("B06");
            error.Field.ShouldBe("party");
            error.Message.ShouldContain("Intent 7 of the import ('B06' of party 'nobody-");
            error.Message.ShouldContain("intents 6–10");
            error.Message.ShouldContain("the 5 intents stored by earlier batches stay");
            var stored = await RowsAsync(hub, "SELECT id FROM intents WHERE party = @p OR party = @q ORDER BY id", p, $"nobody-{run}");
            stored.ShouldBe(["B00", "B01", "B02", "B03", "B04"]);
            var audit = await AuditTrail.ReadAsync(hub.Services.GetRequiredService<IHubStore>(), null, null, CancellationToken.None);
            audit.Count(e => e.Actor == p).ShouldBe(5);
            desk.Index.Get(p, "B04").ShouldNotBeNull();
            desk.Index.Get(p, "B05").ShouldBeNull();
        }
    }

    [Fact]
    public async Task A_batch_the_database_refuses_is_reported_with_its_range_and_stores_nothing()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var p = $"imp-d-{run}";
        await CreatePartyAsync(postgres, p);
        var store = postgres.Services.GetRequiredService<IHubStore>();
        var desk = postgres.Services.GetRequiredService<IntentDesk>();
        // An audit entry the import's next entry would collide with: the COPY stream is refused by the primary key.
        var intents = Enumerable.Range(0, 3).Select(i => Intent(p, $"D{i}", 140 + i, 0)).ToList();
        await store.WriteAsync(async w =>
        {
            await using var command = w.CreateCommand(
                "INSERT INTO audit (seq, time, actor, action, object_type, object_id, visibility_json, content_json, content_hash, previous_hash, entry_hash) "
                + "SELECT COALESCE(MAX(seq), 0) + 1, @t, 'x', 'x', 'x', 'x', '[]', '{}', repeat('0', 64), repeat('0', 64), repeat('0', 64) FROM audit");
            command.With("@t", AuditEncoding.FormatTime(w.Now));
            await command.ExecuteNonQueryAsync();
            return 0;
        }, CancellationToken.None);

        var error = await Should.ThrowAsync<IntentImportException>(() => desk.ImportAsync(intents, 10, null, CancellationToken.None));

        error.InnerException.ShouldBeAssignableTo<DbException>();
        error.Message.ShouldContain("The database refused the batch of intents 1–3");
        (await RowsAsync(postgres, "SELECT id FROM intents WHERE party = @p OR party = @q", p, p)).ShouldBeEmpty();
        desk.Index.Get(p, "D0").ShouldBeNull();
    }
}
