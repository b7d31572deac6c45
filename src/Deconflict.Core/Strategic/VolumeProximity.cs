using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic.Geometry;

namespace Deconflict.Core.Strategic;

/// <summary>
/// How far a point lies outside a volume's horizontal shape (0 inside), for conformance
/// monitoring. Edges are great-circle arcs, as in the strategic overlap test: containment uses
/// the gnomonic projection centred on the point (where those arcs are straight lines), distances
/// are spherical cross-track distances on the local mean radius. The sphere is within about 0.5 %
/// of the ellipsoid, which is well inside any conformance tolerance.
/// </summary>
public static class VolumeProximity
{
    /// <summary>Horizontal distance in metres from the point to <paramref name="shape"/>; 0 when the point is inside.</summary>
    public static double HorizontalDistanceOutsideM(VolumeShape shape, double latDeg, double lonDeg)
    {
        var p = Vec3.FromGeo(latDeg, lonDeg);
        var r = MeanRadiusM(latDeg);
        switch (shape)
        {
            case CircleShape c:
                {
                    var d = Geodesic.Inverse(latDeg, lonDeg, c.Centre.LatDeg, c.Centre.LonDeg).DistanceM;
                    return Math.Max(0, d - c.RadiusM);
                }
            case CorridorShape k:
                {
                    var best = double.PositiveInfinity;
                    for (var i = 0; i < k.Path.Count; i++)
                    {
                        var a = Vec3.FromGeo(k.Path[i]);
                        var b = i + 1 < k.Path.Count ? Vec3.FromGeo(k.Path[i + 1]) : a;
                        best = Math.Min(best, ArcDistance(p, a, b));
                    }
                    return Math.Max(0, best * r - k.HalfWidthM);
                }
            case PolygonShape g:
                {
                    var n = g.Vertices.Count;
                    if (n < 3)
                    {
                        return double.PositiveInfinity;
                    }
                    var best = double.PositiveInfinity;
                    var projectable = true;
                    var gnomonic = new Gnomonic(p);
                    Span<double> ring = n <= 256 ? stackalloc double[2 * n] : new double[2 * n];
                    for (var i = 0; i < n; i++)
                    {
                        var a = Vec3.FromGeo(g.Vertices[i]);
                        var b = Vec3.FromGeo(g.Vertices[(i + 1) % n]);
                        best = Math.Min(best, ArcDistance(p, a, b));
                        if (gnomonic.Facing(a) <= 1e-6)
                        {
                            projectable = false;
                        }
                        else
                        {
                            (ring[2 * i], ring[(2 * i) + 1]) = gnomonic.Project(a);
                        }
                    }
                    // A vertex a quarter of the globe away: the point cannot be near any sane operating area's inside.
                    var inside = projectable && Planar.InRing(ring, 0, 0);
                    return inside ? 0 : best * r;
                }
            default:
                throw new ArgumentException($"unknown volume shape {shape.GetType().Name}", nameof(shape));
        }
    }

    /// <summary>
    /// True when the point at <paramref name="altFt"/> and <paramref name="time"/> is inside the volume
    /// widened by the tolerances (horizontal metres, vertical feet, time seconds).
    /// </summary>
    public static bool Contains(Volume4D volume, double latDeg, double lonDeg, double altFt, DateTimeOffset time,
        double horizontalToleranceM = 0, double verticalToleranceFt = 0, double timeToleranceS = 0)
    {
        if (time < volume.TimeStart.AddSeconds(-timeToleranceS) || time > volume.TimeEnd.AddSeconds(timeToleranceS))
        {
            return false;
        }
        if (altFt < volume.AltLowerFt - verticalToleranceFt || altFt > volume.AltUpperFt + verticalToleranceFt)
        {
            return false;
        }
        return HorizontalDistanceOutsideM(volume.Shape, latDeg, lonDeg) <= horizontalToleranceM;
    }

    // Angle (radians) from p to the great-circle arc a–b, all unit vectors.
    private static double ArcDistance(Vec3 p, Vec3 a, Vec3 b)
    {
        var n = a.Cross(b);
        var len = n.Length;
        if (len < 1e-15)
        {
            return Vec3.Angle(p, a);
        }
        n *= 1 / len;
        var c = p - (n * p.Dot(n));
        if (c.Length > 1e-15)
        {
            c = c.Normalized();
            var ab = Vec3.Angle(a, b);
            if (Math.Abs(Vec3.Angle(a, c) + Vec3.Angle(c, b) - ab) < 1e-12)
            {
                return Math.Abs(Math.Asin(Math.Clamp(p.Dot(n), -1, 1)));
            }
        }
        return Math.Min(Vec3.Angle(p, a), Vec3.Angle(p, b));
    }

    private static double MeanRadiusM(double latDeg)
    {
        var s = Math.Sin(latDeg * Math.PI / 180);
        var w = 1 - (Wgs84.E2 * s * s);
        var n = Wgs84.A / Math.Sqrt(w);
        var m = n * (1 - Wgs84.E2) / w;
        return Math.Sqrt(m * n);
    }
}
