using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Cluster;

/// <summary>
/// Three <c>serve --cluster</c> hub processes on loopback, each from its own data directory, on one new database of the
/// run's real PostgreSQL cluster; started in order and ready once every node's <c>/readyz</c> counts all three.
/// </summary>
public sealed class HubNodes : IAsyncDisposable
{
    private readonly List<HubProcess?> _nodes;
    private readonly List<string> _dataDirectories;

    private HubNodes(List<HubProcess?> nodes, List<string> dataDirectories, string adminKey)
    {
        _nodes = nodes;
        _dataDirectories = dataDirectories;
        AdminKey = adminKey;
    }

    public string AdminKey { get; }

    public Uri this[int node] => (_nodes[node] ?? throw new InvalidOperationException($"node {node} was killed")).BaseAddress;

    public int Count => _nodes.Count;

    public static async Task<HubNodes> StartAsync(int count = 3)
    {
        var pg = await PostgresCluster.SharedAsync();
        var database = await pg.CreateDatabaseAsync();
        var adminKey = "admin-" + Guid.NewGuid().ToString("N");
        var nodes = new List<HubProcess?>();
        var dirs = new List<string>();
        var started = new HubNodes(nodes, dirs, adminKey);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var data = Path.Combine(Path.GetTempPath(), "deconflict-node-" + Guid.NewGuid().ToString("N")[..12]);
                dirs.Add(data);
                nodes.Add(await HubProcess.StartAsync(data, adminKey, database,
                    ["--Cluster:Enabled=true", $"--Cluster:SiloPort={FreePort()}", $"--Cluster:GatewayPort={FreePort()}", "--Cluster:SyncIntervalMs=50"],
                    new Dictionary<string, string> { ["DECONFLICT_PROBE_BUDGET"] = "0" }));
            }
            await started.WaitForMembersAsync(count);
            return started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits (bounded) until every live node's <c>/readyz</c> lists <paramref name="count"/> nodes and one leads.</summary>
    public async Task WaitForMembersAsync(int count)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var ready = true;
            var leaders = new HashSet<string>(StringComparer.Ordinal);
            foreach (var node in _nodes.OfType<HubProcess>())
            {
                try
                {
                    using var doc = JsonDocument.Parse(await http.GetStringAsync(new Uri(node.BaseAddress, "/readyz")));
                    var members = doc.RootElement.GetProperty("members").EnumerateArray().ToList();
                    ready &= members.Count(m => m.GetProperty("status").GetString() == "Active") == count;
                    foreach (var m in members.Where(m => m.GetProperty("leader").GetBoolean()))
                    {
                        leaders.Add(m.GetProperty("node").GetString()!);
                    }
                }
                catch (HttpRequestException)
                {
                    ready = false;
                }
            }
            if (ready && leaders.Count == 1)
            {
                return;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"the cluster did not settle on {count} nodes and one leader");
    }

    /// <summary>SIGKILL of one node.</summary>
    public async Task KillAsync(int node)
    {
        await _nodes[node]!.KillAsync();
        await _nodes[node]!.DisposeAsync();
        _nodes[node] = null;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes.OfType<HubProcess>())
        {
            await node.DisposeAsync();
        }
        foreach (var dir in _dataDirectories.Where(Directory.Exists))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
