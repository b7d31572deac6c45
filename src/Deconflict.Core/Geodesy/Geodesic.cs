using static Deconflict.Core.Geodesy.GeodesicSeries;

namespace Deconflict.Core.Geodesy;

/// <summary>
/// Geodesics on the WGS-84 ellipsoid after C. F. F. Karney, "Algorithms for geodesics" (J. Geodesy, 2013),
/// the method of GeographicLib. Accurate to about 15 nanometres everywhere: across the antimeridian, at the
/// poles, for coincident and nearly antipodal points, where Vincenty's iteration fails to converge.
/// Angles in degrees, distances in metres.
/// </summary>
public static class Geodesic
{
    /// <summary>
    /// The shortest path between two points: distance and the azimuths at both ends (azimuth 2 is the
    /// direction of travel on arrival). Latitudes outside [-90, 90] give NaN.
    /// </summary>
    public static GeodesicInverse Inverse(double lat1Deg, double lon1Deg, double lat2Deg, double lon2Deg) =>
        GeodesicInverseSolver.Solve(lat1Deg, lon1Deg, lat2Deg, lon2Deg);

    /// <summary>Inverse problem between two <see cref="GeoPoint"/>s.</summary>
    public static GeodesicInverse Inverse(GeoPoint p1, GeoPoint p2) => Inverse(p1.LatDeg, p1.LonDeg, p2.LatDeg, p2.LonDeg);

    /// <summary>
    /// The point reached from (lat, lon) after travelling <paramref name="distanceM"/> metres (may be negative)
    /// along the geodesic leaving at <paramref name="azimuthDeg"/>; longitude in [-180, 180].
    /// </summary>
    public static GeodesicDirect Direct(double latDeg, double lonDeg, double azimuthDeg, double distanceM)
    {
        Span<double> c1a = stackalloc double[Order + 1];
        Span<double> c1pa = stackalloc double[Order + 1];
        Span<double> c3a = stackalloc double[Order + 1];

        var azi1 = AngleMath.Normalize(azimuthDeg);
        AngleMath.SinCosDeg(AngleMath.Round(azi1), out var salp1, out var calp1);
        AngleMath.SinCosDeg(AngleMath.Round(AngleMath.LatFix(latDeg)), out var sbet1, out var cbet1);
        sbet1 *= F1;
        AngleMath.Norm(ref sbet1, ref cbet1);
        cbet1 = Math.Max(Math.Sqrt(2.2250738585072014e-308), cbet1);

        // The equatorial azimuth alpha0 and the arc sigma1 from the equator crossing (eqs. 10-11).
        var salp0 = salp1 * cbet1;
        var calp0 = double.Hypot(calp1, salp1 * sbet1);
        var ssig1 = sbet1;
        var somg1 = salp0 * sbet1;
        var csig1 = sbet1 != 0 || calp1 != 0 ? cbet1 * calp1 : 1;
        var comg1 = csig1;
        AngleMath.Norm(ref ssig1, ref csig1);

        var k2 = calp0 * calp0 * Ep2;
        var eps = k2 / (2 * (1 + Math.Sqrt(1 + k2)) + k2);
        var a1m1 = A1m1(eps);
        C1(eps, c1a);
        C1p(eps, c1pa);
        C3(eps, c3a);
        var a3c = -Wgs84.F * salp0 * A3(eps);
        var b11 = SinSeries(ssig1, csig1, c1a, Order);
        var sb = Math.Sin(b11);
        var cb = Math.Cos(b11);
        var stau1 = ssig1 * cb + csig1 * sb;
        var ctau1 = csig1 * cb - ssig1 * sb;
        var b31 = SinSeries(ssig1, csig1, c3a, NC3 - 1);

        // Distance to arc length on the auxiliary sphere through the reverted series (eq. 20).
        var tau12 = distanceM / (Wgs84.B * (1 + a1m1));
        var st = Math.Sin(tau12);
        var ct = Math.Cos(tau12);
        var b12 = -SinSeries(stau1 * ct + ctau1 * st, ctau1 * ct - stau1 * st, c1pa, Order);
        var sig12 = tau12 - (b12 - b11);
        var ssig12 = Math.Sin(sig12);
        var csig12 = Math.Cos(sig12);

        var ssig2 = ssig1 * csig12 + csig1 * ssig12;
        var csig2 = csig1 * csig12 - ssig1 * ssig12;
        var sbet2 = calp0 * ssig2;
        var cbet2 = double.Hypot(salp0, calp0 * csig2);
        if (cbet2 == 0)
        {
            // Arrived at a pole: keep the azimuth meaningful.
            cbet2 = csig2 = Math.Sqrt(2.2250738585072014e-308);
        }
        var salp2 = salp0;
        var calp2 = calp0 * csig2;

        // Longitude, unrolled so long lines keep full precision (eq. 8 with the I3 integral).
        var e = Math.CopySign(1.0, salp0);
        var somg2 = salp0 * ssig2;
        var comg2 = csig2;
        var omg12 = e * (sig12 - (Math.Atan2(ssig2, csig2) - Math.Atan2(ssig1, csig1))
            + (Math.Atan2(e * somg2, comg2) - Math.Atan2(e * somg1, comg1)));
        var lam12 = omg12 + a3c * (sig12 + (SinSeries(ssig2, csig2, c3a, NC3 - 1) - b31));
        var lon12 = lam12 / AngleMath.Degree;
        var lon2 = AngleMath.Normalize(AngleMath.Normalize(lonDeg) + AngleMath.Normalize(lon12));

        var lat2 = AngleMath.Atan2Deg(sbet2, F1 * cbet2);
        var azi2 = AngleMath.Atan2Deg(salp2, calp2);
        return new GeodesicDirect(lat2, lon2, azi2);
    }

    /// <summary>Direct problem from a <see cref="GeoPoint"/>.</summary>
    public static GeodesicDirect Direct(GeoPoint start, double azimuthDeg, double distanceM) =>
        Direct(start.LatDeg, start.LonDeg, azimuthDeg, distanceM);
}
