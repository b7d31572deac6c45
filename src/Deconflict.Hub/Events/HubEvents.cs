using Deconflict.Hub.Access;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Events;

/// <summary>
/// The in-process event bus. Durable events are appended with <see cref="IHubWriter.AppendEventAsync"/> and
/// published here by the store after their transaction commits; high-rate ephemeral events (live tracks) may be
/// published directly with <see cref="PublishTransient"/> (sequence 0: streamed without an SSE id, never replayed).
/// Each event is prepared once for all event streams (<see cref="EventDelivery"/>): a conflict event first updates
/// <see cref="OpenConflicts"/>, and the streams get the snapshot taken right after it. A subscriber that falls
/// behind is marked lagged and catches up from the store.
/// </summary>
public sealed class HubEvents(OpenConflictObjects openConflicts)
{
    private readonly Lock _gate = new();
    private EventSubscription[] _subscribers = [];
    private StreamSubscription[] _streams = [];

    public HubEvents()
        : this(new OpenConflictObjects())
    {
    }

    /// <summary>The objects in open conflicts per party, as of the last published conflict event.</summary>
    public OpenConflictObjects OpenConflicts { get; } = openConflicts;

    /// <summary>Publishes a committed event to every subscriber.</summary>
    public void Publish(EventRecord e) => Deliver(e, local: true);

    /// <summary>
    /// Publishes an event another node of the cluster committed: to the event streams (every node's streams carry
    /// every event), but not to the parts of this hub that act on events (notifications, watchers), since the node
    /// that wrote it acts on it.
    /// </summary>
    public void PublishForeign(EventRecord e) => Deliver(e, local: false);

    private void Deliver(EventRecord e, bool local)
    {
        ArgumentNullException.ThrowIfNull(e);
        var snapshot = OpenConflicts.Current;
        EventDelivery? delivery = null;
        if (e.Type == "conflict" && e.Sequence != 0)
        {
            delivery = new EventDelivery(e, snapshot);
            if (delivery.Conflict is { ObjectRefs: { } refs } view && refs.All(r => r.Id is not null))
            {
                snapshot = OpenConflicts.Apply(view.Id, view.Status == "open", view.Parties, [.. refs.Select(r => new ObjectRef(r.Kind, r.Party, r.Id!))]);
                delivery = new EventDelivery(e, snapshot);
            }
        }
        if (local)
        {
            foreach (var s in Volatile.Read(ref _subscribers))
            {
                s.Offer(e);
            }
        }
        var streams = Volatile.Read(ref _streams);
        if (streams.Length == 0)
        {
            return;
        }
        delivery ??= new EventDelivery(e, snapshot);
        foreach (var s in streams)
        {
            s.Offer(delivery);
        }
    }

    /// <summary>Publishes an event that is not stored (no replay); visibility rules apply as for stored ones.</summary>
    public void PublishTransient(string type, string objectId, string ownerParty, IReadOnlyList<string> parties, string dataJson) =>
        Publish(new EventRecord(0, type, objectId, ownerParty, parties, dataJson, DateTimeOffset.UtcNow));

    public int SubscriberCount => Volatile.Read(ref _subscribers).Length + Volatile.Read(ref _streams).Length;

    /// <summary>
    /// Every event as it was stored, or those <paramref name="wanted"/> accepts (for parts of the hub that react to
    /// events: filtering here keeps a flood of track events from overflowing a queue that waits for intent events).
    /// </summary>
    public EventSubscription Subscribe(Func<EventRecord, bool>? wanted = null, int capacity = 4096)
    {
        var subscription = new EventSubscription(this, capacity, wanted);
        lock (_gate)
        {
            _subscribers = [.. _subscribers, subscription];
        }
        return subscription;
    }

    /// <summary>
    /// Every event prepared for an event stream (<see cref="EventDelivery"/>), or only those <paramref name="wants"/>
    /// accepts (decided on the publisher's thread: keep it cheap, e.g. <see cref="EventDelivery.VisibleTo"/>).
    /// </summary>
    public StreamSubscription SubscribeStream(int capacity = 4096, Func<EventDelivery, bool>? wants = null)
    {
        var subscription = new StreamSubscription(this, capacity, wants);
        lock (_gate)
        {
            _streams = [.. _streams, subscription];
        }
        return subscription;
    }

    internal void Unsubscribe(EventSubscription subscription)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers.Where(s => s != subscription)];
        }
    }

    internal void Unsubscribe(StreamSubscription subscription)
    {
        lock (_gate)
        {
            _streams = [.. _streams.Where(s => s != subscription)];
        }
    }
}
