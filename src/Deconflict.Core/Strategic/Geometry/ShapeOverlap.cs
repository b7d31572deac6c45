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
        var na = Math.Max(1, a.SegmentCount);
        var nb = Math.Max(1, b.SegmentCount);
        Span<double> capsA = na <= StackLimit ? stackalloc double[na * 6] : new double[na * 6];
        Span<double> capsB = nb <= StackLimit ? stackalloc double[nb * 6] : new double[nb * 6];
        SegmentCaps(a, far, capsA);
        SegmentCaps(b, 0, capsB);
        var pa = a.Points;
        var pb = b.Points;
        for (var i = 0; i < na; i++)
        {
            var ia = i * 6;
            var midA = new Vec3(capsA[ia], capsA[ia + 1], capsA[ia + 2]);
            var a0 = pa[i];
            var a1 = pa[(i + 1) % pa.Length];
            for (var j = 0; j < nb; j++)
            {
                var jb = j * 6;
                var midB = new Vec3(capsB[jb], capsB[jb + 1], capsB[jb + 2]);
                // Arc caps (grown by the threshold on one side) apart: this pair of arcs cannot decide anything.
                if (capsA[ia + 3] + capsB[jb + 3] < Math.PI
                    && midA.Dot(midB) < (capsA[ia + 4] * capsB[jb + 4]) - (capsA[ia + 5] * capsB[jb + 5]) - 1e-12)
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

    /// <summary>Per arc: bounding-cap centre (x, y, z), angular radius grown by <paramref name="grow"/>, its cosine and sine.</summary>
    private static void SegmentCaps(PreparedShape shape, double grow, Span<double> caps)
    {
        var p = shape.Points;
        var n = Math.Max(1, shape.SegmentCount);
        for (var i = 0; i < n; i++)
        {
            Vec3 mid;
            double half;
            if (shape.SegmentCount == 0)
            {
                (mid, half) = (p[0], 0);
            }
            else
            {
                var s0 = p[i];
                var s1 = p[(i + 1) % p.Length];
                mid = (s0 + s1).Normalized();
                half = (Math.Max(Vec3.Angle(mid, s0), Vec3.Angle(mid, s1)) * (1 + 1e-9)) + 1e-12;
            }
            var r = half + grow;
            var (sin, cos) = Math.SinCos(Math.Min(Math.PI, r));
            caps[i * 6] = mid.X;
            caps[(i * 6) + 1] = mid.Y;
            caps[(i * 6) + 2] = mid.Z;
            caps[(i * 6) + 3] = r;
            caps[(i * 6) + 4] = cos;
            caps[(i * 6) + 5] = sin;
        }
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
        var pa = ToPolygon(plane, a.Points);
        var pb = ToPolygon(plane, b.Points);
        if (pa is null || pb is null)
        {
            // Too far apart to share one projection: they cannot meet (shapes fit in caps of at most 40 degrees).
            return false;
        }
        return pa.Relate(pb)[Location.Interior, Location.Interior] == Dimension.Surface;
    }

    private static Polygon? ToPolygon(Gnomonic plane, Vec3[] ring)
    {
        var coordinates = new Coordinate[ring.Length + 1];
        for (var i = 0; i < ring.Length; i++)
        {
            if (plane.Facing(ring[i]) < 0.05)
            {
                return null;
            }
            var (x, y) = plane.Project(ring[i]);
            coordinates[i] = new Coordinate(x, y);
        }
        coordinates[^1] = coordinates[0];
        return Factory.CreatePolygon(coordinates);
    }
}
