namespace Deconflict.Core.Strategic.Indexing;

/// <summary>
/// One thread's search of a <see cref="StrategicIndex"/> for the conflicts of an intent: visits the cells
/// the candidate's volumes (grown by the largest buffer any other party has with it) cover, filters on window
/// and band, then runs the exact 4D test once per candidate/stored volume pair. Reuses its scratch sets.
/// The caller holds the index's read lock.
/// </summary>
internal sealed class NeighbourSearch(StrategicIndex index, Func<string, string, StrategicBuffers>? buffersFor)
{
    private readonly HashSet<long> _cells = [];
    [ThreadStatic]
    private static int[]? t_stamps;
    [ThreadStatic]
    private static int t_stamp;

    [ThreadStatic]
    private static FoundOverlaps? t_found;
    private readonly Dictionary<(string, string), StrategicBuffers> _pairBuffers = [];
    private readonly Dictionary<string, StrategicBuffers> _maxBuffers = new(StringComparer.Ordinal);

    /// <summary>
    /// Conflicting held intents (by slot, only slots above <paramref name="otherSlotAbove"/>) with the union of
    /// their overlaps. The set belongs to the calling thread and is reused by its next run.
    /// </summary>
    public FoundOverlaps Run(OperationalIntent candidate, PreparedVolume[] volumes, int otherSlotAbove)
    {
        var cells = index.Cells;
        var intents = index.Intents;
        var found = t_found ??= new FoundOverlaps();
        found.Begin(intents.Count);
        var held = index.Volumes;
        var keys = index.Keys;
        var party = index.PartyIdOrNone(candidate.Party);
        var stamps = t_stamps is { } t && t.Length >= keys.Length ? t : (t_stamps = new int[keys.Length]);
        var max = MaxBuffers(candidate.Party);
        var tb = (long)(Math.Max(0, max.TimeS) * TimeSpan.TicksPerSecond);
        var vb = Math.Max(0, max.VerticalFt);
        foreach (var cv in volumes)
        {
            _cells.Clear();
            if (++t_stamp == int.MaxValue)
            {
                Array.Clear(stamps);
                t_stamp = 1;
            }
            var stamp = t_stamp;
            index.CoverOf(cv, Math.Max(0, max.HorizontalM), _cells);
            var capRad = cv.Shape.CapRad + Geometry.PreparedShape.AngleAtMost(Math.Max(0, max.HorizontalM));
            var cosCap = Math.Cos(Math.Min(Math.PI, capRad));
            var sinCap = Math.Sin(Math.Min(Math.PI, capRad));
            var centre = cv.Shape.CoreCentre;
            var s0 = CellEntry.FloorSeconds(cv.StartTicks - tb);
            var s1 = CellEntry.CeilSeconds(cv.EndTicks + tb);
            var lo = CellEntry.FloorBand(cv.LowerFt - vb);
            var hi = CellEntry.CeilBand(cv.UpperFt + vb);
            foreach (var key in _cells)
            {
                if (!cells.TryGetValue(key, out var cell))
                {
                    continue;
                }
                foreach (ref readonly var e in cell.During(s0, s1))
                {
                    if (e.StartS >= s1 || s0 >= e.EndS || e.Lower >= hi || lo >= e.Upper || stamps[e.Volume] == stamp)
                    {
                        continue;
                    }
                    stamps[e.Volume] = stamp;
                    ref readonly var k = ref keys[e.Volume];
                    if (k.Intent <= otherSlotAbove || k.Party == party || !k.CapsMayMeet(centre, capRad, cosCap, sinCap))
                    {
                        continue;
                    }
                    var iv = held[e.Volume]!;
                    // The candidate's own held version has the candidate's party, so it was skipped above.
                    var other = intents[iv.Intent]!.Intent;
                    if (PreparedVolume.Conflict(cv, iv.Volume, BuffersFor(candidate.Party, other.Party), out var overlap))
                    {
                        found.Add(iv.Intent, overlap);
                    }
                }
            }
        }
        return found;
    }

    private StrategicBuffers BuffersFor(string party, string other)
    {
        if (buffersFor is null)
        {
            return StrategicBuffers.None;
        }
        if (!_pairBuffers.TryGetValue((party, other), out var buffers))
        {
            _pairBuffers[(party, other)] = buffers = buffersFor(party, other);
        }
        return buffers;
    }

    private StrategicBuffers MaxBuffers(string party)
    {
        if (buffersFor is null)
        {
            return StrategicBuffers.None;
        }
        if (!_maxBuffers.TryGetValue(party, out var max))
        {
            foreach (var other in index.Parties)
            {
                if (other != party)
                {
                    var b = BuffersFor(party, other);
                    max = new StrategicBuffers(Math.Max(max.HorizontalM, b.HorizontalM), Math.Max(max.VerticalFt, b.VerticalFt), Math.Max(max.TimeS, b.TimeS));
                }
            }
            _maxBuffers[party] = max;
        }
        return max;
    }
}
