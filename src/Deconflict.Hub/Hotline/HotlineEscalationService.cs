namespace Deconflict.Hub.Hotline;

/// <summary>
/// Background work of the hotline: opens the thread of each new conflict and escalates messages whose
/// acknowledgement deadline passed. Runs every <c>Hub:Hotline:CheckIntervalMs</c> (default 1000 ms); the escalation
/// decision is a pure function and the store's conditional update makes each escalation happen exactly once, even
/// with several hubs on one database.
/// </summary>
public sealed partial class HotlineEscalationService(HotlineDesk desk, IConfiguration configuration, ILogger<HotlineEscalationService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(Math.Clamp(configuration.GetValue("Hub:Hotline:CheckIntervalMs", 1000), 10, 60_000));
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One pass: open missing conflict threads, escalate what is due. Failures are logged and retried next pass.</summary>
    public async Task RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await desk.OpenConflictThreadsAsync(ct).ConfigureAwait(false);
            var escalated = await desk.EscalateDueAsync(ct).ConfigureAwait(false);
            if (escalated > 0)
            {
                LogEscalated(logger, escalated);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalated {Count} unacknowledged hotline message(s)")]
    private static partial void LogEscalated(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hotline background pass failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
