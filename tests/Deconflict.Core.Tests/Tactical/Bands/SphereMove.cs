using Deconflict.Core.Tactical;

namespace Deconflict.Core.Tests.Tactical.Bands;

/// <summary>
/// Rigid rotations of a traffic snapshot on the sphere. A rotation preserves every distance and every great
/// circle, so an ownship whose position and local north it keeps sees exactly the same tangent-plane traffic:
/// bands computed after it must be the bands computed before (up to rounding at a threshold).
/// </summary>
internal static class SphereMove
{
    /// <summary>Every longitude shifted by <paramref name="deltaDeg"/> (a rotation about the polar axis).</summary>
    public static TrafficSnapshot ShiftLongitude(TrafficSnapshot s, double deltaDeg) =>
        Map(s, (lat, lon, trk) => (lat, Wrap(lon + deltaDeg), trk));

    /// <summary>
    /// The rotation about the east axis of <paramref name="ownship"/> that moves it along its meridian to
    /// <paramref name="latDeg"/>: its local north stays north, every other aircraft moves with it (tracks turned
    /// by the rotation at their own positions).
    /// </summary>
    public static TrafficSnapshot MoveAlongMeridian(TrafficSnapshot s, int ownship, double latDeg)
    {
        var lon0 = s.LonDeg[ownship] * Math.PI / 180;
        var theta = (s.LatDeg[ownship] - latDeg) * Math.PI / 180;
        var axis = (-Math.Sin(lon0), Math.Cos(lon0), 0.0);
        return Map(s, (lat, lon, trk) =>
        {
            var (p, d) = Vectors(lat, lon, trk);
            var p2 = Rotate(p, axis, theta);
            var d2 = Rotate(d, axis, theta);
            var lat2 = Math.Asin(Math.Clamp(p2.Z, -1, 1)) * 180 / Math.PI;
            var lon2 = Math.Atan2(p2.Y, p2.X) * 180 / Math.PI;
            var (east, north) = Frame(lat2, lon2);
            var trk2 = Math.Atan2(Dot(d2, east), Dot(d2, north)) * 180 / Math.PI;
            return (lat2, lon2, (trk2 + 360) % 360);
        });
    }

    private static TrafficSnapshot Map(TrafficSnapshot s, Func<double, double, double, (double Lat, double Lon, double Trk)> f)
    {
        var moved = new TrafficSnapshot(s.Count);
        for (var i = 0; i < s.Count; i++)
        {
            var (lat, lon, trk) = f(s.LatDeg[i], s.LonDeg[i], s.TrkDeg[i]);
            moved.Add(s.Ids[i], lat, lon, s.AltFt[i], s.GsKt[i], trk, s.VsFpm[i]);
        }
        return moved;
    }

    private static ((double X, double Y, double Z) P, (double X, double Y, double Z) D) Vectors(double latDeg, double lonDeg, double trkDeg)
    {
        var (sinLat, cosLat) = Math.SinCos(latDeg * Math.PI / 180);
        var (sinLon, cosLon) = Math.SinCos(lonDeg * Math.PI / 180);
        var (sinT, cosT) = Math.SinCos(trkDeg * Math.PI / 180);
        var (east, north) = Frame(latDeg, lonDeg);
        return ((cosLat * cosLon, cosLat * sinLon, sinLat),
            ((sinT * east.X) + (cosT * north.X), (sinT * east.Y) + (cosT * north.Y), (sinT * east.Z) + (cosT * north.Z)));
    }

    private static ((double X, double Y, double Z) East, (double X, double Y, double Z) North) Frame(double latDeg, double lonDeg)
    {
        var (sinLat, cosLat) = Math.SinCos(latDeg * Math.PI / 180);
        var (sinLon, cosLon) = Math.SinCos(lonDeg * Math.PI / 180);
        return ((-sinLon, cosLon, 0), (-sinLat * cosLon, -sinLat * sinLon, cosLat));
    }

    // Rodrigues: v cos θ + (a × v) sin θ + a (a · v)(1 − cos θ).
    private static (double X, double Y, double Z) Rotate((double X, double Y, double Z) v, (double X, double Y, double Z) a, double theta)
    {
        var (sin, cos) = Math.SinCos(theta);
        var cross = ((a.Y * v.Z) - (a.Z * v.Y), (a.Z * v.X) - (a.X * v.Z), (a.X * v.Y) - (a.Y * v.X));
        var k = Dot(a, v) * (1 - cos);
        return ((v.X * cos) + (cross.Item1 * sin) + (a.X * k), (v.Y * cos) + (cross.Item2 * sin) + (a.Y * k), (v.Z * cos) + (cross.Item3 * sin) + (a.Z * k));
    }

    private static double Dot((double X, double Y, double Z) a, (double X, double Y, double Z) b) => (a.X * b.X) + (a.Y * b.Y) + (a.Z * b.Z);

    private static double Wrap(double lon) => ((((lon + 180) % 360) + 360) % 360) - 180;
}
