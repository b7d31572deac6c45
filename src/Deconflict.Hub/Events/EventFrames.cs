using System.Globalization;
using System.Text;
using Deconflict.Hub.Access;
using Deconflict.Hub.Agreements;
using Deconflict.Hub.Conflicts;
using Deconflict.Hub.Json;

namespace Deconflict.Hub.Events;

/// <summary>
/// Renders an event as one reader may read it, as an SSE frame: the visibility rule (the parties it names, and whoever
/// may see its object, given the reader's open conflicts as of the event), a conflict narrowed to what this reader may
/// learn of its objects.
/// </summary>
public sealed class EventFrames(NeedToKnow needToKnow, AgreementBook book)
{
    /// <summary>Whether <paramref name="reader"/> may see the event (the first step of <see cref="Render"/>, without rendering).</summary>
    public bool CanSee(EventDelivery delivery, string reader)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return needToKnow.CanSeeEvent(reader, delivery.Record, delivery.ConflictObjects.For(reader));
    }

    /// <summary>The frame, or "" when <paramref name="reader"/> may not see the event.</summary>
    public string Render(EventDelivery delivery, string reader)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(reader);
        var e = delivery.Record;
        if (!needToKnow.CanSeeEvent(reader, e, delivery.ConflictObjects.For(reader)))
        {
            return "";
        }
        var data = e.DataJson;
        if (delivery.Conflict is { } full)
        {
            // Events stored before objects carried their owner name bare ids: those are not repeated.
            data = HubJson.Serialize(full.ObjectRefs is null ? full with { Objects = [], ObjectRefs = [] } : ConflictViews.Narrow(full, reader, book));
        }
        return Frame(e.Sequence, e.Type, data);
    }

    /// <summary>An SSE frame: <c>id:</c> (stored events only), <c>event:</c>, one <c>data:</c> line per line of JSON.</summary>
    public static string Frame(long sequence, string type, string data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var text = new StringBuilder(data.Length + 48);
        if (sequence != 0)
        {
            text.Append("id: ").Append(sequence.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        text.Append("event: ").Append(type).Append('\n');
        foreach (var line in data.Split('\n'))
        {
            text.Append("data: ").Append(line.TrimEnd('\r')).Append('\n');
        }
        return text.Append('\n').ToString();
    }
}
