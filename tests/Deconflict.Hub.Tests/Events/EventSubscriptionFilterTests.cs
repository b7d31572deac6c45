using Deconflict.Hub.Events;

namespace Deconflict.Hub.Tests.Events;

/// <summary>
/// Parts of the hub that react to some events (the F3548 notifier and the fire-area watcher wait for intent events)
/// subscribe to those only, so a flood of live track events cannot overflow their queue and cost them a change.
/// </summary>
public sealed class EventSubscriptionFilterTests
{
    [Fact]
    public void A_filtered_subscription_keeps_the_events_it_wants_through_a_flood_of_others()
    {
        var events = new HubEvents();
        using var intents = events.Subscribe(e => e.Type == "intent", capacity: 16);
        using var everything = events.Subscribe(capacity: 16);
        for (var k = 0; k < 10_000; k++)
        {
            events.PublishTransient("track", $"T{k}", "party-a", [], "{}");
        }
        events.PublishTransient("intent", "I1", "party-a", [], "{}");

        intents.TakeLagged().ShouldBeFalse();
        intents.Reader.TryRead(out var e).ShouldBeTrue();
        e!.ObjectId.ShouldBe("I1");
        intents.Reader.TryRead(out _).ShouldBeFalse();
        // Without the filter the same flood overflows the queue: the subscriber is told it lagged.
        everything.TakeLagged().ShouldBeTrue();
    }
}
