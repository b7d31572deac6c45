using Deconflict.Hub.Auth;
using Deconflict.Hub.Json;
using Deconflict.Hub.OpenApi;
using Deconflict.Hub.Tracks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deconflict.Hub.Cluster;

/// <summary><c>GET /api/v1/cluster</c>: what this node does for the cluster, for operators (admin key only).</summary>
public static class ClusterApi
{
    /// <summary>
    /// This node: its name, whether it leads, the members it sees, messages it sent to other nodes, the aircraft in its
    /// live picture, its detection cycles (run while leading) and the last one's duration, and the CPU its process used.
    /// </summary>
    public sealed record NodeStatus(string Node, bool Leader, IReadOnlyList<ClusterNode> Members, long MessagesSent, int LiveTracks,
        long DetectionCycles, double LastCycleMs, double CpuMs);

    public static IEndpointRouteBuilder MapClusterApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/cluster", Results<Ok<NodeStatus>, HubProblem> (CallerParty caller, IHubCluster cluster, ClusterTraffic traffic, LivePicture picture, LiveDetectionService detection) =>
            {
                if (!caller.IsAdmin)
                {
                    return Problems.Forbidden("Only the admin reads the cluster's figures.");
                }
                using var self = System.Diagnostics.Process.GetCurrentProcess();
                return TypedResults.Ok(new NodeStatus(cluster.Node, cluster.IsLeader, cluster.Members, traffic.MessagesSent, picture.Store.Count,
                    detection.Cycles, detection.LastCycle.TotalMilliseconds, self.TotalProcessorTime.TotalMilliseconds));
            })
            .WithTags("Cluster").WithName("ClusterNode").WithSummary("This node's part in the cluster: leadership, members, messages sent, live picture, detection cycle, CPU (admin).")
            .Problems(StatusCodes.Status403Forbidden);
        return routes;
    }
}
