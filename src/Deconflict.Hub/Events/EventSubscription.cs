using System.Threading.Channels;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Events;

/// <summary>One subscriber's bounded queue; when it overflows the subscriber is marked lagged instead of blocking publishers.</summary>
public sealed class EventSubscription : IDisposable
{
    private readonly HubEvents _owner;
    private readonly Channel<EventRecord> _channel;
    private readonly Func<EventRecord, bool>? _wanted;
    private int _lagged;

    internal EventSubscription(HubEvents owner, int capacity, Func<EventRecord, bool>? wanted = null)
    {
        _owner = owner;
        _wanted = wanted;
        _channel = Channel.CreateBounded<EventRecord>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
    }

    public ChannelReader<EventRecord> Reader => _channel.Reader;

    /// <summary>True once an event could not be queued; the reader must re-read the store from its last sequence.</summary>
    public bool TakeLagged() => Interlocked.Exchange(ref _lagged, 0) == 1;

    internal void Offer(EventRecord e)
    {
        if (_wanted is not null && !_wanted(e))
        {
            return;
        }
        if (!_channel.Writer.TryWrite(e))
        {
            Interlocked.Exchange(ref _lagged, 1);
        }
    }

    public void Dispose()
    {
        _owner.Unsubscribe(this);
        _channel.Writer.TryComplete();
    }
}
