using Deconflict.Core.Strategic.Geometry;

namespace Deconflict.Core.Utm;

/// <summary>
/// Whether F3548 extents intersect, exactly on the WGS-84 ellipsoid (the same shape test as the strategic check):
/// outlines share area, bands share height (&gt; 0 m) and windows share time (&gt; 0 s); an absent part meets everything.
/// </summary>
public static class UtmOverlap
{
    public static bool Intersects(UtmVolume a, UtmVolume b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var lower = Math.Max(a.AltLowerM ?? double.NegativeInfinity, b.AltLowerM ?? double.NegativeInfinity);
        var upper = Math.Min(a.AltUpperM ?? double.PositiveInfinity, b.AltUpperM ?? double.PositiveInfinity);
        if (lower >= upper)
        {
            return false;
        }
        var start = Max(a.TimeStart, b.TimeStart);
        var end = Min(a.TimeEnd, b.TimeEnd);
        if (start is not null && end is not null && start >= end)
        {
            return false;
        }
        if (a.Shape is null || b.Shape is null)
        {
            return true;
        }
        return ShapeOverlap.Overlaps(PreparedShape.From(a.Shape), PreparedShape.From(b.Shape), 0);
    }

    /// <summary>True when some extent of <paramref name="a"/> intersects some extent of <paramref name="b"/>.</summary>
    public static bool Intersects(IReadOnlyList<UtmVolume> a, IReadOnlyList<UtmVolume> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (Intersects(x, y))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static DateTimeOffset? Max(DateTimeOffset? x, DateTimeOffset? y) => x is null ? y : y is null ? x : x > y ? x : y;

    private static DateTimeOffset? Min(DateTimeOffset? x, DateTimeOffset? y) => x is null ? y : y is null ? x : x < y ? x : y;
}
