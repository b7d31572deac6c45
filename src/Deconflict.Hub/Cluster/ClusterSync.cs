using Deconflict.Hub.Storage;
using Microsoft.Extensions.Options;

namespace Deconflict.Hub.Cluster;

/// <summary>
/// A node that is not writing still follows the others: every <see cref="HubClusterOptions.SyncIntervalMs"/> it applies
/// what they committed (their events reach this node's streams within that interval; a write of this node catches up
/// inside its own transaction anyway, so no check ever runs against a stale picture).
/// </summary>
public sealed partial class ClusterSync(IHubStore store, IOptions<HubClusterOptions> options, ILogger<ClusterSync> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var shared = (SqlHubStore)store;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.SyncIntervalMs));
        var failing = false;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await shared.SyncAsync(stoppingToken).ConfigureAwait(false);
                    failing = false;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database is away (or a row could not be applied): retried at the next tick, logged once per outage.
                    if (!failing)
                    {
                        LogSyncFailed(logger, e);
                    }
                    failing = true;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not follow the other nodes' writes; retrying")]
    private static partial void LogSyncFailed(ILogger logger, Exception exception);
}
