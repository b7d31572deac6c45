using Deconflict.Core.Surveillance;

namespace Deconflict.Hub.Cluster;

/// <summary>A hub alone on its database: the cluster of one, which leads and has nobody to relay to.</summary>
public sealed class SingleHub : IHubCluster
{
    public string Node => "single";

    public bool IsLeader => true;

    public IReadOnlyList<ClusterNode> Members { get; } = [new ClusterNode("single", "Active", Self: true, Leader: true)];

    public void Relay(string party, IReadOnlyList<PositionReport> reports)
    {
    }
}
