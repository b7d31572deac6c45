using System.Threading.Channels;

namespace Deconflict.Hub.Events;

/// <summary>
/// One event stream's bounded queue of prepared events; when it overflows the stream is marked lagged (it catches up
/// from the store) instead of blocking the publisher. With a filter, only the events its reader may see are queued:
/// a stream is woken only for what it will send.
/// </summary>
public sealed class StreamSubscription : IDisposable
{
    private readonly HubEvents _owner;
    private readonly Channel<EventDelivery> _channel;
    private readonly Func<EventDelivery, bool>? _wants;
    private int _lagged;

    internal StreamSubscription(HubEvents owner, int capacity, Func<EventDelivery, bool>? wants)
    {
        _owner = owner;
        _wants = wants;
        _channel = Channel.CreateBounded<EventDelivery>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
    }

    public ChannelReader<EventDelivery> Reader => _channel.Reader;

    /// <summary>True once an event could not be queued; the reader must re-read the store from its last sequence.</summary>
    public bool TakeLagged() => Interlocked.Exchange(ref _lagged, 0) == 1;

    internal void Offer(EventDelivery e)
    {
        if (_wants is not null && !_wants(e))
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
