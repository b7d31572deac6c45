using Deconflict.Core.Geodesy;
using NetTopologySuite.Geometries;

namespace Deconflict.Core.Strategic.Geometry;

/// <summary>
/// Decides whether two shapes overlap in area on the WGS-84 ellipsoid, optionally with a horizontal buffer.
/// Cores that cross, or one inside a polygon, are at distance zero; otherwise the shortest distance between
/// two sets of non-crossing arcs is reached at an endpoint of one of them, so it is the least endpoint-to-arc
/// distance. Only pairs of arcs whose bounding caps come within the threshold are examined; their distances
/// are first bounded on the sphere and only those near the threshold are measured exactly with ellipsoidal
/// geodesics (Karney).
/// </summary>
internal static class ShapeOverlap
{
    private const int StackLimit = 64;
    private static readonly GeometryFactory Factory = new();

    public static bool Overlaps(PreparedShape a, PreparedShape b, double bufferM)
    {
        var threshold = a.RadiusM + b.RadiusM + bufferM;
        var gap = Vec3.Angle(a.CoreCentre, b.CoreCentre) - a.CapRad - b.CapRad;
        if (gap > 0 && gap * PreparedShape.LowRatio * PreparedShape.SphereRadiusM >= bufferM)
        {
            return false;
        }
        if (a.Core == ShapeCore.Ring && b.Core == ShapeCore.Ring && threshold <= 0)
        {
            return RingInteriorsMeet(a, b);
        }
        // Without crossings a connected core is wholly inside or wholly outside a ring: one point decides.
        if ((a.Core == ShapeCore.Ring && a.Plane!.Contains(b.Points[0])) || (b.Core == ShapeCore.Ring && b.Plane!.Contains(a.Points[0])))
        {
            return true;
        }
        return ArcsCrossOrCloser(a, b, threshold);
    }

    private static bool ArcsCrossOrCloser(PreparedShape a, PreparedShape b, double threshold)
    {
        var far = threshold / (PreparedShape.LowRatio * PreparedShape.SphereRadiusM);
        var (sinFar, cosFar) = Math.SinCos(Math.Min(Math.PI, far));
        var na = Math.Max(1, a.SegmentCount);
        var nb = Math.Max(1, b.SegmentCount);
        var capsA = a.ArcCaps;
        var capsB = b.ArcCaps;
        var pa = a.Points;
        var pb = b.Points;
        for (var i = 0; i < na; i++)
        {
            var ia = i * 6;
            var midA = new Vec3(capsA[ia], capsA[ia + 1], capsA[ia + 2]);
            // Arc i's cap grown by the threshold: cos and sin of (half + far) by the sum formulas.
            var radA = capsA[ia + 3] + far;
            var cosA = (capsA[ia + 4] * cosFar) - (capsA[ia + 5] * sinFar);
            var sinA = (capsA[ia + 5] * cosFar) + (capsA[ia + 4] * sinFar);
            var a0 = pa[i];
            var a1 = pa[(i + 1) % pa.Length];
            for (var j = 0; j < nb; j++)
            {
                var jb = j * 6;
                // Arc caps (grown by the threshold on one side) apart: this pair of arcs cannot decide anything.
                if (radA + capsB[jb + 3] < Math.PI
                    && (midA.X * capsB[jb]) + (midA.Y * capsB[jb + 1]) + (midA.Z * capsB[jb + 2]) < (cosA * capsB[jb + 4]) - (sinA * capsB[jb + 5]) - 1e-12)
                {
                    continue;
                }
                var b0 = pb[j];
                var b1 = pb[(j + 1) % pb.Length];
                if (a.SegmentCount > 0 && b.SegmentCount > 0 && SphericalArc.CrossProperly(a0, a1, b0, b1))
                {
                    return true;
                }
                if (PairCloser(a, i, b, j, threshold))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>Endpoints of arc i of <paramref name="a"/> to arc j of <paramref name="b"/> and back (a point core is an arc of one point).</summary>
    private static bool PairCloser(PreparedShape a, int i, PreparedShape b, int j, double threshold)
    {
        var pa = a.Points;
        var pb = b.Points;
        if (a.SegmentCount == 0 && b.SegmentCount == 0)
        {
            return Closer(a.Geo[0], pb[0], Vec3.Angle(pa[0], pb[0]), threshold);
        }
        if (b.SegmentCount > 0)
        {
            var b0 = pb[j];
            var b1 = pb[(j + 1) % pb.Length];
            var count = a.SegmentCount == 0 ? 1 : 2;
            for (var k = 0; k < count; k++)
            {
                var index = (i + k) % pa.Length;
                var angle = SphericalArc.Distance(pa[index], b0, b1, out var foot);
                if (Closer(a.Geo[index], foot, angle, threshold))
                {
                    return true;
                }
            }
        }
        if (a.SegmentCount > 0)
        {
            var a0 = pa[i];
            var a1 = pa[(i + 1) % pa.Length];
            var count = b.SegmentCount == 0 ? 1 : 2;
            for (var k = 0; k < count; k++)
            {
                var index = (j + k) % pb.Length;
                var angle = SphericalArc.Distance(pb[index], a0, a1, out var foot);
                if (Closer(b.Geo[index], foot, angle, threshold))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static bool Closer(GeoPoint pGeo, Vec3 q, double angle, double threshold)
    {
        var sphere = angle * PreparedShape.SphereRadiusM;
        if (sphere * PreparedShape.LowRatio >= threshold)
        {
            return false;
        }
        if (sphere * PreparedShape.HighRatio < threshold)
        {
            return true;
        }
        var qGeo = q.ToGeo();
        return Geodesic.Inverse(pGeo.LatDeg, pGeo.LonDeg, qGeo.LatDeg, qGeo.LonDeg).DistanceM < threshold;
    }

    /// <summary>Two polygons without buffer conflict only when their interiors share area (a shared edge is not enough).</summary>
    private static bool RingInteriorsMeet(PreparedShape a, PreparedShape b)
    {
        var plane = new Gnomonic(a.CoreCentre + b.CoreCentre);
        Span<double> xyA = a.Points.Length <= StackLimit ? stackalloc double[a.Points.Length * 2] : new double[a.Points.Length * 2];
        Span<double> xyB = b.Points.Length <= StackLimit ? stackalloc double[b.Points.Length * 2] : new double[b.Points.Length * 2];
        if (!TryProject(plane, a.Points, xyA) || !TryProject(plane, b.Points, xyB))
        {
            // Too far apart to share one projection: they cannot meet (shapes fit in caps of at most 40 degrees).
            return false;
        }
        // Clear cases are decided on the projected coordinates; only touching or collinear edges need the
        // exact topology (NetTopologySuite builds both polygons, which costs tens of microseconds).
        return RingInteriors.Meet(xyA, xyB)
            ?? ToPolygon(xyA).Relate(ToPolygon(xyB))[Location.Interior, Location.Interior] == Dimension.Surface;
    }

    private static bool TryProject(Gnomonic plane, Vec3[] ring, Span<double> xy)
    {
        foreach (var p in ring)
        {
            if (plane.Facing(p) < 0.05)
            {
                return false;
            }
        }
        plane.Project(ring, xy);
        return true;
    }

    private static Polygon ToPolygon(ReadOnlySpan<double> xy)
    {
        var n = xy.Length / 2;
        var coordinates = new Coordinate[n + 1];
        for (var i = 0; i < n; i++)
        {
            coordinates[i] = new Coordinate(xy[2 * i], xy[(2 * i) + 1]);
        }
        coordinates[^1] = coordinates[0];
        return Factory.CreatePolygon(coordinates);
    }
}
