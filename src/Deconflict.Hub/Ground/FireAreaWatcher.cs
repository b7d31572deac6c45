using Deconflict.Hub.Events;

namespace Deconflict.Hub.Ground;

/// <summary>
/// Keeps fire-area conflicts current when a designated intent changes or ends: listens to committed <c>intent</c>
/// events on the hub's bus and re-checks the intent in its own transaction. A lagged subscription re-checks every
/// designated intent.
/// </summary>
public sealed partial class FireAreaWatcher(HubEvents events, StrikeDesk strikes, GroundStore ground, ILogger<FireAreaWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = events.Subscribe(e => e.Type == "intent");
        try
        {
            while (await subscription.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                var ids = new HashSet<(string Party, string Id)>();
                while (subscription.Reader.TryRead(out var e))
                {
                    if (e.Type == "intent")
                    {
                        ids.Add((e.OwnerParty, e.ObjectId));
                    }
                }
                if (subscription.TakeLagged())
                {
                    foreach (var (intentId, party) in await ground.FireIntentsAsync(stoppingToken).ConfigureAwait(false))
                    {
                        ids.Add((party, intentId));
                    }
                }
                foreach (var (party, id) in ids)
                {
                    try
                    {
                        await strikes.RecheckIntentAsync(party, id, stoppingToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        LogRecheckFailed(logger, id, ex);
                    }

                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fire-area re-check of intent {IntentId} failed")]
    private static partial void LogRecheckFailed(ILogger logger, string intentId, Exception exception);
}
