using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Deconflict.Hub.Tests.Hosting;

/// <summary>
/// The two other nodes of a three-node cluster whose first node a test hosts in its own process: <c>serve --cluster</c>
/// processes on the same database, each from its own data directory, started once the first node answers.
/// </summary>
public sealed class ClusterPeers : IAsyncDisposable
{
    /// <summary>The tests that start clusters of processes run one at a time (three nodes each), beside the rest, so the machine's two cores are not shared by several clusters at once.</summary>
    public const string Collection = "three-node clusters";

    private readonly List<HubProcess> _nodes = [];
    private readonly List<string> _directories = [];

    /// <summary>The other nodes' HTTP addresses.</summary>
    public IReadOnlyList<Uri> BaseAddresses => _nodes.Select(n => n.BaseAddress).ToList();

    /// <summary>Settings that make a hub a node (the first node's, and with its own ports each other's).</summary>
    public static IReadOnlyList<(string Name, string Value)> NodeSettings() =>
    [
        ("Cluster:Enabled", "true"), ("Cluster:Address", "127.0.0.1"), ("Cluster:SiloPort", FreePort()), ("Cluster:GatewayPort", FreePort()),
        ("Cluster:SyncIntervalMs", "50"),
    ];

    /// <summary>Starts the two other nodes with the first node's <paramref name="settings"/> and waits until <paramref name="first"/> sees three.</summary>
    public static async Task<ClusterPeers> StartAsync(string adminKey, string database, IEnumerable<string> settings, HttpClient first)
    {
        var peers = new ClusterPeers();
        try
        {
            var shared = settings.ToList();
            for (var i = 0; i < 2; i++)
            {
                var data = Path.Combine(Path.GetTempPath(), "deconflict-node-" + Guid.NewGuid().ToString("N")[..12]);
                peers._directories.Add(data);
                peers._nodes.Add(await HubProcess.StartAsync(data, adminKey, database, [.. NodeSettings().Select(s => $"--{s.Name}={s.Value}"), .. shared]));
            }
            await WaitForMembersAsync(first);
            return peers;
        }
        catch
        {
            await peers.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
        foreach (var dir in _directories.Where(Directory.Exists))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Waits (bounded) until the first node sees all three nodes active.</summary>
    private static async Task WaitForMembersAsync(HttpClient first)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            using var ready = await first.GetAsync(new Uri("/readyz", UriKind.Relative));
            if (ready.IsSuccessStatusCode)
            {
                using var doc = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
                if (doc.RootElement.GetProperty("members").EnumerateArray().Count(m => m.GetProperty("status").GetString() == "Active") == 3)
                {
                    return;
                }
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("the three nodes did not form a cluster");
    }

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }
}
