using System.Text.Json;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Cluster;

/// <summary>
/// Three <c>serve --cluster</c> hub processes on loopback, each from its own data directory, on one new database of the
/// run's real PostgreSQL cluster; started in order and ready once every node's <c>/readyz</c> counts all three.
/// </summary>
public sealed class HubNodes : IAsyncDisposable
{
    private readonly List<HubProcess?> _nodes = [];
    private readonly List<string> _dataDirectories = [];
    private readonly List<string[]> _settings = [];
    private readonly string _database;

    private HubNodes(string database, string adminKey)
    {
        _database = database;
        AdminKey = adminKey;
    }

    public string AdminKey { get; }

    public Uri this[int node] => (_nodes[node] ?? throw new InvalidOperationException($"node {node} was killed")).BaseAddress;

    public int Count => _nodes.Count;

    /// <param name="database">The cluster's database; default: a new one in the run's shared PostgreSQL.</param>
    public static async Task<HubNodes> StartAsync(int count = 3, string? database = null)
    {
        database ??= await (await PostgresCluster.SharedAsync()).CreateDatabaseAsync();
        var started = new HubNodes(database, "admin-" + Guid.NewGuid().ToString("N"));
        try
        {
            for (var i = 0; i < count; i++)
            {
                started._dataDirectories.Add(Path.Combine(Path.GetTempPath(), "deconflict-node-" + Guid.NewGuid().ToString("N")[..12]));
                started._settings.Add([.. ClusterPeers.NodeSettings().Select(s => $"--{s.Name}={s.Value}")]);
                started._nodes.Add(await started.StartNodeAsync(i));
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

    /// <summary>Starts a killed node again from its data directory on its silo ports (a new HTTP port).</summary>
    public async Task RestartAsync(int node)
    {
        if (_nodes[node] is not null)
        {
            throw new InvalidOperationException($"node {node} is running");
        }
        _nodes[node] = await StartNodeAsync(node);
    }

    private Task<HubProcess> StartNodeAsync(int node) => HubProcess.StartAsync(_dataDirectories[node], AdminKey, _database, _settings[node],
        new Dictionary<string, string> { ["DECONFLICT_PROBE_BUDGET"] = "0" });

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
}
