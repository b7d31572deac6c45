using Deconflict.Hub.Events;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Tests.Events;

/// <summary>
/// Fan-out: an event stream is offered only the events its reader may see (so the others' events never wake it), and
/// whether a reader may see an event is decided once per reader, however many streams that reader has open.
/// </summary>
public sealed class StreamFilterTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-05-01T10:00:00Z", null);

    private static List<long> Drain(StreamSubscription s)
    {
        var seen = new List<long>();
        while (s.Reader.TryRead(out var e))
        {
            seen.Add(e.Record.Sequence);
        }
        return seen;
    }

    [Fact]
    public void A_stream_is_offered_only_what_its_reader_may_see_decided_once_per_reader()
    {
        var events = new HubEvents();
        var decisions = new List<(long, string)>();
        bool CanSee(EventDelivery d, string reader)
        {
            lock (decisions)
            {
                decisions.Add((d.Record.Sequence, reader));
            }
            return d.Record.Parties.Contains(reader);
        }
        using var a1 = events.SubscribeStream(wants: d => d.VisibleTo("a", CanSee));
        using var a2 = events.SubscribeStream(wants: d => d.VisibleTo("a", CanSee));
        using var b = events.SubscribeStream(wants: d => d.VisibleTo("b", CanSee));
        using var everything = events.SubscribeStream();

        events.Publish(new EventRecord(1, "intent", "I1", "a", ["a"], "{}", Now));
        events.Publish(new EventRecord(2, "intent", "I2", "b", ["b"], "{}", Now));
        events.Publish(new EventRecord(3, "message", "M1", "a", ["a", "b"], "{}", Now));

        Drain(a1).ShouldBe([1, 3]);
        Drain(a2).ShouldBe([1, 3]);
        Drain(b).ShouldBe([2, 3]);
        Drain(everything).ShouldBe([1, 2, 3]);
        decisions.Order().ShouldBe([(1, "a"), (1, "b"), (2, "a"), (2, "b"), (3, "a"), (3, "b")]);
    }

    [Fact]
    public void A_stream_that_cannot_keep_up_is_marked_lagged_only_by_events_it_would_send()
    {
        var events = new HubEvents();
        using var a = events.SubscribeStream(capacity: 2, wants: d => d.Record.Parties.Contains("a"));
        for (var i = 1; i <= 5; i++)
        {
            // Others' events do not fill the queue.
            events.Publish(new EventRecord(i, "intent", $"I{i}", "b", ["b"], "{}", Now));
        }
        a.TakeLagged().ShouldBeFalse();
        for (var i = 6; i <= 8; i++)
        {
            events.Publish(new EventRecord(i, "intent", $"I{i}", "a", ["a"], "{}", Now));
        }
        a.TakeLagged().ShouldBeTrue();
        Drain(a).ShouldBe([6, 7]);
    }
}
