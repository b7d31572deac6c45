using System.Globalization;
using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic.Geometry;

namespace Deconflict.Core.Strategic;

/// <summary>
/// Validity rules of volume shapes, shared by every way an intent enters the system. Each rule returns the
/// problem in words, or null when the shape is fine.
/// </summary>
internal static class ShapeRules
{
    /// <summary>Largest accepted extent: a shape must fit in a spherical cap of this angular radius.</summary>
    public const double MaxCapDeg = 40;

    /// <summary>Most vertices of a polygon ring or points of a corridor path: more than operations need, few enough to check quickly.</summary>
    public const int MaxVertices = 2000;

    /// <summary>Refuses a ring or path with more than <see cref="MaxVertices"/> positions (a closed ring may repeat its first).</summary>
    public static string? CheckVertexCount(int count, string what) =>
        count > MaxVertices ? $"{what} has {count} positions; at most {MaxVertices} are accepted" : null;

    public static string? CheckPosition(GeoPoint p)
    {
        if (!double.IsFinite(p.LatDeg) || !double.IsFinite(p.LonDeg))
        {
            return "coordinates must be finite numbers";
        }
        if (p.LatDeg is < -90 or > 90)
        {
            return $"latitude {p.LatDeg} is outside -90..90";
        }
        if (p.LonDeg is < -180 or > 180)
        {
            return $"longitude {p.LonDeg} is outside -180..180";
        }
        return null;
    }

    /// <summary>
    /// A GeoJSON ring as given (closed, so its last position repeats the first; RFC 7946 §3.1.6) must be closed;
    /// null when it is, else the problem, naming both positions so the writer sees which end is missing.
    /// </summary>
    public static string? CheckRingClosed(IReadOnlyList<GeoPoint> ring)
    {
        if (ring.Count == 0)
        {
            return "a ring needs positions: 3 corners or more, and the first repeated at the end";
        }
        var (first, last) = (ring[0], ring[^1]);
        return first == last
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"the ring is not closed: its last position [{last.LonDeg}, {last.LatDeg}] must repeat the first [{first.LonDeg}, {first.LatDeg}]");
    }

    public static string? CheckPolygon(IReadOnlyList<GeoPoint> vertices)
    {
        if (CheckVertexCount(vertices.Count, "the polygon ring") is { } many)
        {
            return many;
        }
        if (FirstBadPosition(vertices) is { } bad)
        {
            return bad;
        }
        var distinct = new HashSet<Vec3>();
        foreach (var v in vertices)
        {
            distinct.Add(Vec3.FromGeo(v));
        }
        if (distinct.Count < 3)
        {
            return $"a polygon needs at least 3 distinct vertices, found {distinct.Count}";
        }
        if (distinct.Count < vertices.Count)
        {
            return "a polygon may not repeat a vertex (other than closing the ring)";
        }
        var points = vertices.Select(Vec3.FromGeo).ToArray();
        if (CheckExtent(points) is { } large)
        {
            return large;
        }
        var g = new Gnomonic(Centroid(points));
        var xy = new double[points.Length * 2];
        g.Project(points, xy);
        if (OnOneLine(xy))
        {
            return "the polygon has no area (its vertices are on one great circle)";
        }
        if (RingSimplicity.FindSelfIntersection(xy) is { } at)
        {
            var p = g.Unproject(at.X, at.Y).ToGeo();
            return string.Create(CultureInfo.InvariantCulture, $"the polygon intersects itself near latitude {p.LatDeg:F6}, longitude {p.LonDeg:F6}");
        }
        return null;
    }

    /// <summary>True when every projected vertex is on the line through vertex 0 and the vertex farthest from it.</summary>
    private static bool OnOneLine(double[] xy)
    {
        var far = 0;
        var best = 0.0;
        for (var k = 1; k < xy.Length / 2; k++)
        {
            var d = Math.Abs(xy[2 * k] - xy[0]) + Math.Abs(xy[(2 * k) + 1] - xy[1]);
            if (d > best)
            {
                (best, far) = (d, k);
            }
        }
        for (var k = 1; k < xy.Length / 2; k++)
        {
            var orient = Planar.Orient(xy[0], xy[1], xy[2 * far], xy[(2 * far) + 1], xy[2 * k], xy[(2 * k) + 1]);
            if (Math.Abs(orient) > 1e-15 * best * best)
            {
                return false;
            }
        }
        return true;
    }

    public static string? CheckCircle(GeoPoint centre) => CheckPosition(centre);

    public static string? CheckPath(IReadOnlyList<GeoPoint> path)
    {
        if (path.Count < 2)
        {
            return $"a corridor path needs at least 2 points, found {path.Count}";
        }
        if (CheckVertexCount(path.Count, "the path") is { } many)
        {
            return many;
        }
        if (FirstBadPosition(path) is { } bad)
        {
            return bad;
        }
        var points = path.Select(Vec3.FromGeo).ToArray();
        for (var i = 1; i < points.Length; i++)
        {
            if (points[i] == points[i - 1])
            {
                return $"a corridor path may not repeat a point (points {i - 1} and {i} are equal)";
            }
        }
        return CheckExtent(points);
    }

    public static string? CheckRadius(double metres, string what) =>
        !double.IsFinite(metres) || metres <= 0 ? $"{what} must be a positive number of metres, got {metres}"
        : metres > 2_000_000 ? $"{what} of {metres} m is too large (at most 2,000,000 m)"
        : null;

    private static string? FirstBadPosition(IReadOnlyList<GeoPoint> points)
    {
        foreach (var p in points)
        {
            if (CheckPosition(p) is { } problem)
            {
                return problem;
            }
        }
        return null;
    }

    private static string? CheckExtent(Vec3[] points)
    {
        var c = Centroid(points);
        if (c.Length == 0)
        {
            return "the shape is too large (its points surround the Earth)";
        }
        foreach (var p in points)
        {
            if (Vec3.Angle(c, p) > MaxCapDeg * Math.PI / 180)
            {
                return $"the shape is too large (it must fit within {MaxCapDeg}° of its centre)";
            }
        }
        return null;
    }

    public static Vec3 Centroid(ReadOnlySpan<Vec3> points)
    {
        var sum = new Vec3(0, 0, 0);
        foreach (var p in points)
        {
            sum += p;
        }
        return sum.Length < 1e-9 ? new Vec3(0, 0, 0) : sum.Normalized();
    }
}
