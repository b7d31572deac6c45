namespace Deconflict.Core.Tactical;

/// <summary>
/// Stable least-significant-digit radix sort of entries packed as (cell key &lt;&lt; 32 | aircraft index) on the
/// key half, in three passes of 11 bits (small count tables stay in L1). Stability keeps aircraft indices
/// ascending inside each cell, so pairs come out as (i &lt; j). Passes where every entry has the same digit are skipped.
/// </summary>
internal static class CellKeySort
{
    private const int Bits = 11;
    private const int Buckets = 1 << Bits;

    /// <summary>Sorts <paramref name="entries"/>, using <paramref name="scratch"/> (same length) as the second buffer.</summary>
    public static void Sort(Span<ulong> entries, Span<ulong> scratch, Span<int> counts)
    {
        var src = entries;
        var dst = scratch;
        for (var shift = 32; shift < 64; shift += Bits)
        {
            if (Pass(src, dst, counts[..Buckets], shift))
            {
                var t = src;
                src = dst;
                dst = t;
            }
        }
        if (src != entries)
        {
            src.CopyTo(entries);
        }
    }

    /// <summary>Returns false (and moves nothing) when the pass would not reorder anything.</summary>
    private static bool Pass(ReadOnlySpan<ulong> src, Span<ulong> dst, Span<int> counts, int shift)
    {
        counts.Clear();
        const ulong mask = Buckets - 1;
        foreach (var e in src)
        {
            counts[(int)((e >> shift) & mask)]++;
        }
        var sum = 0;
        for (var b = 0; b < counts.Length; b++)
        {
            var c = counts[b];
            if (c == src.Length)
            {
                return false;
            }
            counts[b] = sum;
            sum += c;
        }
        foreach (var e in src)
        {
            dst[counts[(int)((e >> shift) & mask)]++] = e;
        }
        return true;
    }
}
