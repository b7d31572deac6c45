using Deconflict.Core.Geodesy;
using NetTopologySuite.Geometries;

namespace Deconflict.Core.Strategic.Geometry;

/// <summary>
/// Decides whether two shapes overlap in area on the WGS-84 ellipsoid, optionally with a horizontal buffer.
/// Cores that touch or cross are at distance zero; otherwise the shortest distance between two sets of
/// non-crossing arcs is reached at a vertex of one of them, so it is the least vertex-to-arc distance.
/// Those distances are first bounded on the sphere and only the ones near the threshold are measured
/// exactly with ellipsoidal geodesics (Karney).
/// </summary>
internal static class ShapeOverlap
{
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
        return CoresTouch(a, b) || CoresCloserThan(a, b, threshold);
    }

    private static bool CoresTouch(PreparedShape a, PreparedShape b)
    {
        if (a.Core == ShapeCore.Ring && AnyInside(b.Points, a))
        {
            return true;
        }
        if (b.Core == ShapeCore.Ring && AnyInside(a.Points, b))
        {
            return true;
        }
        var na = a.SegmentCount;
        var nb = b.SegmentCount;
        var pa = a.Points;
        var pb = b.Points;
        for (var i = 0; i < na; i++)
        {
            var a0 = pa[i];
            var a1 = pa[(i + 1) % pa.Length];
            for (var j = 0; j < nb; j++)
            {
                if (SphericalArc.CrossProperly(a0, a1, pb[j], pb[(j + 1) % pb.Length]))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static bool AnyInside(Vec3[] points, PreparedShape ring)
    {
        var plane = ring.Plane!;
        foreach (var p in points)
        {
            if (plane.Contains(p))
            {
                return true;
            }
        }
        return false;
    }

    private static bool CoresCloserThan(PreparedShape a, PreparedShape b, double threshold)
    {
        if (a.SegmentCount == 0 && b.SegmentCount == 0)
        {
            return Closer(a.Points[0], a.Geo[0], b.Points[0], Vec3.Angle(a.Points[0], b.Points[0]), threshold);
        }
        return VerticesCloser(a, b, threshold) || VerticesCloser(b, a, threshold);
    }

    /// <summary>Whether some vertex of <paramref name="from"/> lies within the threshold of an arc of <paramref name="to"/>.</summary>
    private static bool VerticesCloser(PreparedShape from, PreparedShape to, double threshold)
    {
        var segments = to.SegmentCount;
        if (segments == 0)
        {
            return false;
        }
        var far = threshold / (PreparedShape.LowRatio * PreparedShape.SphereRadiusM);
        var pts = to.Points;
        for (var i = 0; i < from.Points.Length; i++)
        {
            var p = from.Points[i];
            // Skip vertices that cannot reach the other shape's cap.
            if (Vec3.Angle(p, to.CoreCentre) - to.CoreCapRad > far)
            {
                continue;
            }
            for (var j = 0; j < segments; j++)
            {
                var angle = SphericalArc.Distance(p, pts[j], pts[(j + 1) % pts.Length], out var foot);
                if (Closer(p, from.Geo[i], foot, angle, threshold))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static bool Closer(Vec3 p, GeoPoint pGeo, Vec3 q, double angle, double threshold)
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
        return pa is not null && pb is not null
            ? pa.Relate(pb)[Location.Interior, Location.Interior] == Dimension.Surface
            : CoresTouch(a, b);
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
