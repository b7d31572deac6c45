using Deconflict.Core.Tactical;

namespace Deconflict.Core.Strategic.Indexing;

/// <summary>
/// Every conflicting pair of a <see cref="StrategicIndex"/>, searched in chunks of intent slots claimed by the
/// detection's fork/join workers (<see cref="ParallelRunner"/>), each with its own search and result list: plain
/// code of this assembly, so a cold check does not compile <c>Parallel.ForEach</c> over its local state first.
/// The caller holds the index's read lock.
/// </summary>
internal sealed class AllConflictsJob : IParallelJob
{
    private const int Chunk = 256;

    private readonly StrategicIndex _index;
    private readonly Func<string, string, StrategicBuffers>? _buffersFor;
    private readonly IProgress<int>? _progress;
    private readonly List<StrategicConflict>[] _lists;
    private int _nextChunk;
    private int _done;

    public AllConflictsJob(StrategicIndex index, Func<string, string, StrategicBuffers>? buffersFor, IProgress<int>? progress, int workers)
    {
        _index = index;
        _buffersFor = buffersFor;
        _progress = progress;
        _lists = new List<StrategicConflict>[workers];
        for (var w = 0; w < workers; w++)
        {
            _lists[w] = [];
        }
    }

    /// <summary>Runs the search on every core and returns the pairs, sorted by (id, party) of both intents.</summary>
    public List<StrategicConflict> Run()
    {
        ParallelRunner.Shared.Run(this, _lists.Length);
        var all = new List<StrategicConflict>(_lists.Sum(l => l.Count));
        foreach (var list in _lists)
        {
            all.AddRange(list);
        }
        all.Sort(static (x, y) =>
        {
            var c = string.CompareOrdinal(x.IntentId1, y.IntentId1);
            c = c != 0 ? c : string.CompareOrdinal(x.Party1, y.Party1);
            c = c != 0 ? c : string.CompareOrdinal(x.IntentId2, y.IntentId2);
            return c != 0 ? c : string.CompareOrdinal(x.Party2, y.Party2);
        });
        return all;
    }

    void IParallelJob.Run(int worker)
    {
        var intents = _index.Intents;
        var held = _index.Volumes;
        var search = new NeighbourSearch(_index, _buffersFor);
        var list = _lists[worker];
        int chunk;
        while ((chunk = Interlocked.Increment(ref _nextChunk) - 1) * Chunk < intents.Count)
        {
            var end = Math.Min(intents.Count, (chunk + 1) * Chunk);
            for (var slot = chunk * Chunk; slot < end; slot++)
            {
                if (intents[slot] is not { } indexed)
                {
                    continue;
                }
                var intent = indexed.Intent;
                var volumes = new PreparedVolume[indexed.Volumes.Length];
                for (var v = 0; v < volumes.Length; v++)
                {
                    volumes[v] = held[indexed.Volumes[v]]!.Volume;
                }
                var found = search.Run(intent, volumes, otherSlotAbove: slot);
                for (var f = 0; f < found.Count; f++)
                {
                    var o = intents[found.Slot(f)]!.Intent;
                    var (first, second) = StrategicIndex.Before(intent, o) ? (intent, o) : (o, intent);
                    list.Add(StrategicIndex.ToConflict(first, second, found.Overlap(f), blocking: first.Priority == second.Priority));
                }
            }
            _progress?.Report(Interlocked.Add(ref _done, end - chunk * Chunk));
        }
    }
}
