using Deconflict.Core.Strategic;
using Deconflict.Hub.Access;
using Deconflict.Hub.Agreements;
using Deconflict.Hub.Conflicts;
using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Intents;

/// <summary>
/// Brings the stored strategic conflicts of one intent in line with what the index just found: new ones are
/// opened, those that still hold are refreshed, those that no longer hold are cleared; each change is an event
/// for the parties involved and an audit entry.
/// </summary>
public static class StrategicConflictSync
{
    public const string Kind = "strategic";

    /// <summary>
    /// <paramref name="known"/>: the intent's open strategic conflicts when the caller has read them already in this
    /// write (else they are read here).
    /// </summary>
    public static async Task<IReadOnlyList<ConflictRef>> ReconcileAsync(IHubWriter w, OperationalIntent intent, IReadOnlyList<StrategicConflict> found, AgreementBook book,
        IReadOnlyList<ConflictRecord>? known = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(found);
        var self = Ref(intent.Party, intent.Id);
        var byOther = new Dictionary<ObjectRef, StrategicConflict>();
        foreach (var c in found)
        {
            byOther.TryAdd(Ref(c.Party2, c.IntentId2), c);
        }
        var refs = new List<ConflictRef>();
        foreach (var open in known ?? await w.OpenConflictsWithObjectAsync(Kind, self).ConfigureAwait(false))
        {
            var other = open.Objects.FirstOrDefault(o => o != self) ?? self;
            if (byOther.Remove(other, out var still))
            {
                var refreshed = open with { Level = Level(still), DetailJson = Detail(still), UpdatedAt = w.Now };
                if (refreshed.Level != open.Level || refreshed.DetailJson != open.DetailJson)
                {
                    await ConflictChanges.SaveAsync(w, refreshed, "conflict.update", book).ConfigureAwait(false);
                }
                refs.Add(new ConflictRef(other.Id, other.Party, still.Blocking, open.Id));
            }
            else
            {
                await ConflictChanges.ClearAsync(w, open, book).ConfigureAwait(false);
            }
        }
        foreach (var (other, c) in byOther)
        {
            var pair = new[] { self, other };
            Array.Sort(pair, ObjectRef.Compare);
            var record = new ConflictRecord(
                ConflictChanges.NewId(), Kind, "open", Level(c),
                [pair[0].Party, pair[1].Party], pair, ObjectRef.KeyOf(Kind, pair),
                w.Now, w.Now, null, Detail(c));
            await ConflictChanges.SaveAsync(w, record, "conflict.open", book).ConfigureAwait(false);
            refs.Add(new ConflictRef(other.Id, other.Party, c.Blocking, record.Id));
        }
        refs.Sort((a, b) =>
        {
            var c = string.CompareOrdinal(a.IntentId, b.IntentId);
            return c != 0 ? c : string.CompareOrdinal(a.Party, b.Party);
        });
        return refs;
    }

    public static ObjectRef Ref(string party, string id) => new(ObjectRef.Intent, party, id);

    private static string Level(StrategicConflict c) => c.Blocking ? "blocking" : "advisory";

    private static string Detail(StrategicConflict c) => HubJson.Serialize(new
    {
        overlap_start = c.OverlapStart,
        overlap_end = c.OverlapEnd,
        overlap_lower_ft = c.OverlapLowerFt,
        overlap_upper_ft = c.OverlapUpperFt,
    });
}
