using System.Diagnostics.Metrics;

namespace Deconflict.Hub.Cluster;

/// <summary>
/// Messages this node's silo sent to other nodes (grain calls, observer notifications, membership probes), counted
/// from Orleans' own metrics: one record of its sent-message-size histogram per message. Counted from the node's
/// start (a hosted service of a node); zero for a hub alone.
/// </summary>
public sealed class ClusterTraffic : IHostedService, IDisposable
{
    private const string OrleansMeter = "Microsoft.Orleans";
    private const string SentMessages = "orleans-messaging-sent-messages-size";
    private readonly MeterListener _listener = new();
    private long _sent;

    public ClusterTraffic()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == OrleansMeter && instrument.Name == SentMessages)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, _, _, _) => Interlocked.Increment(ref _sent));
        _listener.SetMeasurementEventCallback<long>((_, _, _, _) => Interlocked.Increment(ref _sent));
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _listener.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Messages sent to other nodes since this node started.</summary>
    public long MessagesSent => Interlocked.Read(ref _sent);

    public void Dispose() => _listener.Dispose();
}
