using System.Net;
using Deconflict.Hub.Events;
using Deconflict.Hub.Storage;
using Deconflict.Hub.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Deconflict.Hub.Tests.Events;

/// <summary>Server-Sent Events over a real Kestrel connection: who is told what, and resuming with Last-Event-ID.</summary>
public abstract class EventStreamTests(KestrelHub hub)
{
    private const string T0 = "2026-05-01T10:00:00Z";
    private const string T1 = "2026-05-01T12:00:00Z";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Both_parties_of_a_conflict_are_told_and_a_stranger_hears_nothing_of_it()
    {
        var (a, aKey) = await hub.CreatePartyAsync("sse-a");
        var (b, bKey) = await hub.CreatePartyAsync("sse-b");
        var (stranger, sKey) = await hub.CreatePartyAsync("sse-s");
        await using var aStream = await SseClient.ConnectAsync(hub.BaseAddress, aKey);
        await using var sStream = await SseClient.ConnectAsync(hub.BaseAddress, sKey);
        using var ca = hub.Client(aKey);
        using var cb = hub.Client(bKey);
        using var cs = hub.Client(sKey);
        var aIntent = "SSE-A-" + Guid.NewGuid().ToString("N")[..8];
        var bIntent = "SSE-B-" + Guid.NewGuid().ToString("N")[..8];
        (await ca.PutIntentAsync(aIntent, HubCalls.Circle(60, 60, 5_000, 0, 5_000, T0, T1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await cb.PutIntentAsync(bIntent, HubCalls.Circle(60, 60, 5_000, 0, 5_000, T0, T1, priority: 4))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var aEvents = await aStream.ReadUntilAsync(e => e.Type == "conflict", Wait);
        aEvents.ShouldContain(e => e.Type == "intent" && e.Data.Contains(aIntent, StringComparison.Ordinal));
        var conflict = aEvents.Last();
        conflict.Type.ShouldBe("conflict");
        // No agreement: A is told of the conflict with B, not of B's intent id.
        conflict.Data.ShouldContain(aIntent);
        conflict.Data.ShouldNotContain(bIntent);
        conflict.Data.ShouldContain(b);
        conflict.Id.ShouldNotBeNull();
        // A does not see B's intent event (no agreement), only the conflict.
        aEvents.ShouldNotContain(e => e.Type == "intent" && e.Data.Contains(bIntent, StringComparison.Ordinal));

        // The stranger's own write marks the end of what it could have been sent.
        var marker = "SSE-S-" + Guid.NewGuid().ToString("N")[..8];
        (await cs.PutIntentAsync(marker, HubCalls.Circle(-100, 40, 1_000, 0, 1_000, T0, T1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var sEvents = await sStream.ReadUntilAsync(e => e.Data.Contains(marker, StringComparison.Ordinal), Wait);
        sEvents.ShouldContain(e => e.Data.Contains(marker, StringComparison.Ordinal));
        foreach (var e in sEvents)
        {
            e.Data.ShouldNotContain(aIntent);
            e.Data.ShouldNotContain(bIntent);
            e.Data.ShouldNotContain(a);
        }
        _ = stranger;
    }

    [Fact]
    public async Task A_client_resuming_with_Last_Event_ID_gets_what_it_missed_in_order()
    {
        var (_, key) = await hub.CreatePartyAsync("sse-r");
        using var c = hub.Client(key);
        string lastId;
        await using (var stream = await SseClient.ConnectAsync(hub.BaseAddress, key))
        {
            (await c.PutIntentAsync("R-1-" + key[^6..], HubCalls.Circle(70, 10, 1_000, 0, 1_000, T0, T1))).StatusCode.ShouldBe(HttpStatusCode.Created);
            var first = await stream.ReadUntilAsync(e => e.Type == "intent", Wait);
            lastId = first.Last().Id!;
        }
        // Disconnected: two more changes happen.
        (await c.PutIntentAsync("R-2-" + key[^6..], HubCalls.Circle(71, 10, 1_000, 0, 1_000, T0, T1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await c.PutIntentAsync("R-3-" + key[^6..], HubCalls.Circle(72, 10, 1_000, 0, 1_000, T0, T1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await using var resumed = await SseClient.ConnectAsync(hub.BaseAddress, key, lastId);
        var missed = await resumed.ReadUntilAsync(e => e.Data.Contains("R-3-", StringComparison.Ordinal), Wait);
        var intents = missed.Where(e => e.Type == "intent").ToList();
        intents.Count.ShouldBe(2);
        intents[0].Data.ShouldContain("R-2-");
        intents[1].Data.ShouldContain("R-3-");
        long.Parse(intents[0].Id!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(long.Parse(lastId, System.Globalization.CultureInfo.InvariantCulture));
        missed.ShouldNotContain(e => e.Data.Contains("R-1-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_resuming_from_before_the_retention_is_told_to_resync_and_then_follows_live()
    {
        var (_, key) = await hub.CreatePartyAsync("sse-p");
        using var c = hub.Client(key);
        var tag = key[^6..];
        string oldId;
        await using (var stream = await SseClient.ConnectAsync(hub.BaseAddress, key))
        {
            (await c.PutIntentAsync("P-1-" + tag, HubCalls.Circle(80, 10, 1_000, 0, 1_000, T0, T1))).StatusCode.ShouldBe(HttpStatusCode.Created);
            oldId = (await stream.ReadUntilAsync(e => e.Type == "intent", Wait)).Last().Id!;
        }
        (await c.PutIntentAsync("P-2-" + tag, HubCalls.Circle(81, 10, 1_000, 0, 1_000, T0, T1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await c.PutIntentAsync("P-3-" + tag, HubCalls.Circle(82, 10, 1_000, 0, 1_000, T0, T1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        // Every event so far as if stored eight days ago; the pruner keeps only the newest (P-3's).
        var store = hub.Services.GetRequiredService<IHubStore>();
        await store.WriteAsync(async w =>
        {
            await using var age = w.CreateCommand("UPDATE events SET time = @old");
            age.With("@old", DateTimeOffset.UtcNow.AddDays(-8));
            return await age.ExecuteNonQueryAsync();
        }, CancellationToken.None);
        (await hub.Services.GetRequiredService<EventPruner>().PruneAsync(CancellationToken.None)).ShouldBeGreaterThan(0);
        var (oldest, newest) = await store.EventSpanAsync(CancellationToken.None);
        oldest.ShouldBe(newest);

        await using var resumed = await SseClient.ConnectAsync(hub.BaseAddress, key, oldId);
        (await c.PutIntentAsync("P-4-" + tag, HubCalls.Circle(83, 10, 1_000, 0, 1_000, T0, T1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var got = await resumed.ReadUntilAsync(e => e.Data.Contains("P-4-", StringComparison.Ordinal), Wait);
        got[0].Type.ShouldBe("resync");
        got[0].Id.ShouldBe(newest.ToString(System.Globalization.CultureInfo.InvariantCulture));
        got[0].Data.ShouldContain($"\"last_event_id\":{oldId}");
        got.ShouldNotContain(e => e.Data.Contains("P-2-", StringComparison.Ordinal));
        got.Last().Type.ShouldBe("intent");

        // Resuming from the newest kept event is an ordinary resume: no resync.
        await using var current = await SseClient.ConnectAsync(hub.BaseAddress, key, newest.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var after = await current.ReadUntilAsync(e => e.Data.Contains("P-4-", StringComparison.Ordinal), Wait);
        after.ShouldNotContain(e => e.Type == "resync");
    }

    [Fact]
    public async Task The_event_stream_needs_a_key()
    {
        using var anonymous = hub.Client(null);
        (await anonymous.GetAsync("/api/v1/events")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

public sealed class SqliteEventStreamTests(SqliteKestrelHub hub) : EventStreamTests(hub), IClassFixture<SqliteKestrelHub>;

public sealed class PostgresEventStreamTests(PostgresKestrelHub hub) : EventStreamTests(hub), IClassFixture<PostgresKestrelHub>;

[Collection(ClusterPeers.Collection)]
public sealed class ClusterEventStreamTests(ClusterKestrelHub hub) : EventStreamTests(hub), IClassFixture<ClusterKestrelHub>;
