namespace Deconflict.Core.Tactical;

/// <summary>
/// Stable least-significant-digit radix sort of 32-bit cell keys carrying an aircraft index, two passes of
/// 16 bits. Stability keeps aircraft indices ascending inside each cell, so pairs come out as (i &lt; j).
/// </summary>
internal static class CellKeySort
{
    public const int Buckets = 1 << 16;

    public static void Sort(Span<uint> keys, Span<int> items, Span<uint> keysTmp, Span<int> itemsTmp, Span<int> counts)
    {
        Pass(keys, items, keysTmp, itemsTmp, counts, 0);
        Pass(keysTmp, itemsTmp, keys, items, counts, 16);
    }

    private static void Pass(ReadOnlySpan<uint> keys, ReadOnlySpan<int> items, Span<uint> keysOut, Span<int> itemsOut, Span<int> counts, int shift)
    {
        counts.Clear();
        for (var i = 0; i < keys.Length; i++)
        {
            counts[(int)((keys[i] >> shift) & 0xFFFF)]++;
        }
        var sum = 0;
        for (var b = 0; b < Buckets; b++)
        {
            var c = counts[b];
            counts[b] = sum;
            sum += c;
        }
        for (var i = 0; i < keys.Length; i++)
        {
            var k = keys[i];
            var slot = counts[(int)((k >> shift) & 0xFFFF)]++;
            keysOut[slot] = k;
            itemsOut[slot] = items[i];
        }
    }
}
