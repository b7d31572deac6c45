using System.Collections;
using System.Runtime.InteropServices;

namespace Deconflict.Core.Tactical;

/// <summary>
/// A growable run of <see cref="TacticalConflict"/> with its own sort by (Index1, Index2): the detector's
/// per-thread results and, for a caller that wants no copy, its output. It is plain code of this assembly on
/// purpose, on arrays and <see cref="Array.Copy(Array, int, Array, int, int)"/>: the framework's
/// <c>List&lt;T&gt;</c>, spans and sorts instantiated over this struct cannot be precompiled (ReadyToRun) outside
/// the framework, so a cold one-shot pass spent much of its time compiling them and running their first-tier code.
/// </summary>
public sealed class ConflictBuffer : IReadOnlyList<TacticalConflict>
{
    private TacticalConflict[] _items;
    private TacticalConflict[] _scratch = [];

    public ConflictBuffer(int capacity = 64) => _items = new TacticalConflict[Math.Max(capacity, 4)];

    public int Count { get; private set; }

    /// <summary>Bytes held: the items' array and the sort's second array.</summary>
    public long FootprintBytes => ((long)_items.Length + _scratch.Length) * System.Runtime.CompilerServices.Unsafe.SizeOf<TacticalConflict>();

    public TacticalConflict this[int index] =>
        (uint)index < (uint)Count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public void Clear() => Count = 0;

    public void EnsureCapacity(int capacity)
    {
        if (capacity > _items.Length)
        {
            Grow(Math.Max(capacity, _items.Length * 2));
        }
    }

    public void Add(in TacticalConflict conflict)
    {
        if (Count == _items.Length)
        {
            Grow(_items.Length * 2);
        }
        _items[Count++] = conflict;
    }

    /// <summary>Appends another buffer's items.</summary>
    public void AddRange(ConflictBuffer other)
    {
        ArgumentNullException.ThrowIfNull(other);
        EnsureCapacity(Count + other.Count);
        Array.Copy(other._items, 0, _items, Count, other.Count);
        Count += other.Count;
    }

    /// <summary>Sorts by (Index1, Index2): bottom-up merge sort, stable, n log n whatever the input order.</summary>
    public void Sort()
    {
        var n = Count;
        if (_scratch.Length < n)
        {
            _scratch = new TacticalConflict[_items.Length];
        }
        var src = _items;
        var dst = _scratch;
        for (var width = 1; width < n; width *= 2)
        {
            for (var lo = 0; lo < n; lo += 2 * width)
            {
                Merge(src, dst, lo, Math.Min(lo + width, n), Math.Min(lo + 2 * width, n));
            }
            (src, dst) = (dst, src);
        }
        if (!ReferenceEquals(src, _items))
        {
            Array.Copy(src, _items, n);
        }
    }

    /// <summary>Replaces the contents of <paramref name="results"/> with this buffer's items.</summary>
    public void CopyTo(List<TacticalConflict> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        CollectionsMarshal.SetCount(results, Count);
        _items.AsSpan(0, Count).CopyTo(CollectionsMarshal.AsSpan(results));
    }

    public IEnumerator<TacticalConflict> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return _items[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void Grow(int capacity)
    {
        var larger = new TacticalConflict[capacity];
        Array.Copy(_items, larger, Count);
        _items = larger;
    }

    private static void Merge(TacticalConflict[] src, TacticalConflict[] dst, int lo, int mid, int hi)
    {
        int a = lo, b = mid, k = lo;
        while (a < mid && b < hi)
        {
            dst[k++] = Before(in src[b], in src[a]) ? src[b++] : src[a++];
        }
        while (a < mid)
        {
            dst[k++] = src[a++];
        }
        while (b < hi)
        {
            dst[k++] = src[b++];
        }
    }

    private static bool Before(in TacticalConflict x, in TacticalConflict y) =>
        x.Index1 < y.Index1 || (x.Index1 == y.Index1 && x.Index2 < y.Index2);
}
