using Deconflict.Core.Geodesy;

namespace Deconflict.Core.Coordinates;

/// <summary>
/// Transverse Mercator on WGS-84 by Krüger's series in the third flattening n, to order n⁶
/// (Karney 2011, "Transverse Mercator with an accuracy of a few nanometers"): within a UTM zone and well beyond
/// it the error is below a millimetre, unlike the older Redfearn/USGS formulas (centimetres at the zone edge).
/// </summary>
public static class TransverseMercator
{
    public const double UtmScale = 0.9996;
    public const double UtmFalseEasting = 500_000;
    public const double UtmFalseNorthingSouth = 10_000_000;

    private static readonly double N = Wgs84.F / (2 - Wgs84.F);
    private static readonly double E = Math.Sqrt(Wgs84.E2);
    private static readonly double RectifyingRadius = RectifyingRadiusOf(N);
    private static readonly double[] Alpha = AlphaOf(N);
    private static readonly double[] Beta = BetaOf(N);

    /// <summary>Projects to (x east, y north) in metres from the central meridian and equator, unscaled by false origins.</summary>
    public static (double X, double Y) Forward(double latDeg, double lonDeg, double centralMeridianDeg, double scale)
    {
        var phi = double.DegreesToRadians(latDeg);
        var lambda = double.DegreesToRadians(NormalizeLongitude(lonDeg - centralMeridianDeg));
        var sinPhi = Math.Sin(phi);
        var t = Math.Abs(latDeg) >= 90 ? Math.CopySign(double.PositiveInfinity, latDeg)
            : Math.Sinh(Math.Atanh(sinPhi) - (E * Math.Atanh(E * sinPhi)));
        var xiPrime = Math.Atan2(t, Math.Cos(lambda));
        var etaPrime = Math.Atanh(Math.Sin(lambda) / Math.Sqrt(1 + (t * t)));
        if (double.IsInfinity(t))
        {
            xiPrime = Math.CopySign(Math.PI / 2, t);
            etaPrime = 0;
        }
        var xi = xiPrime;
        var eta = etaPrime;
        for (var j = 1; j <= 6; j++)
        {
            xi += Alpha[j] * Math.Sin(2 * j * xiPrime) * Math.Cosh(2 * j * etaPrime);
            eta += Alpha[j] * Math.Cos(2 * j * xiPrime) * Math.Sinh(2 * j * etaPrime);
        }
        return (scale * RectifyingRadius * eta, scale * RectifyingRadius * xi);
    }

    /// <summary>The inverse of <see cref="Forward"/>.</summary>
    public static (double LatDeg, double LonDeg) Inverse(double x, double y, double centralMeridianDeg, double scale)
    {
        var xi = y / (scale * RectifyingRadius);
        var eta = x / (scale * RectifyingRadius);
        var xiPrime = xi;
        var etaPrime = eta;
        for (var j = 1; j <= 6; j++)
        {
            xiPrime -= Beta[j] * Math.Sin(2 * j * xi) * Math.Cosh(2 * j * eta);
            etaPrime -= Beta[j] * Math.Cos(2 * j * xi) * Math.Sinh(2 * j * eta);
        }
        var sinhEta = Math.Sinh(etaPrime);
        var cosXi = Math.Cos(xiPrime);
        var tauPrime = Math.Sin(xiPrime) / Math.Sqrt((sinhEta * sinhEta) + (cosXi * cosXi));
        var lambda = Math.Atan2(sinhEta, cosXi);
        var phi = Math.Atan(TauFromConformal(tauPrime));
        return (double.RadiansToDegrees(phi), NormalizeLongitude(centralMeridianDeg + double.RadiansToDegrees(lambda)));
    }

    /// <summary>Solves tan φ from the tangent of the conformal latitude by Newton's method (converges in 2–3 steps).</summary>
    internal static double TauFromConformal(double tauPrime)
    {
        var oneMinusE2 = 1 - Wgs84.E2;
        var tau = tauPrime / oneMinusE2;
        for (var i = 0; i < 10; i++)
        {
            var sqrtTau = Math.Sqrt(1 + (tau * tau));
            var sigma = Math.Sinh(E * Math.Atanh(E * tau / sqrtTau));
            var tauPrimeI = (tau * Math.Sqrt(1 + (sigma * sigma))) - (sigma * sqrtTau);
            var delta = (tauPrime - tauPrimeI) / Math.Sqrt(1 + (tauPrimeI * tauPrimeI))
                * (1 + (oneMinusE2 * tau * tau)) / (oneMinusE2 * sqrtTau);
            tau += delta;
            if (Math.Abs(delta) <= 1e-14 * Math.Max(1, Math.Abs(tau)))
            {
                break;
            }
        }
        return tau;
    }

    internal static double NormalizeLongitude(double lonDeg)
    {
        var x = Math.IEEERemainder(lonDeg, 360);
        return x == 180 ? -180 : x;
    }

    private static double RectifyingRadiusOf(double n)
    {
        var n2 = n * n;
        return Wgs84.A / (1 + n) * (1 + (n2 / 4) + (n2 * n2 / 64) + (n2 * n2 * n2 / 256));
    }

    private static double[] AlphaOf(double n)
    {
        double n2 = n * n, n3 = n2 * n, n4 = n3 * n, n5 = n4 * n, n6 = n5 * n;
        return
        [
            0,
            (n / 2) - (2 * n2 / 3) + (5 * n3 / 16) + (41 * n4 / 180) - (127 * n5 / 288) + (7891 * n6 / 37800),
            (13 * n2 / 48) - (3 * n3 / 5) + (557 * n4 / 1440) + (281 * n5 / 630) - (1983433 * n6 / 1935360),
            (61 * n3 / 240) - (103 * n4 / 140) + (15061 * n5 / 26880) + (167603 * n6 / 181440),
            (49561 * n4 / 161280) - (179 * n5 / 168) + (6601661 * n6 / 7257600),
            (34729 * n5 / 80640) - (3418889 * n6 / 1995840),
            212378941 * n6 / 319334400,
        ];
    }

    private static double[] BetaOf(double n)
    {
        double n2 = n * n, n3 = n2 * n, n4 = n3 * n, n5 = n4 * n, n6 = n5 * n;
        return
        [
            0,
            (n / 2) - (2 * n2 / 3) + (37 * n3 / 96) - (n4 / 360) - (81 * n5 / 512) + (96199 * n6 / 604800),
            (n2 / 48) + (n3 / 15) - (437 * n4 / 1440) + (46 * n5 / 105) - (1118711 * n6 / 3870720),
            (17 * n3 / 480) - (37 * n4 / 840) - (209 * n5 / 4480) + (5569 * n6 / 90720),
            (4397 * n4 / 161280) - (11 * n5 / 504) - (830251 * n6 / 7257600),
            (4583 * n5 / 161280) - (108847 * n6 / 3991680),
            20648693 * n6 / 638668800,
        ];
    }
}
