namespace Deconflict.Hub.Tests.Hosting;

/// <summary>
/// The hub as a cluster of three nodes on a new database of the run's PostgreSQL: the node under test in this process
/// (started first, so it takes the duties and its services can be inspected) and two <c>serve --cluster</c> processes.
/// Every client sends its requests to the three nodes in turn, so a suite written for one hub runs with its writes and
/// reads spread over the cluster.
/// </summary>
public sealed class ClusterHub : HubHost
{
    private readonly IReadOnlyList<(string Name, string Value)> _node = ClusterPeers.NodeSettings();
    private ClusterPeers? _peers;

    public override string StoreName => "cluster";

    protected override async Task<string> CreateDatabaseAsync() => await (await PostgresCluster.SharedAsync()).CreateDatabaseAsync();

    protected override IEnumerable<(string Name, string Value)> Settings => _node;

    protected override async Task StartedAsync()
    {
        using var first = Factory.CreateClient();
        _peers = await ClusterPeers.StartAsync(AdminKey, Database, ["--Hub:MaxBodyBytes=1048576"], first);
    }

    protected override async ValueTask StoppingAsync()
    {
        if (_peers is not null)
        {
            await _peers.DisposeAsync();
        }
    }

    protected override HttpClient CreateClient() =>
        new(new RoundRobinHandler(Factory.Server.CreateHandler(), _peers?.BaseAddresses ?? [])) { BaseAddress = new Uri("http://localhost/") };
}
