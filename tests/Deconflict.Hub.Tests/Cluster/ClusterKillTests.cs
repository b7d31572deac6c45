using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Deconflict.Core.Audit;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Cluster;

/// <summary>
/// <c>kill -9</c> of one node of three while four parties write: the survivors answer, nothing acknowledged is lost,
/// and event streams open on the survivors miss none of it.
/// </summary>
[Collection(ClusterPeers.Collection)]
public sealed class ClusterKillTests
{
    private const int WritesPerWriter = 30;
    private const int KillAfter = 10;

    [Fact]
    public async Task Kill_9_of_a_node_during_four_writers_loses_no_acknowledged_write_misses_no_event_and_the_audit_export_verifies()
    {
        await using var nodes = await HubNodes.StartAsync();
        var writers = new List<(string Party, string Key)>();
        for (var w = 0; w < 4; w++)
        {
            writers.Add(await HubHttp.CreatePartyAsync(nodes[w % 3], nodes.AdminKey, "kill" + w.ToString(CultureInfo.InvariantCulture)));
        }
        var bases = Enumerable.Range(0, 3).Select(i => nodes[i]).ToArray();
        // Each writer's party follows its own changes on a node that survives (node 1 is the one killed).
        var streams = new List<SseClient>();
        for (var w = 0; w < 4; w++)
        {
            streams.Add(await SseClient.ConnectAsync(bases[w % 2 == 0 ? 0 : 2], writers[w].Key));
        }
        var dead = -1;
        var acknowledged = new ConcurrentBag<(int Writer, string Id, AuditReceipt Receipt)>();
        var survivorsRefused = 0;
        var total = 0;
        var killed = new TaskCompletionSource();

        async Task WriteAsync(int w)
        {
            var clients = bases.Select(b => HubHttp.Client(b, writers[w].Key)).ToArray();
            try
            {
                for (var n = 0; n < WritesPerWriter; n++)
                {
                    // Every writer goes round the nodes; a write to the dead node fails and is not acknowledged.
                    var node = (w + n) % 3;
                    var id = $"W{w}-{n}";
                    var body = HubCalls.Circle(-100 + w * 20 + n * 0.2, 40, 2_000, 0, 5_000, "2027-07-01T10:00:00Z", "2027-07-01T11:00:00Z");
                    try
                    {
                        using var response = await clients[node].PutIntentAsync(id, body);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged.Add((w, id, AuditReceipt.Parse(response.Receipt()!)));
                        }
                        else if (node != Volatile.Read(ref dead))
                        {
                            Interlocked.Increment(ref survivorsRefused);
                        }
                    }
                    catch (HttpRequestException) when (node == Volatile.Read(ref dead))
                    {
                    }
                    if (Interlocked.Increment(ref total) == KillAfter)
                    {
                        killed.TrySetResult();
                    }
                }
            }
            finally
            {
                foreach (var c in clients)
                {
                    c.Dispose();
                }
            }
        }

        var running = Enumerable.Range(0, 4).Select(WriteAsync).ToList();
        await killed.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Volatile.Write(ref dead, 1);
        await nodes.KillAsync(1);
        await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(120));

        survivorsRefused.ShouldBe(0);
        // Every write to a surviving node was acknowledged: two thirds of each writer's writes at least.
        acknowledged.Count.ShouldBeGreaterThanOrEqualTo(4 * WritesPerWriter * 2 / 3);
        foreach (var survivor in new[] { 0, 2 })
        {
            foreach (var (w, id, _) in acknowledged)
            {
                using var http = HubHttp.Client(nodes[survivor], writers[w].Key);
                (await http.GetAsync("/api/v1/intents/" + id)).StatusCode.ShouldBe(HttpStatusCode.OK);
            }
        }
        // The open streams on the survivors missed nothing: every acknowledged write of their party arrived, whichever
        // node took it, the dead one included.
        for (var w = 0; w < 4; w++)
        {
            var expected = acknowledged.Where(a => a.Writer == w).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            await streams[w].ReadUntilAsync(e =>
            {
                foreach (var id in expected.Where(id => e.Type == "intent" && e.Data.Contains($"\"{id}\"", StringComparison.Ordinal)))
                {
                    seen.Add(id);
                }
                return seen.Count == expected.Count;
            }, TimeSpan.FromSeconds(30));
            seen.ShouldBe(expected, ignoreOrder: true);
            await streams[w].DisposeAsync();
        }
        using var admin = HubHttp.Client(nodes[2], nodes.AdminKey);
        var key = AuditPublicKey.Parse(System.Text.Json.JsonDocument.Parse(await admin.GetStringAsync("/api/v1/audit/key")).RootElement.GetProperty("public_key").GetString()!);
        var text = await admin.GetStringAsync("/api/v1/audit/export");
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select((l, i) => AuditExport.ParseLine(l, i + 1)).ToList();
        var result = AuditVerifier.Verify(lines, key, acknowledged.Select(a => a.Receipt));
        result.IsValid.ShouldBeTrue(result.Problem);
        result.FirstSequence.ShouldBe(1);
        // The cluster settles on the two survivors, one of them leading.
        await nodes.WaitForMembersAsync(2);
    }
}
