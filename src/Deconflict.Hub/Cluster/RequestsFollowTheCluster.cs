using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Cluster;

/// <summary>
/// On a node of a cluster, a request is answered only after the node has applied every write the cluster committed
/// before it arrived (one query of the tails when there is nothing new): a client that writes through one node and
/// then reads or writes through another meets its own write, two nodes asked the same question give the same answer,
/// and what a write checks before its transaction (an agreement in force, a thread's parties) is as fresh as on a
/// hub alone. A database that does not answer makes the request a 503, never a stale answer.
/// </summary>
public sealed class RequestsFollowTheCluster(RequestDelegate next)
{
    private static readonly PathString[] Followed = ["/api", "/dss", "/uss"];

    public async Task InvokeAsync(HttpContext context, IHubStore store)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (Followed.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)) && store is SqlHubStore shared)
        {
            await shared.SyncAsync(context.RequestAborted).ConfigureAwait(false);
        }
        await next(context).ConfigureAwait(false);
    }
}
