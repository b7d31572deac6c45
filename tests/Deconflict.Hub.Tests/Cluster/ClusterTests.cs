using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Cluster;

/// <summary>
/// A cluster of three <c>serve --cluster</c> processes on one real PostgreSQL: any node answers for the whole hub,
/// writes to different nodes are ordered as one, tracks reported to different nodes meet in one detection.
/// </summary>
[Collection(ClusterPeers.Collection)]
public sealed class ClusterTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private HubNodes Nodes => fixture.Nodes;

    [Fact]
    public async Task Every_node_reports_the_membership_and_publishes_the_one_audit_key()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var leaders = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Nodes.Count; i++)
        {
            using var http = HubHttp.Client(Nodes[i], null);
            using var ready = JsonDocument.Parse(await http.GetStringAsync("/readyz"));
            var members = ready.RootElement.GetProperty("members").EnumerateArray().ToList();
            members.Count.ShouldBe(3);
            members.Count(m => m.GetProperty("self").GetBoolean()).ShouldBe(1);
            members.Single(m => m.GetProperty("self").GetBoolean()).GetProperty("node").GetString().ShouldBe(ready.RootElement.GetProperty("node").GetString());
            foreach (var m in members.Where(m => m.GetProperty("leader").GetBoolean()))
            {
                leaders.Add(m.GetProperty("node").GetString()!);
            }
            using var party = HubHttp.Client(Nodes[i], Nodes.AdminKey);
            using var key = JsonDocument.Parse(await party.GetStringAsync("/api/v1/audit/key"));
            keys.Add(key.RootElement.GetProperty("public_key").GetString()!);
        }
        keys.Count.ShouldBe(1);
        leaders.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Two_conflicting_intents_sent_at_once_to_two_nodes_are_never_both_accepted_in_200_races()
    {
        var (_, keyA) = await HubHttp.CreatePartyAsync(Nodes[0], Nodes.AdminKey, "race-a");
        var (_, keyB) = await HubHttp.CreatePartyAsync(Nodes[1], Nodes.AdminKey, "race-b");
        var clientsA = Enumerable.Range(0, Nodes.Count).Select(i => HubHttp.Client(Nodes[i], keyA)).ToArray();
        var clientsB = Enumerable.Range(0, Nodes.Count).Select(i => HubHttp.Client(Nodes[i], keyB)).ToArray();
        var outcomes = new List<(HttpStatusCode A, HttpStatusCode B)>();
        for (var race = 0; race < 200; race++)
        {
            // Each race at its own place, so only the two racers can conflict; each pair of nodes in turn.
            var body = HubCalls.Circle(-170 + race * 1.5, race % 2 == 0 ? 10 : -10, 5_000, 0, 10_000, "2027-06-01T10:00:00Z", "2027-06-01T12:00:00Z");
            var id = "RACE-" + race.ToString(CultureInfo.InvariantCulture);
            var a = clientsA[race % 3].PutIntentAsync(id, body);
            var b = clientsB[(race + 1) % 3].PutIntentAsync(id, body);
            using var ra = await a;
            using var rb = await b;
            outcomes.Add((ra.StatusCode, rb.StatusCode));
        }
        foreach (var c in clientsA.Concat(clientsB))
        {
            c.Dispose();
        }
        outcomes.ShouldAllBe(o => (o.A == HttpStatusCode.Created) != (o.B == HttpStatusCode.Created));
        outcomes.ShouldAllBe(o => o.A == HttpStatusCode.Conflict || o.B == HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Converging_aircraft_reported_through_two_nodes_raise_one_tactical_conflict_seen_on_both_streams()
    {
        var (partyA, keyA) = await HubHttp.CreatePartyAsync(Nodes[0], Nodes.AdminKey, "conv-a");
        var (partyB, keyB) = await HubHttp.CreatePartyAsync(Nodes[1], Nodes.AdminKey, "conv-b");
        // Each party watches on a node other than the one its aircraft is reported to.
        await using var streamA = await SseClient.ConnectAsync(Nodes[2], keyA);
        await using var streamB = await SseClient.ConnectAsync(Nodes[0], keyB);
        var seenA = streamA.ReadUntilAsync(IsTactical, TimeSpan.FromSeconds(40));
        var seenB = streamB.ReadUntilAsync(IsTactical, TimeSpan.FromSeconds(40));
        using var reporterA = HubHttp.Client(Nodes[0], keyA);
        using var reporterB = HubHttp.Client(Nodes[1], keyB);
        var idA = "a" + partyA[^6..];
        var idB = "b" + partyB[^6..];
        for (var k = 0; k < 30 && !(seenA.IsCompleted && seenB.IsCompleted); k++)
        {
            var now = DateTimeOffset.UtcNow;
            (await reporterA.PostAsync("/api/v1/tracks", Track(idA, now, 50.0, 60.0, 90))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
            (await reporterB.PostAsync("/api/v1/tracks", Track(idB, now, 50.0, 60.4, 270))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
            await Task.WhenAny(Task.WhenAll(seenA, seenB), Task.Delay(1000));
        }
        var a = (await seenA).LastOrDefault(IsTactical);
        var b = (await seenB).LastOrDefault(IsTactical);
        a.ShouldNotBeNull();
        b.ShouldNotBeNull();
        ConflictId(a).ShouldBe(ConflictId(b));
        // One conflict, whichever node is asked.
        for (var i = 0; i < Nodes.Count; i++)
        {
            using var http = HubHttp.Client(Nodes[i], keyA);
            using var list = JsonDocument.Parse(await http.GetStringAsync("/api/v1/conflicts"));
            list.RootElement.EnumerateArray().Count(c => c.GetProperty("kind").GetString() == "tactical" && c.GetProperty("status").GetString() == "open")
                .ShouldBe(1);
        }
    }

    [Fact]
    public async Task Each_node_shows_its_part_in_the_cluster_to_the_admin_and_to_nobody_else()
    {
        var (_, key) = await HubHttp.CreatePartyAsync(Nodes[0], Nodes.AdminKey, "figures");
        var leaders = 0;
        for (var i = 0; i < Nodes.Count; i++)
        {
            using var party = HubHttp.Client(Nodes[i], key);
            await (await party.GetAsync("/api/v1/cluster")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            using var admin = HubHttp.Client(Nodes[i], Nodes.AdminKey);
            var node = await (await admin.GetAsync("/api/v1/cluster")).ShouldBeAsync(HttpStatusCode.OK);
            node.GetProperty("members").GetArrayLength().ShouldBe(3);
            // Three nodes probe each other: every one has sent messages by the time the cluster has formed.
            node.GetProperty("messages_sent").GetInt64().ShouldBeGreaterThan(0);
            node.GetProperty("cpu_ms").GetDouble().ShouldBeGreaterThan(0);
            leaders += node.GetProperty("leader").GetBoolean() ? 1 : 0;
        }
        leaders.ShouldBe(1);
    }

    [Fact]
    public async Task A_key_revoked_through_one_node_is_refused_by_every_node()
    {
        var (party, key) = await HubHttp.CreatePartyAsync(Nodes[0], Nodes.AdminKey, "revoke");
        for (var i = 0; i < Nodes.Count; i++)
        {
            using var http = HubHttp.Client(Nodes[i], key);
            (await http.GetAsync("/api/v1/intents")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var keyId = key.Split('_')[1];
        using (var admin = HubHttp.Client(Nodes[1], Nodes.AdminKey))
        {
            (await admin.DeleteAsync($"/api/v1/parties/{party}/keys/{keyId}")).IsSuccessStatusCode.ShouldBeTrue();
        }
        for (var i = 0; i < Nodes.Count; i++)
        {
            using var http = HubHttp.Client(Nodes[i], key);
            (await http.GetAsync("/api/v1/intents")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
    }

    private static bool IsTactical(SseClient.Event e) => e.Type == "conflict" && e.Data.Contains("\"tactical\"", StringComparison.Ordinal);

    private static string ConflictId(SseClient.Event e)
    {
        using var doc = JsonDocument.Parse(e.Data);
        return doc.RootElement.GetProperty("id").GetString()!;
    }

    private static StringContent Track(string id, DateTimeOffset t, double lat, double lon, double trk) =>
        new("[" + Tracks.LiveHub.Report(id, t, lat, lon, 20_000, 420, trk) + "]", Encoding.UTF8, "application/json");
}
