using Deconflict.Core.Strategic;
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

    public static async Task<IReadOnlyList<ConflictRef>> ReconcileAsync(IHubWriter w, OperationalIntent intent, IReadOnlyList<StrategicConflict> found)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(found);
        var byOther = new Dictionary<string, StrategicConflict>(StringComparer.Ordinal);
        foreach (var c in found)
        {
            byOther.TryAdd(c.IntentId2, c);
        }
        var refs = new List<ConflictRef>();
        foreach (var open in await w.OpenConflictsWithObjectAsync(Kind, intent.Id).ConfigureAwait(false))
        {
            var other = open.Objects.FirstOrDefault(o => o != intent.Id) ?? intent.Id;
            if (byOther.Remove(other, out var still))
            {
                var refreshed = open with { Level = Level(still), DetailJson = Detail(still), UpdatedAt = w.Now };
                if (refreshed.Level != open.Level || refreshed.DetailJson != open.DetailJson)
                {
                    await ConflictChanges.SaveAsync(w, refreshed, "conflict.update").ConfigureAwait(false);
                }
                refs.Add(new ConflictRef(other, still.Party2, still.Blocking, open.Id));
            }
            else
            {
                await ConflictChanges.ClearAsync(w, open).ConfigureAwait(false);
            }
        }
        foreach (var c in byOther.Values)
        {
            var ids = new[] { (c.IntentId1, c.Party1), (c.IntentId2, c.Party2) }.OrderBy(x => x.Item1, StringComparer.Ordinal).ToArray();
            var record = new ConflictRecord(
                ConflictChanges.NewId(), Kind, "open", Level(c),
                [ids[0].Item2, ids[1].Item2], [ids[0].Item1, ids[1].Item1], PairKey(c.IntentId1, c.IntentId2),
                w.Now, w.Now, null, Detail(c));
            await ConflictChanges.SaveAsync(w, record, "conflict.open").ConfigureAwait(false);
            refs.Add(new ConflictRef(c.IntentId2, c.Party2, c.Blocking, record.Id));
        }
        refs.Sort((a, b) => string.CompareOrdinal(a.IntentId, b.IntentId));
        return refs;
    }

    public static string PairKey(string a, string b) =>
        string.CompareOrdinal(a, b) <= 0 ? $"{Kind}:{a}|{b}" : $"{Kind}:{b}|{a}";

    private static string Level(StrategicConflict c) => c.Blocking ? "blocking" : "advisory";

    private static string Detail(StrategicConflict c) => HubJson.Serialize(new
    {
        overlap_start = c.OverlapStart,
        overlap_end = c.OverlapEnd,
        overlap_lower_ft = c.OverlapLowerFt,
        overlap_upper_ft = c.OverlapUpperFt,
    });
}
