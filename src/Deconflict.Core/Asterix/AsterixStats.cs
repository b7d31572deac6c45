namespace Deconflict.Core.Asterix;

/// <summary>
/// Counters of an ASTERIX feed. Nothing in a feed stops it: a bad block, record or item is stepped
/// over and counted here, so that an operator sees a degraded source instead of a crashed hub.
/// </summary>
public sealed class AsterixStats
{
    private long _datagrams;
    private long _blocks;
    private long _records;
    private long _unknownCategory;
    private long _badBlocks;
    private long _badRecords;
    private long _badItems;
    private long _skippedItems;
    private long _targets;

    public long Datagrams => Interlocked.Read(ref _datagrams);

    /// <summary>Data blocks of a category this decoder reads (021, 048, 062).</summary>
    public long Blocks => Interlocked.Read(ref _blocks);

    public long Records => Interlocked.Read(ref _records);

    /// <summary>Well-framed blocks of other categories (e.g. 065 status, 034 radar service), stepped over.</summary>
    public long UnknownCategory => Interlocked.Read(ref _unknownCategory);

    /// <summary>Blocks whose length field is impossible or runs past the end of the datagram or file.</summary>
    public long BadBlocks => Interlocked.Read(ref _badBlocks);

    /// <summary>Records that could not be framed (cut off, or a presence bit for a spare field); the rest of their block is dropped.</summary>
    public long BadRecords => Interlocked.Read(ref _badRecords);

    /// <summary>Items whose value is impossible (a latitude past the pole, a negative speed); the item is ignored.</summary>
    public long BadItems => Interlocked.Read(ref _badItems);

    /// <summary>Well-framed items this decoder does not interpret, stepped over.</summary>
    public long SkippedItems => Interlocked.Read(ref _skippedItems);

    /// <summary>Records decoded into targets.</summary>
    public long Targets => Interlocked.Read(ref _targets);

    internal void CountDatagram() => Interlocked.Increment(ref _datagrams);

    internal void CountBlock() => Interlocked.Increment(ref _blocks);

    internal void CountRecord() => Interlocked.Increment(ref _records);

    internal void CountUnknownCategory() => Interlocked.Increment(ref _unknownCategory);

    internal void CountBadBlock() => Interlocked.Increment(ref _badBlocks);

    internal void CountBadRecord() => Interlocked.Increment(ref _badRecords);

    internal void CountBadItem() => Interlocked.Increment(ref _badItems);

    internal void CountSkippedItems(int n) => Interlocked.Add(ref _skippedItems, n);

    internal void CountTarget() => Interlocked.Increment(ref _targets);

    public override string ToString() =>
        $"{Blocks} blocks, {Records} records, {Targets} targets; skipped: {UnknownCategory} blocks of other categories, "
        + $"{BadBlocks} bad blocks, {BadRecords} bad records, {BadItems} bad items, {SkippedItems} items not interpreted";
}
