using System.Net;
using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic;
using Deconflict.Hub.Intents;
using Deconflict.Hub.Storage;
using Deconflict.Hub.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Deconflict.Hub.Tests.Storage;

/// <summary>
/// The write path's database traffic, counted by the store itself: on PostgreSQL an intent write is one round trip
/// for the reads that decide it and one for all its changes with the commit, however many rows a conflict adds; the
/// cached audit tail and event sequence survive a failed write without forking the chain; a bulk import stores a
/// (party, id) named twice once, with one audit entry per intent.
/// </summary>
public abstract class WriteRoundTripTests(HubHost hub)
{
    protected const string T0 = "2026-05-01T10:00:00Z";
    protected const string T1 = "2026-05-01T12:00:00Z";

    protected SqlHubStore Store => (SqlHubStore)hub.Services.GetRequiredService<IHubStore>();

    [Fact]
    public async Task A_failed_write_leaves_nothing_and_the_next_one_chains_to_the_last_committed_entry()
    {
        var (party, key, _, _) = await hub.CreatePartyAsync("rt-fail");
        using var client = hub.Client(key);
        (await client.PutIntentAsync("RT-F1", HubCalls.Circle(-30, -50, 1_000, 0, 1_000, T0, T1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = await AuditTrail.ReadAsync(Store, null, null, CancellationToken.None);

        await Should.ThrowAsync<InvalidOperationException>(() => Store.WriteAsync<int>(async w =>
        {
            await w.AppendEventAsync("intent", "RT-GHOST", party, [], "{}");
            await w.AppendAuditAsync(party, "test.fail", "intent", "RT-GHOST", [party], "{}");
            throw new InvalidOperationException("the write gives up after appending");
        }, CancellationToken.None));

        (await client.PutIntentAsync("RT-F2", HubCalls.Circle(-31, -50, 1_000, 0, 1_000, T0, T1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var after = await AuditTrail.ReadAsync(Store, null, null, CancellationToken.None);
        after.ShouldNotContain(e => e.ObjectId == "RT-GHOST");
        after.Count.ShouldBe(before.Count + 1);
        for (var i = 1; i < after.Count; i++)
        {
            after[i].Sequence.ShouldBe(after[i - 1].Sequence + 1);
            after[i].PreviousHash.ShouldBe(after[i - 1].EntryHash);
        }
        var events = await Store.ReadEventsAsync(0, 100_000, CancellationToken.None);
        events.ShouldNotContain(e => e.ObjectId == "RT-GHOST");
        events.Select(e => e.Sequence).ShouldBeInOrder(SortDirection.Ascending);
        events.Select(e => e.Sequence).Distinct().Count().ShouldBe(events.Count);
    }

    [Fact]
    public async Task An_import_stores_a_repeated_id_once_with_one_audit_entry_per_intent()
    {
        var party = (await hub.CreatePartyAsync("rt-import")).Id;
        var desk = hub.Services.GetRequiredService<IntentDesk>();
        OperationalIntent Intent(string id, double lon) => new(id, party, IntentState.Accepted, 0, 0,
            [new Volume4D(new CircleShape(new GeoPoint(-60, lon), 500), 0, 1_000, DateTimeOffset.Parse(T0, null), DateTimeOffset.Parse(T1, null))]);
        // The same (party, id) twice in one batch, once again in the next batch, and one already stored.
        (await desk.ImportAsync([Intent("IMP-0", 10)], 10, null, CancellationToken.None)).ShouldBe(1);
        var before = (await AuditTrail.ReadAsync(Store, null, null, CancellationToken.None)).Count;
        var stored = await desk.ImportAsync([Intent("IMP-1", 11), Intent("IMP-1", 12), Intent("IMP-0", 13), Intent("IMP-2", 14), Intent("IMP-1", 15)],
            3, null, CancellationToken.None);

        stored.ShouldBe(2);
        var audit = await AuditTrail.ReadAsync(Store, null, null, CancellationToken.None);
        audit.Count.ShouldBe(before + 2);
        audit.Where(e => e.Action == "intent.create" && e.ObjectId == "IMP-1").Count().ShouldBe(1);
        (await Store.FindIntentsByIdAsync("IMP-1", CancellationToken.None)).Count.ShouldBe(1);
        // The first occurrence is the one stored.
        desk.Index.Get(party, "IMP-1")!.Volumes[0].Shape.ShouldBeOfType<CircleShape>().Centre.LonDeg.ShouldBe(11);
    }
}

public sealed class SqliteWriteRoundTripTests(SqliteHub hub) : WriteRoundTripTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresWriteRoundTripTests(PostgresHub hub) : WriteRoundTripTests(hub), IClassFixture<PostgresHub>
{
    [Fact]
    public async Task An_intent_write_is_two_round_trips_with_or_without_the_conflicts_it_opens()
    {
        var aKey = (await hub.CreatePartyAsync("rt-a")).Key;
        var bKey = (await hub.CreatePartyAsync("rt-b")).Key;
        using var a = hub.Client(aKey);
        using var b = hub.Client(bKey);
        // A first write reads the audit tail and event sequence once; later ones know them.
        (await a.PutIntentAsync("RT-WARM", HubCalls.Circle(150, -40, 1_000, 0, 1_000, T0, T1))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var start = Store.WriteRoundTrips;
        (await a.PutIntentAsync("RT-A", HubCalls.Circle(151, -40, 5_000, 0, 5_000, T0, T1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var alone = Store.WriteRoundTrips - start;

        start = Store.WriteRoundTrips;
        // Overlaps RT-A: a conflict (row, parties, members), its event and audit entry, and the probe notice, all in the same batch.
        var created = await b.PutIntentAsync("RT-B", HubCalls.Circle(151, -40, 5_000, 0, 5_000, T0, T1, priority: 4));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await created.JsonAsync()).GetProperty("conflicts").GetArrayLength().ShouldBe(1);
        var withConflict = Store.WriteRoundTrips - start;

        start = Store.WriteRoundTrips;
        (await b.DeleteAsync(new Uri("/api/v1/intents/RT-B", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var ended = Store.WriteRoundTrips - start;

        alone.ShouldBe(2);
        withConflict.ShouldBe(2);
        ended.ShouldBe(2);
    }
}
