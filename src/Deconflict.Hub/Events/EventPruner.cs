using System.Data.Common;
using Deconflict.Hub.Storage;
using Microsoft.Extensions.Options;

namespace Deconflict.Hub.Events;

/// <summary>
/// Deletes stored events older than <see cref="HubOptions.EventRetentionS"/>, at start and then hourly, in
/// transactions of at most <see cref="Chunk"/> events so other writes wait little. The newest event is always kept: it
/// carries the sequence new events continue from. A stream resuming from a pruned sequence gets <c>resync</c>.
/// </summary>
public sealed partial class EventPruner(IHubStore store, TimeProvider clock, IOptions<HubOptions> options, ILogger<EventPruner> logger) : BackgroundService
{
    public const int Chunk = 10_000;
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Prunes what is older than the retention now; returns how many events were deleted.</summary>
    public async Task<long> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromSeconds(options.Value.EventRetentionS);
        long total = 0;
        // Bounded: at most this many chunks per run; the next run goes on.
        for (var round = 0; round < 1_000; round++)
        {
            var deleted = await store.WriteAsync(async w =>
            {
                await using var command = w.CreateCommand(
                    """
                    DELETE FROM events WHERE seq IN (SELECT seq FROM events WHERE time < @cutoff
                        AND seq < (SELECT MAX(seq) FROM events) ORDER BY seq LIMIT @chunk)
                    """);
                command.With("@cutoff", cutoff).With("@chunk", Chunk);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            total += deleted;
            if (deleted < Chunk)
            {
                break;
            }
        }
        return total;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                if (await PruneAsync(stoppingToken).ConfigureAwait(false) is > 0 and var n)
                {
                    LogPruned(logger, n, options.Value.EventRetentionS);
                }
            }
            catch (DbException e)
            {
                LogFailed(logger, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} events older than {RetentionS} s")]
    private static partial void LogPruned(ILogger logger, long count, long retentionS);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning old events failed (retried within the hour): {Message}")]
    private static partial void LogFailed(ILogger logger, string message);
}
