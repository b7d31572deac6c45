namespace Deconflict.Core.Strategic.Geometry;

/// <summary>
/// Planar predicates on interleaved coordinate spans (x0, y0, x1, y1, ...), used in the gnomonic plane where
/// they are exact for great-circle arcs. Points on a boundary count as inside/touching: these results only
/// decide "distance zero", and a zero-distance pair with any radius conflicts.
/// </summary>
internal static class Planar
{
    public static double Orient(double ax, double ay, double bx, double by, double cx, double cy) =>
        ((bx - ax) * (cy - ay)) - ((by - ay) * (cx - ax));

    /// <summary>True when closed segments AB and CD share a point.</summary>
    public static bool SegmentsTouch(double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy)
    {
        var d1 = Orient(cx, cy, dx, dy, ax, ay);
        var d2 = Orient(cx, cy, dx, dy, bx, by);
        var d3 = Orient(ax, ay, bx, by, cx, cy);
        var d4 = Orient(ax, ay, bx, by, dx, dy);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
        {
            return true;
        }
        return (d1 == 0 && OnSegment(cx, cy, dx, dy, ax, ay))
            || (d2 == 0 && OnSegment(cx, cy, dx, dy, bx, by))
            || (d3 == 0 && OnSegment(ax, ay, bx, by, cx, cy))
            || (d4 == 0 && OnSegment(ax, ay, bx, by, dx, dy));
    }

    private static bool OnSegment(double ax, double ay, double bx, double by, double px, double py) =>
        px >= Math.Min(ax, bx) && px <= Math.Max(ax, bx) && py >= Math.Min(ay, by) && py <= Math.Max(ay, by);

    /// <summary>Even-odd containment of (px, py) in the closed ring <paramref name="ring"/> (first vertex not repeated).</summary>
    public static bool InRing(ReadOnlySpan<double> ring, double px, double py)
    {
        var n = ring.Length / 2;
        var inside = false;
        for (int i = 0, j = n - 1; i < n; j = i++)
        {
            var xi = ring[2 * i];
            var yi = ring[(2 * i) + 1];
            var xj = ring[2 * j];
            var yj = ring[(2 * j) + 1];
            if ((yi > py) != (yj > py) && px < ((xj - xi) * (py - yi) / (yj - yi)) + xi)
            {
                inside = !inside;
            }
        }
        return inside;
    }
}
