using Deconflict.Core.Strategic.Geometry;

namespace Deconflict.Core.Strategic.Indexing;

/// <summary>A volume ready for repeated pair tests: prepared shape, altitude band and window in UTC ticks.</summary>
internal sealed class PreparedVolume
{
    public PreparedVolume(Volume4D volume)
    {
        Volume = volume;
        Shape = PreparedShape.From(volume.Shape);
        StartTicks = volume.TimeStart.UtcTicks;
        EndTicks = volume.TimeEnd.UtcTicks;
    }

    public Volume4D Volume { get; }

    public PreparedShape Shape { get; }

    public double LowerFt => Volume.AltLowerFt;

    public double UpperFt => Volume.AltUpperFt;

    public long StartTicks { get; }

    public long EndTicks { get; }

    /// <summary>
    /// Whether two volumes conflict under the buffers: time windows and altitude bands overlap by more than
    /// zero once widened by the buffers, and the shapes share area (or come closer than the horizontal buffer).
    /// The overlap reported is where both (buffered) volumes coincide.
    /// </summary>
    public static bool Conflict(PreparedVolume a, PreparedVolume b, StrategicBuffers buffers, out VolumeOverlap overlap)
    {
        overlap = default;
        var tb = (long)(Math.Max(0, buffers.TimeS) * TimeSpan.TicksPerSecond);
        if (!(a.StartTicks < b.EndTicks + tb && b.StartTicks < a.EndTicks + tb))
        {
            return false;
        }
        var vb = Math.Max(0, buffers.VerticalFt);
        if (!(a.LowerFt < b.UpperFt + vb && b.LowerFt < a.UpperFt + vb))
        {
            return false;
        }
        if (!ShapeOverlap.Overlaps(a.Shape, b.Shape, Math.Max(0, buffers.HorizontalM)))
        {
            return false;
        }
        overlap = new VolumeOverlap(
            Math.Max(Math.Max(a.StartTicks, b.StartTicks) - tb, Math.Min(a.StartTicks, b.StartTicks)),
            Math.Min(Math.Min(a.EndTicks, b.EndTicks) + tb, Math.Max(a.EndTicks, b.EndTicks)),
            Math.Max(Math.Max(a.LowerFt, b.LowerFt) - vb, Math.Min(a.LowerFt, b.LowerFt)),
            Math.Min(Math.Min(a.UpperFt, b.UpperFt) + vb, Math.Max(a.UpperFt, b.UpperFt)));
        return true;
    }
}
