namespace Deconflict.Core.Strategic.Indexing;

/// <summary>The 4D extent where two conflicting volumes coincide: window in UTC ticks, band in feet.</summary>
internal readonly record struct VolumeOverlap(long StartTicks, long EndTicks, double LowerFt, double UpperFt)
{
    public VolumeOverlap Union(VolumeOverlap o) => new(
        Math.Min(StartTicks, o.StartTicks), Math.Max(EndTicks, o.EndTicks), Math.Min(LowerFt, o.LowerFt), Math.Max(UpperFt, o.UpperFt));
}
