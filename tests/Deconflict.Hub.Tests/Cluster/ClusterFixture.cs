namespace Deconflict.Hub.Tests.Cluster;

/// <summary>Three nodes shared by the tests of a class that leave them running.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private HubNodes? _nodes;

    public HubNodes Nodes => _nodes ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync() => _nodes = await HubNodes.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_nodes is not null)
        {
            await _nodes.DisposeAsync();
        }
    }
}
