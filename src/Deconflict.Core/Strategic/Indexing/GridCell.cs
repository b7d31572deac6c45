namespace Deconflict.Core.Strategic.Indexing;

/// <summary>
/// The volumes whose cover includes one cell, with their window and band inline so most candidates are
/// rejected without touching the volumes themselves. Entries are kept sorted by start time, and the cell
/// remembers its longest window, so a search reads only the entries whose windows can reach its own.
/// </summary>
internal sealed class GridCell
{
    private CellEntry[] _items = new CellEntry[4];

    public int Count { get; private set; }

    /// <summary>Longest window of any entry ever added, seconds (never shrinks: stays conservative).</summary>
    public int MaxDurationS { get; private set; }

    public ReadOnlySpan<CellEntry> Items => _items.AsSpan(0, Count);

    /// <summary>The entries whose windows may overlap (<paramref name="startS"/>, <paramref name="endS"/>).</summary>
    public ReadOnlySpan<CellEntry> During(int startS, int endS)
    {
        var from = FirstStartingAtOrAfter((int)Math.Max(int.MinValue, (long)startS - MaxDurationS));
        var to = FirstStartingAtOrAfter(endS);
        return to > from ? _items.AsSpan(from, to - from) : [];
    }

    public void Add(CellEntry entry)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }
        var at = FirstStartingAtOrAfter(entry.StartS + 1);
        Array.Copy(_items, at, _items, at + 1, Count - at);
        _items[at] = entry;
        Count++;
        MaxDurationS = Math.Max(MaxDurationS, entry.EndS - entry.StartS);
    }

    public void Remove(int volume, int startS)
    {
        for (var i = FirstStartingAtOrAfter(startS); i < Count && _items[i].StartS == startS; i++)
        {
            if (_items[i].Volume == volume)
            {
                Array.Copy(_items, i + 1, _items, i, Count - i - 1);
                Count--;
                return;
            }
        }
    }

    private int FirstStartingAtOrAfter(int startS)
    {
        int lo = 0, hi = Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_items[mid].StartS < startS)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}
