using Deconflict.Core.Geodesy;

namespace Deconflict.Core.Surveillance;

/// <summary>
/// Whether a report lies inside a track's gate, and how far inside: the track is extrapolated along its last velocity
/// to the report's time of applicability (backwards when the track is the newer), and the horizontal, vertical and
/// velocity differences are each divided by their gate at that age. The normalised distance is the root sum of squares
/// of those ratios (0 = exactly where the track predicts, each ratio 1 = a gate's edge), so candidates can be ranked
/// by one figure whatever the mix of altitudes and velocities they carry.
/// </summary>
public static class AssociationGate
{
    /// <summary>
    /// The normalised distance of <paramref name="report"/> from <paramref name="track"/>, or +∞ when it lies outside
    /// any of the gates. The vertical test applies when both carry an altitude; the velocity test when
    /// <paramref name="velocity"/> is given and the track has one.
    /// </summary>
    /// <param name="track">The candidate track's last state.</param>
    /// <param name="report">The report, at its time of applicability.</param>
    /// <param name="velocity">The report's ground speed (kt) and track (degrees), or null to leave velocity out.</param>
    /// <param name="options">The gates.</param>
    /// <param name="scale">Multiplies every gate (an established association holds in wider gates than a new one needs).</param>
    public static double Distance(in LiveTrack track, in PositionReport report, (double GsKt, double TrkDeg)? velocity, TrackAssociationOptions options,
        double scale = 1)
    {
        var age = report.TimeS - track.TimeS;
        var ageS = Math.Abs(age);
        var gs = double.IsNaN(track.GsKt) ? 0 : track.GsKt;
        var trk = double.IsNaN(track.TrkDeg) ? 0 : track.TrkDeg;
        double lat = track.LatDeg, lon = track.LonDeg;
        LiveTrackStore.Extrapolate(ref lat, ref lon, gs, trk, age);
        var plane = LocalTangentPlane.At(new GeoPoint(report.LatDeg, report.LonDeg));
        var (e, n) = plane.Project(new GeoPoint(lat, lon));
        var h = Math.Sqrt((e * e) + (n * n)) / (scale * Wgs84.MetresPerNauticalMile * (options.GateNm + (options.GateGrowthKt * ageS / 3600)));
        if (!(h <= 1))
        {
            return double.PositiveInfinity;
        }
        var sum = h * h;
        if (!double.IsNaN(report.AltFt) && !double.IsNaN(track.AltFt))
        {
            var alt = track.AltFt + ((double.IsNaN(track.VsFpm) ? 0 : track.VsFpm) * age / 60);
            var v = Math.Abs(alt - report.AltFt) / (scale * (options.GateFt + (options.GateGrowthFpm * ageS / 60)));
            if (!(v <= 1))
            {
                return double.PositiveInfinity;
            }
            sum += v * v;
        }
        if (velocity is { } mine && !double.IsNaN(track.GsKt) && !double.IsNaN(track.TrkDeg))
        {
            var (s1, c1) = Math.SinCos(mine.TrkDeg * (Math.PI / 180));
            var (s2, c2) = Math.SinCos(track.TrkDeg * (Math.PI / 180));
            var de = (mine.GsKt * s1) - (track.GsKt * s2);
            var dn = (mine.GsKt * c1) - (track.GsKt * c2);
            var w = Math.Sqrt((de * de) + (dn * dn)) / (scale * options.VelocityGateKt);
            if (!(w <= 1))
            {
                return double.PositiveInfinity;
            }
            sum += w * w;
        }
        return Math.Sqrt(sum);
    }
}
