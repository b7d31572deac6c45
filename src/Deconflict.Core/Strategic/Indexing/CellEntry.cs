namespace Deconflict.Core.Strategic.Indexing;

/// <summary>
/// One volume in a cell, 16 bytes: slot, window in whole seconds since 2000 (widened outwards), band in
/// steps of 10 ft above -10,000 ft (widened outwards).
/// </summary>
internal readonly record struct CellEntry(int Volume, int StartS, int EndS, ushort Lower, ushort Upper)
{
    private static readonly long EpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    public static CellEntry For(int slot, PreparedVolume volume) =>
        new(slot, FloorSeconds(volume.StartTicks), CeilSeconds(volume.EndTicks), FloorBand(volume.LowerFt), CeilBand(volume.UpperFt));

    public static int FloorSeconds(long ticks) =>
        (int)Math.Clamp(Math.Floor((ticks - EpochTicks) / (double)TimeSpan.TicksPerSecond), int.MinValue + 1, int.MaxValue - 1);

    public static int CeilSeconds(long ticks) =>
        (int)Math.Clamp(Math.Ceiling((ticks - EpochTicks) / (double)TimeSpan.TicksPerSecond), int.MinValue + 1, int.MaxValue - 1);

    public static ushort FloorBand(double feet) => (ushort)Math.Clamp(Math.Floor((feet + 10_000) / 10), 0, ushort.MaxValue);

    public static ushort CeilBand(double feet) => (ushort)Math.Clamp(Math.Ceiling((feet + 10_000) / 10), 0, ushort.MaxValue);
}
