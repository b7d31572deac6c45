using Deconflict.Core.Surveillance;

namespace Deconflict.Hub.Cluster;

/// <summary>
/// The hub as a node of its cluster: a hub alone is a cluster of one (<see cref="SingleHub"/>), a node of a cluster
/// on PostgreSQL is one silo of Microsoft Orleans (<see cref="OrleansHub"/>). Writes need nothing from here (the
/// database orders them, see README "Cluster"); what the nodes share through it is who runs the duties only one may
/// run at a time, and the live air picture.
/// </summary>
public interface IHubCluster
{
    /// <summary>This node's name in the cluster.</summary>
    string Node { get; }

    /// <summary>
    /// True while this node holds the cluster's lease on its single duties: the detection cycle (tactical and
    /// conformance alerts), hotline escalations and demo traffic run on one node at a time.
    /// </summary>
    bool IsLeader { get; }

    /// <summary>The nodes of the cluster as this node sees them now.</summary>
    IReadOnlyList<ClusterNode> Members { get; }

    /// <summary>Hands reports this node accepted into its picture to the other nodes' pictures (returns at once).</summary>
    void Relay(string party, IReadOnlyList<PositionReport> reports);
}

/// <summary>One node: its silo address, its status in the membership table, whether it is this one, whether it leads.</summary>
public sealed record ClusterNode(string Node, string Status, bool Self, bool Leader);
