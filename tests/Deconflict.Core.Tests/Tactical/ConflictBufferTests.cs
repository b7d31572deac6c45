using CsCheck;
using Deconflict.Core.Tactical;

namespace Deconflict.Core.Tests.Tactical;

/// <summary>The detector's own result buffer: its sort must order exactly as the framework's stable sort would.</summary>
public sealed class ConflictBufferTests
{
    // Few distinct indices, so equal (Index1, Index2) keys occur and stability is exercised through TInS.
    private static readonly Gen<TacticalConflict> Conflict = Gen.Select(Gen.Int[0, 12], Gen.Int[0, 12], Gen.Double[0, 300],
        (i, j, t) => new TacticalConflict(i, j, t, t + 1, t, 1, 100));

    [Fact]
    public void Sorting_orders_by_the_index_pair_and_keeps_equal_pairs_in_arrival_order()
    {
        Conflict.Array[0, 300].Sample(conflicts =>
        {
            var buffer = new ConflictBuffer(1);
            foreach (var c in conflicts)
            {
                buffer.Add(c);
            }
            buffer.Sort();
            var expected = conflicts.OrderBy(c => c.Index1).ThenBy(c => c.Index2).ToArray();
            buffer.ToArray().ShouldBe(expected);
        }, iter: 500);
    }

    [Fact]
    public void Appending_buffers_and_copying_into_a_list_keep_every_item()
    {
        Gen.Select(Conflict.Array[0, 100], Conflict.Array[0, 100]).Sample(t =>
        {
            var (first, second) = t;
            var a = new ConflictBuffer(2);
            var b = new ConflictBuffer(2);
            foreach (var c in first)
            {
                a.Add(c);
            }
            foreach (var c in second)
            {
                b.Add(c);
            }
            a.AddRange(b);
            var list = new List<TacticalConflict> { new(99, 99, 0, 0, 0, 0, 0) };
            a.CopyTo(list);
            list.ShouldBe(first.Concat(second).ToList());
        }, iter: 300);
    }
}
