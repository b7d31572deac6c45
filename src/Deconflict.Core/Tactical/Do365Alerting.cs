namespace Deconflict.Core.Tactical;

/// <summary>
/// DO-365B detect-and-avoid alert levels between an ownship and an intruder, as NASA DAIDALUS
/// computes them with its <c>DO_365B_no_SUM</c> configuration (Phase I, cooperative intruders):
/// level 3 (warning) when the well-clear volume (DTHR 0.66 NM, ZTHR 450 ft, modified tau 35 s)
/// is predicted to be violated within 25 s, level 2 (corrective) within 55 s, level 1
/// (preventive) when the wider volume with ZTHR 700 ft is violated within 55 s, 0 otherwise.
/// Both aircraft fly straight at constant velocity; the intruder is placed in the ownship's
/// tangent plane on DAIDALUS's sphere (1 NM = one minute of arc).
/// <para>
/// The well-clear violation test (WCV_TAUMOD, TCOA 0): horizontally, distance at most DTHR, or
/// closing with modified tau (DTHR² − r²)/(r·v) at most TTHR, that is r² + TTHR·(r·v) ≤ DTHR², with a
/// horizontal miss distance at most DTHR;
/// vertically, |Δz| at most ZTHR. Each condition holds on an interval of time (solutions of a
/// quadratic or a linear inequality), so "violated within T" is an interval intersection, exact.
/// </para>
/// </summary>
public static class Do365Alerting
{
    public const double DthrNm = 0.66;
    public const double TthrS = 35;

    /// <summary>(ZTHR ft, alerting time s) of levels 1 to 3.</summary>
    private static readonly (double ZthrFt, double AlertingS)[] s_levels = [(700, 55), (450, 55), (450, 25)];

    /// <summary>The alert level (0 none, 1 preventive, 2 corrective, 3 warning) of <paramref name="intruder"/> for <paramref name="ownship"/> (rows of <paramref name="traffic"/>).</summary>
    public static int Level(TrafficSnapshot traffic, int ownship, int intruder)
    {
        Relative(traffic, ownship, intruder, out var sx, out var sy, out var vx, out var vy);
        var sz = (traffic.AltFt[intruder] - traffic.AltFt[ownship]) * 0.3048;
        var vz = (traffic.VsFpm[intruder] - traffic.VsFpm[ownship]) * 0.3048 / 60;
        for (var level = s_levels.Length; level >= 1; level--)
        {
            var (zthr, t) = s_levels[level - 1];
            if (Violates(sx, sy, sz, vx, vy, vz, DthrNm * 1852, TthrS, zthr * 0.3048, t))
            {
                return level;
            }
        }
        return 0;
    }

    /// <summary>Whether the well-clear volume is violated at some time in [0, <paramref name="lookaheadS"/>].</summary>
    public static bool Violates(double sx, double sy, double sz, double vx, double vy, double vz, double dthrM, double tthrS, double zthrM, double lookaheadS)
    {
        // Vertical: |sz + vz t| <= ZTHR.
        double lo = 0, hi = lookaheadS;
        if (vz == 0)
        {
            if (Math.Abs(sz) > zthrM)
            {
                return false;
            }
        }
        else
        {
            double a = (-zthrM - sz) / vz, b = (zthrM - sz) / vz;
            lo = Math.Max(lo, Math.Min(a, b));
            hi = Math.Min(hi, Math.Max(a, b));
            if (lo > hi)
            {
                return false;
            }
        }
        var vv = (vx * vx) + (vy * vy);
        var sv = (sx * vx) + (sy * vy);
        var ss = (sx * sx) + (sy * sy);
        if (vv == 0)
        {
            return ss <= dthrM * dthrM;
        }
        // Within DTHR: vv t² + 2 sv t + ss - D² <= 0.
        if (QuadraticInterval(vv, 2 * sv, ss - (dthrM * dthrM), out var t1, out var t2) && Math.Max(t1, lo) <= Math.Min(t2, hi))
        {
            return true;
        }
        // Closing (r·v < 0, so t < -sv/vv) with modified tau within TTHR: vv t² + (2 sv + T vv) t + ss + T sv - D² <= 0,
        // and only for a miss distance within DTHR (the HMD filter: a pair passing wide is not closing on the volume).
        var dcpa2 = ss - (sv * sv / vv);
        if (dcpa2 <= dthrM * dthrM && QuadraticInterval(vv, (2 * sv) + (tthrS * vv), ss + (tthrS * sv) - (dthrM * dthrM), out t1, out t2))
        {
            var closingUntil = -sv / vv;
            return Math.Max(t1, lo) <= Math.Min(Math.Min(t2, hi), closingUntil) && Math.Max(t1, lo) < closingUntil;
        }
        return false;
    }

    private static bool QuadraticInterval(double a, double b, double c, out double t1, out double t2)
    {
        t1 = t2 = 0;
        var disc = (b * b) - (4 * a * c);
        if (disc < 0)
        {
            return false;
        }
        var root = Math.Sqrt(disc);
        var q = b >= 0 ? -(b + root) / 2 : -(b - root) / 2;
        if (q == 0)
        {
            t1 = t2 = 0;
            return true;
        }
        (t1, t2) = (q / a, c / q);
        if (t1 > t2)
        {
            (t1, t2) = (t2, t1);
        }
        return true;
    }

    /// <summary>Intruder minus ownship in the ownship's east/north plane on DAIDALUS's sphere, metres and m/s.</summary>
    private static void Relative(TrafficSnapshot t, int o, int i, out double sx, out double sy, out double vx, out double vy)
    {
        const double deg = Math.PI / 180;
        double lat0 = t.LatDeg[o] * deg, lon0 = t.LonDeg[o] * deg, lat1 = t.LatDeg[i] * deg, lon1 = t.LonDeg[i] * deg;
        // Earth-centred unit vectors and the ownship's east/north/up frame.
        double ox = Math.Cos(lat0) * Math.Cos(lon0), oy = Math.Cos(lat0) * Math.Sin(lon0), oz = Math.Sin(lat0);
        double ix = Math.Cos(lat1) * Math.Cos(lon1), iy = Math.Cos(lat1) * Math.Sin(lon1), iz = Math.Sin(lat1);
        double ex = -Math.Sin(lon0), ey = Math.Cos(lon0);
        double nx = -Math.Sin(lat0) * Math.Cos(lon0), ny = -Math.Sin(lat0) * Math.Sin(lon0), nz = Math.Cos(lat0);
        // Orthographic projection of the intruder onto the ownship's tangent plane.
        var r = CylinderPrediction.DaidalusRadiusM;
        sx = r * ((ix * ex) + (iy * ey));
        sy = r * ((ix * nx) + (iy * ny) + (iz * nz));
        _ = (ox, oy, oz);
        // Each velocity is east/north at its own aircraft; the intruder's is rotated into the ownship's frame through earth-centred axes.
        Velocity(t.GsKt[o], t.TrkDeg[o], out var voe, out var von);
        Velocity(t.GsKt[i], t.TrkDeg[i], out var vie, out var vin);
        double iex = -Math.Sin(lon1), iey = Math.Cos(lon1);
        double inx = -Math.Sin(lat1) * Math.Cos(lon1), iny = -Math.Sin(lat1) * Math.Sin(lon1), inz = Math.Cos(lat1);
        double wx = (vie * iex) + (vin * inx), wy = (vie * iey) + (vin * iny), wz = vin * inz;
        vx = (wx * ex) + (wy * ey) - voe;
        vy = (wx * nx) + (wy * ny) + (wz * nz) - von;
    }

    private static void Velocity(double gsKt, double trkDeg, out double east, out double north)
    {
        var v = gsKt * 1852 / 3600;
        var a = trkDeg * Math.PI / 180;
        east = v * Math.Sin(a);
        north = v * Math.Cos(a);
    }
}
