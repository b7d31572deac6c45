namespace Deconflict.Core.Strategic.Geometry;

/// <summary>
/// Whether two simple rings' interiors share area, decided in the plane without building geometries when
/// every predicate is clear of rounding: edges that cross properly mean shared area; boundaries that do not
/// meet at all leave containment, decided by one vertex. Anything touching, collinear or within rounding of
/// it is left undecided (null) for the exact topology of the caller.
/// </summary>
internal static class RingInteriors
{
    /// <summary>Relative margin on an orientation: a thousand times any rounding of the products it is made of.</summary>
    private const double Margin = 1e-12;

    /// <param name="a">First ring, interleaved x, y, first vertex not repeated.</param>
    /// <param name="b">Second ring, the same way.</param>
    public static bool? Meet(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int na = a.Length / 2, nb = b.Length / 2;
        for (int i = 0, ip = na - 1; i < na; ip = i++)
        {
            double ax = a[2 * ip], ay = a[(2 * ip) + 1], bx = a[2 * i], by = a[(2 * i) + 1];
            double minX = Math.Min(ax, bx), maxX = Math.Max(ax, bx), minY = Math.Min(ay, by), maxY = Math.Max(ay, by);
            for (int j = 0, jp = nb - 1; j < nb; jp = j++)
            {
                double cx = b[2 * jp], cy = b[(2 * jp) + 1], dx = b[2 * j], dy = b[(2 * j) + 1];
                // Boxes apart (exact comparisons): these closed edges cannot share a point.
                if (Math.Max(cx, dx) < minX || Math.Min(cx, dx) > maxX || Math.Max(cy, dy) < minY || Math.Min(cy, dy) > maxY)
                {
                    continue;
                }
                var c = Side(ax, ay, bx, by, cx, cy);
                var d = Side(ax, ay, bx, by, dx, dy);
                var e = Side(cx, cy, dx, dy, ax, ay);
                var f = Side(cx, cy, dx, dy, bx, by);
                if (c == 0 || d == 0 || e == 0 || f == 0)
                {
                    return null;
                }
                if (c != d && e != f)
                {
                    // A proper crossing: each interior holds a half-plane there, and the two overlap in a wedge.
                    return true;
                }
            }
        }
        // The boundaries are apart: the interiors meet exactly when one ring holds the other.
        return Inside(b, a[0], a[1]) is not { } aInB || Inside(a, b[0], b[1]) is not { } bInA ? null : aInB || bInA;
    }

    /// <summary>Even-odd containment by a ray towards +x; null when the point is within rounding of a straddling edge.</summary>
    private static bool? Inside(ReadOnlySpan<double> ring, double px, double py)
    {
        var n = ring.Length / 2;
        var inside = false;
        for (int i = 0, j = n - 1; i < n; j = i++)
        {
            double xi = ring[2 * i], yi = ring[(2 * i) + 1], xj = ring[2 * j], yj = ring[(2 * j) + 1];
            if ((yi > py) == (yj > py))
            {
                continue;
            }
            // Edge j→i straddles the ray's line; it crosses the ray when the point is left of it going upwards.
            var side = Side(xj, yj, xi, yi, px, py);
            if (side == 0)
            {
                return null;
            }
            if ((side > 0) == (yi > yj))
            {
                inside = !inside;
            }
        }
        return inside;
    }

    /// <summary>Sign of the orientation of (p, q, r): 1 left, -1 right, 0 when within rounding of the line.</summary>
    private static int Side(double px, double py, double qx, double qy, double rx, double ry)
    {
        var left = (qx - px) * (ry - py);
        var right = (qy - py) * (rx - px);
        var o = left - right;
        var bound = Margin * (Math.Abs(left) + Math.Abs(right));
        return o > bound ? 1 : o < -bound ? -1 : 0;
    }
}
