using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Cluster;

/// <summary>
/// Faults a cluster must ride out: a node that dies and comes back, a client that moves to another node, and the
/// database going away and returning.
/// </summary>
[Collection(ClusterPeers.Collection)]
public sealed class ClusterFaultTests
{
    private const string T0 = "2027-08-01T10:00:00Z";
    private const string T1 = "2027-08-01T11:00:00Z";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_killed_node_that_restarts_rejoins_and_serves_what_was_written_while_it_was_down()
    {
        await using var nodes = await HubNodes.StartAsync();
        var (_, key) = await HubHttp.CreatePartyAsync(nodes[0], nodes.AdminKey, "rejoin");
        await nodes.KillAsync(2);
        using (var http = HubHttp.Client(nodes[0], key))
        {
            (await http.PutIntentAsync("WHILE-DOWN", HubCalls.Circle(10, 50, 2_000, 0, 5_000, T0, T1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        await nodes.RestartAsync(2);
        await nodes.WaitForMembersAsync(3);
        using var back = HubHttp.Client(nodes[2], key);
        (await back.GetAsync("/api/v1/intents/WHILE-DOWN")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // It writes again, and the others see its writes.
        (await back.PutIntentAsync("AFTER-REJOIN", HubCalls.Circle(11, 50, 2_000, 0, 5_000, T0, T1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var first = HubHttp.Client(nodes[0], key);
        (await first.GetAsync("/api/v1/intents/AFTER-REJOIN")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_stream_on_one_node_sees_writes_made_through_the_others_and_resumes_by_Last_Event_ID_on_another()
    {
        await using var nodes = await HubNodes.StartAsync();
        var (_, key) = await HubHttp.CreatePartyAsync(nodes[0], nodes.AdminKey, "resume");
        string firstId;
        await using (var stream = await SseClient.ConnectAsync(nodes[0], key))
        {
            using var other = HubHttp.Client(nodes[1], key);
            (await other.PutIntentAsync("RES-1", HubCalls.Circle(20, 50, 1_000, 0, 1_000, T0, T1))).StatusCode.ShouldBe(HttpStatusCode.Created);
            var seen = await stream.ReadUntilAsync(e => e.Type == "intent" && e.Data.Contains("RES-1", StringComparison.Ordinal), Wait);
            firstId = seen.Last().Id!;
        }
        using (var third = HubHttp.Client(nodes[2], key))
        {
            (await third.PutIntentAsync("RES-2", HubCalls.Circle(21, 50, 1_000, 0, 1_000, T0, T1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        using (var second = HubHttp.Client(nodes[1], key))
        {
            (await second.PutIntentAsync("RES-3", HubCalls.Circle(22, 50, 1_000, 0, 1_000, T0, T1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        // The client comes back through another node with the id it last saw there.
        await using var resumed = await SseClient.ConnectAsync(nodes[2], key, firstId);
        var missed = (await resumed.ReadUntilAsync(e => e.Data.Contains("RES-3", StringComparison.Ordinal), Wait)).Where(e => e.Type == "intent").ToList();
        missed.Count.ShouldBe(2);
        missed[0].Data.ShouldContain("RES-2");
        missed[1].Data.ShouldContain("RES-3");
    }

    [Fact]
    public async Task A_database_outage_is_answered_503_problem_and_the_cluster_recovers_when_it_returns()
    {
        await using var pg = await PostgresCluster.StartPrivateAsync();
        await using var nodes = await HubNodes.StartAsync(count: 2, database: await pg.CreateDatabaseAsync());
        var (_, key) = await HubHttp.CreatePartyAsync(nodes[0], nodes.AdminKey, "outage");
        using var a = HubHttp.Client(nodes[0], key);
        using var b = HubHttp.Client(nodes[1], key);
        (await a.PutIntentAsync("BEFORE", HubCalls.Circle(30, 50, 1_000, 0, 1_000, T0, T1))).StatusCode.ShouldBe(HttpStatusCode.Created);

        await pg.StopServerAsync();
        foreach (var client in new[] { a, b })
        {
            using var refused = await client.PutIntentAsync("DURING", HubCalls.Circle(31, 50, 1_000, 0, 1_000, T0, T1));
            await refused.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
            refused.Headers.RetryAfter.ShouldNotBeNull();
        }
        using (var ready = await a.GetAsync("/readyz"))
        {
            ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        }

        await pg.StartServerAsync();
        // Bounded: each node answers a write again once its connections are re-established.
        foreach (var (client, id) in new[] { (a, "AFTER-A"), (b, "AFTER-B") })
        {
            var status = HttpStatusCode.ServiceUnavailable;
            for (var attempt = 0; attempt < 60 && status != HttpStatusCode.Created; attempt++)
            {
                using var response = await client.PutIntentAsync(id, HubCalls.Circle(id == "AFTER-A" ? 32 : 33, 50, 1_000, 0, 1_000, T0, T1));
                status = response.StatusCode;
                if (status != HttpStatusCode.Created)
                {
                    status.ShouldBe(HttpStatusCode.ServiceUnavailable);
                    await Task.Delay(500);
                }
            }
            status.ShouldBe(HttpStatusCode.Created);
        }
        foreach (var client in new[] { a, b })
        {
            foreach (var id in new[] { "BEFORE", "AFTER-A", "AFTER-B" })
            {
                (await client.GetAsync("/api/v1/intents/" + id)).StatusCode.ShouldBe(HttpStatusCode.OK);
            }
            (await client.GetAsync("/api/v1/intents/DURING")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        await nodes.WaitForMembersAsync(2);
    }

    [Fact]
    public async Task A_tactical_alert_keeps_its_id_and_stays_open_when_the_detecting_node_is_killed()
    {
        await using var nodes = await HubNodes.StartAsync();
        var (partyA, keyA) = await HubHttp.CreatePartyAsync(nodes[0], nodes.AdminKey, "fail-a");
        var (partyB, keyB) = await HubHttp.CreatePartyAsync(nodes[1], nodes.AdminKey, "fail-b");
        var (idA, idB) = ("a" + partyA[^6..], "b" + partyB[^6..]);
        async Task ReportAsync(int nodeA, int nodeB)
        {
            using var a = HubHttp.Client(nodes[nodeA], keyA);
            using var b = HubHttp.Client(nodes[nodeB], keyB);
            var now = DateTimeOffset.UtcNow;
            (await a.PostAsync("/api/v1/tracks", Track(idA, now, 50.0, 60.0, 90))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
            (await b.PostAsync("/api/v1/tracks", Track(idB, now, 50.0, 60.4, 270))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }
        async Task<List<JsonElement>> TacticalAsync(int node, string state)
        {
            using var http = HubHttp.Client(nodes[node], keyA);
            using var list = JsonDocument.Parse(await http.GetStringAsync("/api/v1/conflicts?state=" + state));
            return [.. list.RootElement.EnumerateArray().Where(c => c.GetProperty("kind").GetString() == "tactical").Select(c => c.Clone())];
        }
        async Task<JsonElement> StatusAsync(int node)
        {
            using var admin = HubHttp.Client(nodes[node], nodes.AdminKey);
            using var doc = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/cluster"));
            return doc.RootElement.Clone();
        }

        string? alert = null;
        for (var k = 0; k < 40 && alert is null; k++)
        {
            await ReportAsync(0, 1);
            alert = (await TacticalAsync(2, "open")).Select(c => c.GetProperty("id").GetString()).FirstOrDefault();
            await Task.Delay(1000);
        }
        alert.ShouldNotBeNull();
        var leader = -1;
        for (var n = 0; n < 3; n++)
        {
            leader = (await StatusAsync(n)).GetProperty("leader").GetBoolean() ? n : leader;
        }
        leader.ShouldBeGreaterThanOrEqualTo(0);
        await nodes.KillAsync(leader);
        var survivors = Enumerable.Range(0, 3).Where(n => n != leader).ToArray();

        // The aircraft are still closing, reported through the survivors, until one of them has led for longer than
        // the grace in which an alert left open is taken over or cleared (hold 10 s + 3 cycles).
        var detected = false;
        for (var k = 0; k < 90 && !detected; k++)
        {
            await ReportAsync(survivors[0], survivors[1]);
            foreach (var n in survivors)
            {
                var status = await StatusAsync(n);
                detected |= status.GetProperty("leader").GetBoolean() && status.GetProperty("detection_cycles").GetInt64() >= 16;
            }
            await Task.Delay(1000);
        }
        detected.ShouldBeTrue("a survivor took over the detection");
        var open = await TacticalAsync(survivors[0], "open");
        open.Select(c => c.GetProperty("id").GetString()).ShouldBe([alert]);
        (await TacticalAsync(survivors[1], "cleared")).ShouldNotContain(c => c.GetProperty("id").GetString() == alert);
    }

    private static StringContent Track(string id, DateTimeOffset t, double lat, double lon, double trk) =>
        new("[" + Tracks.LiveHub.Report(id, t, lat, lon, 20_000, 420, trk) + "]", Encoding.UTF8, "application/json");
}
