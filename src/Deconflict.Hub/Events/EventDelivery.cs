using System.Collections.Concurrent;
using System.Text.Json;
using Deconflict.Hub.Conflicts;
using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Events;

/// <summary>
/// One event as it is handed to every event stream: prepared once (its conflict view parsed, the objects in open
/// conflicts as of its commit) and rendered once per reader party, however many streams that party has open.
/// </summary>
public sealed class EventDelivery(EventRecord record, ConflictObjectsSnapshot conflictObjects)
{
    private readonly ConcurrentDictionary<string, byte[]> _frames = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _visible = new(StringComparer.Ordinal);
    private readonly Lazy<ConflictView?> _conflict = new(() => Parse(record));

    public EventRecord Record { get; } = record;

    /// <summary>The objects each party had in open conflicts right after this event.</summary>
    public ConflictObjectsSnapshot ConflictObjects { get; } = conflictObjects;

    /// <summary>The full conflict view of a conflict event (null for other events).</summary>
    public ConflictView? Conflict => _conflict.Value;

    /// <summary>When the event was handed to the streams (<see cref="System.Diagnostics.Stopwatch"/> ticks).</summary>
    public long PublishedAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>The SSE frame for <paramref name="reader"/> in UTF-8 (empty when it may not see the event), rendered once per reader.</summary>
    public byte[] FrameFor(string reader, Func<EventDelivery, string, string> render) =>
        _frames.GetOrAdd(reader, static (r, state) => System.Text.Encoding.UTF8.GetBytes(state.render(state.self, r)), (self: this, render));

    /// <summary>Whether <paramref name="reader"/> may see the event, decided once per reader.</summary>
    public bool VisibleTo(string reader, Func<EventDelivery, string, bool> canSee) =>
        _visible.GetOrAdd(reader, static (r, state) => state.canSee(state.self, r), (self: this, canSee));

    private static ConflictView? Parse(EventRecord e) =>
        e.Type == "conflict" ? JsonSerializer.Deserialize<ConflictView>(e.DataJson, HubJson.Options) : null;
}
