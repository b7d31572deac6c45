using System.Data.Common;
using System.Net;
using Deconflict.Core.Audit;
using Deconflict.Hub.Intents;
using Deconflict.Hub.Storage;
using Deconflict.Hub.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Deconflict.Hub.Tests.Storage;

/// <summary>
/// Group commit: intent writes that wait for the writer together are committed in one transaction, each checked in
/// order against the ones before it (before the index has them), each with its own audit entry and receipt; a write
/// that fails makes the others run again one by one, so none of them is lost and the failed one leaves nothing.
/// Writes are lined up deterministically behind a write that holds the writer until they are all queued.
/// </summary>
public abstract class GroupCommitTests(HubHost hub)
{
    protected const string T0 = "2026-06-01T10:00:00Z";
    protected const string T1 = "2026-06-01T12:00:00Z";

    protected SqlHubStore Store => (SqlHubStore)hub.Services.GetRequiredService<IHubStore>();

    protected HubHost Hub => hub;

    /// <summary>Holds the writer, starts the writes (waiting until each is queued, in order), then lets them go.</summary>
    protected async Task<(long Commits, long Trips)> LineUpAsync(params Func<Task>[] writes)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = Store.WriteAsync(async _ =>
        {
            holding.SetResult();
            await release.Task;
            return 0;
        }, CancellationToken.None);
        await holding.Task;
        var started = new List<Task>();
        foreach (var write in writes)
        {
            var queued = Store.QueuedWrites;
            started.Add(write());
            for (var i = 0; i < 2_000 && Store.QueuedWrites == queued; i++)
            {
                await Task.Delay(5);
            }
            Store.QueuedWrites.ShouldBe(queued + 1);
        }
        var (commits, trips) = (Store.WriteCommits, Store.WriteRoundTrips);
        release.SetResult();
        await holder;
        try
        {
            await Task.WhenAll(started);
        }
        catch (Exception)
        {
            // Each write's own outcome is checked by the test.
        }
        // Less the holder's own commit (it wrote nothing, so it sent nothing).
        return (Store.WriteCommits - commits - 1, Store.WriteRoundTrips - trips);
    }

    [Fact]
    public async Task Intent_writes_lined_up_commit_together_each_checked_against_the_ones_before_it()
    {
        var a = await hub.CreatePartyAsync("gc-a");
        var b = await hub.CreatePartyAsync("gc-b");
        using var ca = a.Client();
        using var cb = b.Client();
        var replies = new HttpResponseMessage?[6];
        // A's three intents first, then B's over each of them at a higher priority: B's must see A's, committed or not.
        var writes = Enumerable.Range(0, 3).Select(i => (Func<Task>)(async () =>
                replies[i] = await ca.PutIntentAsync($"GC-A{i}", HubCalls.Circle(120 + i, 60, 2_000, 0, 2_000, T0, T1))))
            .Concat(Enumerable.Range(0, 3).Select(i => (Func<Task>)(async () =>
                replies[3 + i] = await cb.PutIntentAsync($"GC-B{i}", HubCalls.Circle(120 + i, 60, 2_000, 0, 2_000, T0, T1, priority: 4)))))
            .ToArray();

        var (commits, trips) = await LineUpAsync(writes);

        commits.ShouldBe(1);
        foreach (var reply in replies)
        {
            reply!.StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        for (var i = 0; i < 3; i++)
        {
            var conflicts = (await replies[3 + i]!.JsonAsync()).GetProperty("conflicts");
            conflicts.GetArrayLength().ShouldBe(1);
            conflicts[0].GetProperty("party").GetString().ShouldBe(a.Id);
        }
        // Each reply's receipt is its own entry of one unbroken chain.
        var audit = await AuditTrail.ReadAsync(Store, null, null, CancellationToken.None);
        for (var i = 0; i < 6; i++)
        {
            var receipt = AuditReceipt.Parse(replies[i]!.Headers.GetValues("Audit-Receipt").Single());
            var entry = audit.Single(e => e.Sequence == receipt.Sequence);
            entry.EntryHash.ShouldBe(receipt.EntryHash);
            entry.ObjectId.ShouldBe(i < 3 ? $"GC-A{i}" : $"GC-B{i - 3}");
        }
        for (var i = 1; i < audit.Count; i++)
        {
            audit[i].PreviousHash.ShouldBe(audit[i - 1].EntryHash);
        }
        var desk = hub.Services.GetRequiredService<IntentDesk>();
        desk.Index.Get(b.Id, "GC-B2").ShouldNotBeNull();
        var stored = await Store.ListConflictsAsync(b.Id, "open", CancellationToken.None);
        stored.Select(c => string.Join(" ", c.Objects.Select(o => o.Id).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)
            .ShouldBe(["GC-A0 GC-B0", "GC-A1 GC-B1", "GC-A2 GC-B2"]);
        AssertRoundTrips(writes.Length, trips);
    }

    /// <summary>The database's round trips for one group of <paramref name="writes"/> intent writes (PostgreSQL only).</summary>
    protected virtual void AssertRoundTrips(int writes, long trips)
    {
    }

    [Fact]
    public async Task A_write_failing_in_a_group_loses_none_of_the_others_and_leaves_nothing()
    {
        var a = await hub.CreatePartyAsync("gc-f");
        using var ca = a.Client();
        HttpResponseMessage? first = null, last = null;
        Task<int>? failing = null;
        var (commits, _) = await LineUpAsync(
            async () => first = await ca.PutIntentAsync("GC-F1", HubCalls.Circle(-120, 61, 1_000, 0, 1_000, T0, T1)),
            () => failing = Store.WriteGroupableAsync(async w =>
            {
                await w.AppendEventAsync("intent", "GC-GHOST", a.Id, [], "{}");
                await w.AppendAuditAsync(a.Id, "test.fail", "intent", "GC-GHOST", [a.Id], "{}");
                // A party that exists already: refused by the database only when the statement is sent (later, with another write's).
                await w.InsertPartyAsync(new PartyRecord(a.Id, a.Id, "state", w.Now));
                return 0;
            }, CancellationToken.None),
            async () => last = await ca.PutIntentAsync("GC-F2", HubCalls.Circle(-121, 61, 1_000, 0, 1_000, T0, T1)));

        await Should.ThrowAsync<DbException>(() => failing!);
        first!.StatusCode.ShouldBe(HttpStatusCode.Created);
        last!.StatusCode.ShouldBe(HttpStatusCode.Created);
        // The group was rolled back and its writes run again one by one: two of them committed.
        commits.ShouldBe(2);
        var audit = await AuditTrail.ReadAsync(Store, null, null, CancellationToken.None);
        audit.ShouldNotContain(e => e.ObjectId == "GC-GHOST");
        audit.Count(e => e.ObjectId is "GC-F1" or "GC-F2").ShouldBe(2);
        for (var i = 1; i < audit.Count; i++)
        {
            audit[i].Sequence.ShouldBe(audit[i - 1].Sequence + 1);
            audit[i].PreviousHash.ShouldBe(audit[i - 1].EntryHash);
        }
        var events = await Store.ReadEventsAsync(0, 100_000, CancellationToken.None);
        events.ShouldNotContain(e => e.ObjectId == "GC-GHOST");
        events.Select(e => e.Sequence).Distinct().Count().ShouldBe(events.Count);
        var desk = hub.Services.GetRequiredService<IntentDesk>();
        desk.Index.Get(a.Id, "GC-F1").ShouldNotBeNull();
        desk.Index.Get(a.Id, "GC-F2").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_write_that_is_not_groupable_is_committed_alone_in_its_place()
    {
        var a = await hub.CreatePartyAsync("gc-o");
        using var ca = a.Client();
        var order = new List<string>();
        HttpResponseMessage? before = null, after = null;
        var (commits, _) = await LineUpAsync(
            async () => before = await ca.PutIntentAsync("GC-O1", HubCalls.Circle(-122, 62, 1_000, 0, 1_000, T0, T1)),
            () => Store.WriteAsync(w =>
            {
                // Runs after the write queued before it has committed and been applied.
                lock (order)
                {
                    order.Add(hub.Services.GetRequiredService<IntentDesk>().Index.Get(a.Id, "GC-O1") is null ? "alone, before GC-O1" : "alone, after GC-O1");
                }
                return Task.FromResult(0);
            }, CancellationToken.None),
            async () => after = await ca.PutIntentAsync("GC-O2", HubCalls.Circle(-123, 62, 1_000, 0, 1_000, T0, T1)));

        before!.StatusCode.ShouldBe(HttpStatusCode.Created);
        after!.StatusCode.ShouldBe(HttpStatusCode.Created);
        order.ShouldBe(["alone, after GC-O1"]);
        commits.ShouldBe(3);
    }
}

public sealed class SqliteGroupCommitTests(SqliteHub hub) : GroupCommitTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresGroupCommitTests(PostgresHub hub) : GroupCommitTests(hub), IClassFixture<PostgresHub>
{
    /// <summary>One round trip per write (its reads, with the changes of the write before) and one for the last changes and the commit.</summary>
    protected override void AssertRoundTrips(int writes, long trips) => trips.ShouldBe(writes + 1);
}
