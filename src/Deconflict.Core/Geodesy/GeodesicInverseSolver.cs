using static Deconflict.Core.Geodesy.GeodesicSeries;

namespace Deconflict.Core.Geodesy;

/// <summary>
/// Karney's solution of the inverse problem (Algorithms for geodesics, 2013, §4–5): reduce to a
/// canonical configuration (lat1 ≤ 0, |lat1| ≥ |lat2|, 0 ≤ lon12 ≤ 180), treat meridional and
/// equatorial lines directly, otherwise start from a spherical or astroid estimate of the azimuth
/// (the astroid handles nearly antipodal points) and refine it by Newton's method on λ12(α1),
/// falling back to bisection so convergence is guaranteed.
/// </summary>
internal static class GeodesicInverseSolver
{
    private const double Tol0 = 2.220446049250313e-16; // 2^-52
    private const double Tol1 = 200 * Tol0;
    private static readonly double Tol2 = Math.Sqrt(Tol0);
    private static readonly double TolB = Tol0 * Tol2;
    private static readonly double XThresh = 1000 * Tol2;
    private static readonly double Tiny = Math.Sqrt(2.2250738585072014e-308); // sqrt of the smallest normal double
    private static readonly double ETol2 = 0.1 * Tol2 / Math.Sqrt(Math.Max(0.001, Math.Abs(Wgs84.F)) * Math.Min(1.0, 1 - Wgs84.F / 2) / 2);
    private const int MaxIt1 = 20;
    private const int MaxIt2 = MaxIt1 + 53 + 10;

    public static GeodesicInverse Solve(double lat1, double lon1, double lat2, double lon2)
    {
        Span<double> ca = stackalloc double[Order + 1];

        var lon12 = AngleMath.Diff(lon1, lon2, out var lon12s);
        var lonsign = double.IsNegative(lon12) ? -1 : 1;
        lon12 = lonsign * AngleMath.Round(lon12);
        lon12s = AngleMath.Round(180 - lon12 - lonsign * lon12s);
        var lam12 = lon12 * AngleMath.Degree;
        double slam12, clam12;
        if (lon12 > 90)
        {
            AngleMath.SinCosDeg(lon12s, out slam12, out clam12);
            clam12 = -clam12;
        }
        else
        {
            AngleMath.SinCosDeg(lon12, out slam12, out clam12);
        }

        lat1 = AngleMath.Round(AngleMath.LatFix(lat1));
        lat2 = AngleMath.Round(AngleMath.LatFix(lat2));
        var swapp = Math.Abs(lat1) < Math.Abs(lat2) || double.IsNaN(lat2) ? -1 : 1;
        if (swapp < 0)
        {
            lonsign = -lonsign;
            (lat1, lat2) = (lat2, lat1);
        }
        var latsign = double.IsNegative(lat1) ? 1 : -1;
        lat1 *= latsign;
        lat2 *= latsign;

        AngleMath.SinCosDeg(lat1, out var sbet1, out var cbet1);
        sbet1 *= F1;
        AngleMath.Norm(ref sbet1, ref cbet1);
        cbet1 = Math.Max(Tiny, cbet1);
        AngleMath.SinCosDeg(lat2, out var sbet2, out var cbet2);
        sbet2 *= F1;
        AngleMath.Norm(ref sbet2, ref cbet2);
        cbet2 = Math.Max(Tiny, cbet2);

        // Make the symmetric cases exactly symmetric so the solution does not depend on rounding.
        if (cbet1 < -sbet1)
        {
            if (cbet2 == cbet1)
            {
                sbet2 = Math.CopySign(sbet1, sbet2);
            }
        }
        else if (Math.Abs(sbet2) == -sbet1)
        {
            cbet2 = cbet1;
        }

        var dn1 = Math.Sqrt(1 + Ep2 * sbet1 * sbet1);
        var dn2 = Math.Sqrt(1 + Ep2 * sbet2 * sbet2);

        double sig12, salp1 = 0, calp1 = 0, salp2 = 0, calp2 = 0, s12x = 0, m12x;
        var meridian = lat1 == -90 || slam12 == 0;
        if (meridian)
        {
            // Along a meridian: alpha1 = lam12, alpha2 = 0.
            calp1 = clam12;
            salp1 = slam12;
            calp2 = 1;
            salp2 = 0;
            double ssig1 = sbet1, csig1 = calp1 * cbet1, ssig2 = sbet2, csig2 = calp2 * cbet2;
            sig12 = Math.Atan2(Math.Max(0, csig1 * ssig2 - ssig1 * csig2), csig1 * csig2 + ssig1 * ssig2);
            Lengths(N, sig12, ssig1, csig1, dn1, ssig2, csig2, dn2, out s12x, out m12x, out _, ca);
            // The meridian is the shortest path unless it passes a conjugate point (m12 < 0).
            if (sig12 < 1 || m12x >= 0)
            {
                if (sig12 < 3 * Tiny || (sig12 < Tol0 && (s12x < 0 || m12x < 0)))
                {
                    sig12 = m12x = s12x = 0;
                }
                s12x *= Wgs84.B;
            }
            else
            {
                meridian = false;
            }
        }

        if (!meridian && sbet1 == 0 && (Wgs84.F <= 0 || lon12s >= Wgs84.F * 180))
        {
            // Along the equator (only while the equator is the shortest path).
            calp1 = calp2 = 0;
            salp1 = salp2 = 1;
            s12x = Wgs84.A * lam12;
        }
        else if (!meridian)
        {
            sig12 = InverseStart(sbet1, cbet1, dn1, sbet2, cbet2, dn2, lam12, slam12, clam12,
                out salp1, out calp1, out salp2, out calp2, out var dnm);
            if (sig12 >= 0)
            {
                // Short line: the spherical estimate with a mean radius is already exact enough.
                s12x = sig12 * Wgs84.B * dnm;
            }
            else
            {
                double ssig1 = 0, csig1 = 0, ssig2 = 0, csig2 = 0, eps = 0;
                double salp1a = Tiny, calp1a = 1, salp1b = Tiny, calp1b = -1;
                var tripn = false;
                var tripb = false;
                for (var numit = 0; ; ++numit)
                {
                    var v = Lambda12(sbet1, cbet1, dn1, sbet2, cbet2, dn2, salp1, calp1, slam12, clam12,
                        out salp2, out calp2, out sig12, out ssig1, out csig1, out ssig2, out csig2, out eps,
                        numit < MaxIt1, out var dv, ca);
                    if (tripb || !(Math.Abs(v) >= (tripn ? 8 : 1) * Tol0) || numit == MaxIt2)
                    {
                        break;
                    }
                    // Keep a bracket [alpha1a, alpha1b] of the root for the bisection fallback.
                    if (v > 0 && (numit > MaxIt1 || calp1 / salp1 > calp1b / salp1b))
                    {
                        salp1b = salp1;
                        calp1b = calp1;
                    }
                    else if (v < 0 && (numit > MaxIt1 || calp1 / salp1 < calp1a / salp1a))
                    {
                        salp1a = salp1;
                        calp1a = calp1;
                    }
                    if (numit < MaxIt1 && dv > 0)
                    {
                        var dalp1 = -v / dv;
                        if (Math.Abs(dalp1) < Math.PI)
                        {
                            var sdalp1 = Math.Sin(dalp1);
                            var cdalp1 = Math.Cos(dalp1);
                            var nsalp1 = salp1 * cdalp1 + calp1 * sdalp1;
                            if (nsalp1 > 0)
                            {
                                calp1 = calp1 * cdalp1 - salp1 * sdalp1;
                                salp1 = nsalp1;
                                AngleMath.Norm(ref salp1, ref calp1);
                                tripn = Math.Abs(v) <= 16 * Tol0;
                                continue;
                            }
                        }
                    }
                    salp1 = (salp1a + salp1b) / 2;
                    calp1 = (calp1a + calp1b) / 2;
                    AngleMath.Norm(ref salp1, ref calp1);
                    tripn = false;
                    tripb = Math.Abs(salp1a - salp1) + (calp1a - calp1) < TolB
                         || Math.Abs(salp1 - salp1b) + (calp1 - calp1b) < TolB;
                }
                Lengths(eps, sig12, ssig1, csig1, dn1, ssig2, csig2, dn2, out s12x, out m12x, out _, ca);
                s12x *= Wgs84.B;
            }
        }

        // Undo the canonical reduction.
        if (swapp < 0)
        {
            (salp1, salp2) = (salp2, salp1);
            (calp1, calp2) = (calp2, calp1);
        }
        salp1 *= swapp * lonsign;
        calp1 *= swapp * latsign;
        salp2 *= swapp * lonsign;
        calp2 *= swapp * latsign;

        return new GeodesicInverse(0.0 + s12x, AngleMath.Atan2Deg(salp1, calp1), AngleMath.Atan2Deg(salp2, calp2));
    }

    /// <summary>Distance s12/b and reduced length m12/b along an arc of the auxiliary sphere (eqs. 38–40).</summary>
    private static void Lengths(double eps, double sig12, double ssig1, double csig1, double dn1,
        double ssig2, double csig2, double dn2, out double s12b, out double m12b, out double m0, Span<double> ca)
    {
        Span<double> cb = stackalloc double[Order + 1];
        var a1 = A1m1(eps);
        C1(eps, ca);
        var a2 = A2m1(eps);
        C2(eps, cb);
        var m0x = a1 - a2;
        a1 += 1;
        a2 += 1;
        var b1 = SinSeries(ssig2, csig2, ca, Order) - SinSeries(ssig1, csig1, ca, Order);
        s12b = a1 * (sig12 + b1);
        var b2 = SinSeries(ssig2, csig2, cb, Order) - SinSeries(ssig1, csig1, cb, Order);
        var j12 = m0x * sig12 + (a1 * b1 - a2 * b2);
        m0 = m0x;
        m12b = dn2 * (csig1 * ssig2) - dn1 * (ssig1 * csig2) - csig1 * csig2 * j12;
    }

    /// <summary>Solves the astroid equation k^4 + 2k^3 - (x^2 + y^2 - 1)k^2 - 2y^2 k - y^2 = 0 for its positive root (eq. 55).</summary>
    private static double Astroid(double x, double y)
    {
        double p = x * x, q = y * y, r = (p + q - 1) / 6;
        if (q == 0 && r <= 0)
        {
            return 0;
        }
        double s = p * q / 4, r2 = r * r, r3 = r * r2, disc = s * (s + 2 * r3);
        var u = r;
        if (disc >= 0)
        {
            var t3 = s + r3;
            t3 += t3 < 0 ? -Math.Sqrt(disc) : Math.Sqrt(disc);
            var t = Math.Cbrt(t3);
            u += t + (t != 0 ? r2 / t : 0);
        }
        else
        {
            var ang = Math.Atan2(Math.Sqrt(-disc), -(s + r3));
            u += 2 * r * Math.Cos(ang / 3);
        }
        var v = Math.Sqrt(u * u + q);
        var uv = u < 0 ? q / (v - u) : u + v;
        var w = (uv - q) / (2 * v);
        return uv / (Math.Sqrt(uv + w * w) + w);
    }

    /// <summary>
    /// First estimate of alpha1. Returns sig12 ≥ 0 when the short-line approximation is already the
    /// answer (and sets alpha2 and the mean dn), otherwise -1.
    /// </summary>
    private static double InverseStart(double sbet1, double cbet1, double dn1, double sbet2, double cbet2, double dn2,
        double lam12, double slam12, double clam12,
        out double salp1, out double calp1, out double salp2, out double calp2, out double dnm)
    {
        _ = dn1;
        _ = dn2;
        double sig12 = -1;
        salp2 = calp2 = dnm = 0;
        var sbet12 = sbet2 * cbet1 - cbet2 * sbet1;
        var cbet12 = cbet2 * cbet1 + sbet2 * sbet1;
        var sbet12a = sbet2 * cbet1 + cbet2 * sbet1;
        var shortline = cbet12 >= 0 && sbet12 < 0.5 && cbet2 * lam12 < 0.5;
        double somg12, comg12;
        if (shortline)
        {
            var sbetm2 = (sbet1 + sbet2) * (sbet1 + sbet2);
            sbetm2 /= sbetm2 + (cbet1 + cbet2) * (cbet1 + cbet2);
            dnm = Math.Sqrt(1 + Ep2 * sbetm2);
            var omg12 = lam12 / (F1 * dnm);
            somg12 = Math.Sin(omg12);
            comg12 = Math.Cos(omg12);
        }
        else
        {
            somg12 = slam12;
            comg12 = clam12;
        }

        salp1 = cbet2 * somg12;
        calp1 = comg12 >= 0
            ? sbet12 + cbet2 * sbet1 * somg12 * somg12 / (1 + comg12)
            : sbet12a - cbet2 * sbet1 * somg12 * somg12 / (1 - comg12);
        var ssig12 = double.Hypot(salp1, calp1);
        var csig12 = sbet1 * sbet2 + cbet1 * cbet2 * comg12;

        if (shortline && ssig12 < ETol2)
        {
            salp2 = cbet1 * somg12;
            calp2 = sbet12 - cbet1 * sbet2 * (comg12 >= 0 ? somg12 * somg12 / (1 + comg12) : 1 - comg12);
            AngleMath.Norm(ref salp2, ref calp2);
            sig12 = Math.Atan2(ssig12, csig12);
        }
        else if (Math.Abs(N) > 0.1 || csig12 >= 0 || ssig12 >= 6 * Math.Abs(N) * Math.PI * cbet1 * cbet1)
        {
            // The zeroth-order spherical estimate is good enough to start Newton's method.
        }
        else
        {
            // Nearly antipodal: scale to coordinates where the antipode is the origin and use the astroid.
            var lam12x = Math.Atan2(-slam12, -clam12);
            var k2 = sbet1 * sbet1 * Ep2;
            var epsS = k2 / (2 * (1 + Math.Sqrt(1 + k2)) + k2);
            var lamscale = Wgs84.F * cbet1 * A3(epsS) * Math.PI;
            var betscale = lamscale * cbet1;
            var x = lam12x / lamscale;
            var y = sbet12a / betscale;
            if (y > -Tol1 && x > -1 - XThresh)
            {
                salp1 = Math.Min(1.0, -x);
                calp1 = -Math.Sqrt(1 - salp1 * salp1);
            }
            else
            {
                var k = Astroid(x, y);
                var omg12a = lamscale * (-x * k / (1 + k));
                somg12 = Math.Sin(omg12a);
                comg12 = -Math.Cos(omg12a);
                salp1 = cbet2 * somg12;
                calp1 = sbet12a - cbet2 * sbet1 * somg12 * somg12 / (1 - comg12);
            }
        }

        if (!(salp1 <= 0))
        {
            AngleMath.Norm(ref salp1, ref calp1);
        }
        else
        {
            salp1 = 1;
            calp1 = 0;
        }
        return sig12;
    }

    /// <summary>
    /// The longitude difference λ12 reached by the geodesic leaving point 1 at azimuth alpha1, minus the
    /// target (so the root is the solution), with its derivative dλ12/dα1 for Newton's method.
    /// </summary>
    private static double Lambda12(double sbet1, double cbet1, double dn1, double sbet2, double cbet2, double dn2,
        double salp1, double calp1, double slam120, double clam120,
        out double salp2, out double calp2, out double sig12,
        out double ssig1, out double csig1, out double ssig2, out double csig2, out double eps,
        bool diffp, out double dlam12, Span<double> ca)
    {
        if (sbet1 == 0 && calp1 == 0)
        {
            // Break the degeneracy of equatorial lines.
            calp1 = -Tiny;
        }
        var salp0 = salp1 * cbet1;
        var calp0 = double.Hypot(calp1, salp1 * sbet1);

        ssig1 = sbet1;
        var somg1 = salp0 * sbet1;
        csig1 = calp1 * cbet1;
        var comg1 = csig1;
        AngleMath.Norm(ref ssig1, ref csig1);

        salp2 = cbet2 != cbet1 ? salp0 / cbet2 : salp1;
        calp2 = cbet2 != cbet1 || Math.Abs(sbet2) != -sbet1
            ? Math.Sqrt(calp1 * cbet1 * (calp1 * cbet1)
                + (cbet1 < -sbet1 ? (cbet2 - cbet1) * (cbet1 + cbet2) : (sbet1 - sbet2) * (sbet1 + sbet2))) / cbet2
            : Math.Abs(calp1);

        ssig2 = sbet2;
        var somg2 = salp0 * sbet2;
        csig2 = calp2 * cbet2;
        var comg2 = csig2;
        AngleMath.Norm(ref ssig2, ref csig2);

        sig12 = Math.Atan2(Math.Max(0, csig1 * ssig2 - ssig1 * csig2), csig1 * csig2 + ssig1 * ssig2);
        var somg12 = Math.Max(0, comg1 * somg2 - somg1 * comg2);
        var comg12 = comg1 * comg2 + somg1 * somg2;
        var eta = Math.Atan2(somg12 * clam120 - comg12 * slam120, comg12 * clam120 + somg12 * slam120);

        var k2 = calp0 * calp0 * Ep2;
        eps = k2 / (2 * (1 + Math.Sqrt(1 + k2)) + k2);
        C3(eps, ca);
        var b312 = SinSeries(ssig2, csig2, ca, NC3 - 1) - SinSeries(ssig1, csig1, ca, NC3 - 1);
        var domg12 = -Wgs84.F * A3(eps) * salp0 * (sig12 + b312);
        var lam12 = eta + domg12;

        dlam12 = 0;
        if (diffp)
        {
            if (calp2 == 0)
            {
                dlam12 = -2 * F1 * dn1 / sbet1;
            }
            else
            {
                Lengths(eps, sig12, ssig1, csig1, dn1, ssig2, csig2, dn2, out _, out dlam12, out _, ca);
                dlam12 *= F1 / (calp2 * cbet2);
            }
        }
        return lam12;
    }
}
