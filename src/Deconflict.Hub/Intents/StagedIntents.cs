using Deconflict.Core.Strategic;

namespace Deconflict.Hub.Intents;

/// <summary>
/// Intents written earlier in the same transaction (several writes committed together, or a bulk import's batch),
/// which the committed <see cref="StrategicIndex"/> holds only after the commit: a later write of the transaction is
/// checked against them instead of the index's older versions. Dropped with the transaction.
/// </summary>
internal sealed class StagedIntents
{
    private readonly HashSet<(string Party, string Id)> _keys = [];
    private StrategicIndex? _index;

    /// <summary>Written in this transaction (an Ended one is only marked: it no longer conflicts).</summary>
    public void Put(OperationalIntent intent)
    {
        _keys.Add((intent.Party, intent.Id));
        (_index ??= new StrategicIndex()).Upsert(intent);
    }

    /// <summary><see cref="StrategicIndex.FindConflicts"/> against the committed intents as this transaction has changed them, in its order.</summary>
    public IReadOnlyList<StrategicConflict> FindConflicts(StrategicIndex committed, OperationalIntent candidate, Func<string, string, StrategicBuffers> buffersFor)
    {
        var found = committed.FindConflicts(candidate, buffersFor);
        if (_index is null)
        {
            return found;
        }
        var list = found.Where(c => !_keys.Contains((c.Party2, c.IntentId2))).Concat(_index.FindConflicts(candidate, buffersFor)).ToList();
        list.Sort(static (x, y) =>
        {
            var c = string.CompareOrdinal(x.IntentId2, y.IntentId2);
            return c != 0 ? c : string.CompareOrdinal(x.Party2, y.Party2);
        });
        return list;
    }
}
