namespace Deconflict.Core.Strategic.Indexing;

/// <summary>
/// The volumes whose cover includes one cell, with their window and band inline so most candidates are
/// rejected without touching the volumes themselves.
/// </summary>
internal sealed class GridCell
{
    private CellEntry[] _items = new CellEntry[4];

    public int Count { get; private set; }

    public ReadOnlySpan<CellEntry> Items => _items.AsSpan(0, Count);

    public void Add(CellEntry entry)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }
        _items[Count++] = entry;
    }

    public void Remove(int volume)
    {
        for (var i = 0; i < Count; i++)
        {
            if (_items[i].Volume == volume)
            {
                _items[i] = _items[--Count];
                return;
            }
        }
    }
}

/// <summary>One volume in a cell: slot, window in whole seconds (widened outwards), band in feet (widened outwards).</summary>
internal readonly record struct CellEntry(int Volume, int StartS, int EndS, float LowerFt, float UpperFt)
{
    private static readonly long EpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    public static int FloorSeconds(long ticks) =>
        (int)Math.Clamp(Math.Floor((ticks - EpochTicks) / (double)TimeSpan.TicksPerSecond), int.MinValue + 1, int.MaxValue - 1);

    public static int CeilSeconds(long ticks) =>
        (int)Math.Clamp(Math.Ceiling((ticks - EpochTicks) / (double)TimeSpan.TicksPerSecond), int.MinValue + 1, int.MaxValue - 1);

    public static float FloorFeet(double feet) => MathF.Floor((float)feet) - 1;

    public static float CeilFeet(double feet) => MathF.Ceiling((float)feet) + 1;
}
