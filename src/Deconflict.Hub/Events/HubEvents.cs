using System.Threading.Channels;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Events;

/// <summary>
/// The in-process event bus. Durable events are appended with <see cref="IHubWriter.AppendEventAsync"/> and
/// published here by the store after their transaction commits; high-rate ephemeral events (live tracks) may be
/// published directly with <see cref="PublishTransient"/> (sequence 0: streamed without an SSE id, never replayed).
/// A subscriber that falls behind is marked lagged and catches up from the store.
/// </summary>
public sealed class HubEvents
{
    private readonly Lock _gate = new();
    private ImmutableSubscribers _subscribers = new([]);

    /// <summary>Publishes a committed event to every subscriber.</summary>
    public void Publish(EventRecord e)
    {
        ArgumentNullException.ThrowIfNull(e);
        foreach (var s in _subscribers.Items)
        {
            s.Offer(e);
        }
    }

    /// <summary>Publishes an event that is not stored (no replay); visibility rules apply as for stored ones.</summary>
    public void PublishTransient(string type, string objectId, string ownerParty, IReadOnlyList<string> parties, string dataJson) =>
        Publish(new EventRecord(0, type, objectId, ownerParty, parties, dataJson, DateTimeOffset.UtcNow));

    public int SubscriberCount => _subscribers.Items.Length;

    public EventSubscription Subscribe(int capacity = 4096)
    {
        var subscription = new EventSubscription(this, capacity);
        lock (_gate)
        {
            _subscribers = new ImmutableSubscribers([.. _subscribers.Items, subscription]);
        }
        return subscription;
    }

    internal void Unsubscribe(EventSubscription subscription)
    {
        lock (_gate)
        {
            _subscribers = new ImmutableSubscribers(_subscribers.Items.Where(s => s != subscription).ToArray());
        }
    }

    private sealed record ImmutableSubscribers(EventSubscription[] Items);
}
