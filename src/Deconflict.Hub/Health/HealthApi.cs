using Deconflict.Hub.Cluster;
using Deconflict.Hub.Storage;
using Deconflict.Hub.Json;
using Deconflict.Hub.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deconflict.Hub.Health;

/// <summary><c>/healthz</c> (process up) and <c>/readyz</c> (storage answers, cluster membership); no key needed.</summary>
public static class HealthApi
{
    public sealed record HealthStatus(string Status);

    /// <summary>Ready: the database answers; which node answered, and the cluster's nodes as it sees them (one for a hub alone).</summary>
    public sealed record ReadyStatus(string Status, string Node, bool Leader, IReadOnlyList<ClusterNode> Members);

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", () => TypedResults.Ok(new HealthStatus("ok")))
            .WithTags("Health").WithName("Health").WithSummary("The process is up.");
        routes.MapGet("/readyz", async Task<Results<Ok<ReadyStatus>, HubProblem>> (IHubStore store, IHubCluster cluster, CancellationToken ct) =>
                await store.PingAsync(ct).ConfigureAwait(false)
                    ? TypedResults.Ok(new ReadyStatus("ok", cluster.Node, cluster.IsLeader, cluster.Members))
                    : Problems.Unavailable("The database does not answer."))
            .WithTags("Health").WithName("Ready").WithSummary("Storage is reachable; the cluster's membership.").Problems(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }
}
