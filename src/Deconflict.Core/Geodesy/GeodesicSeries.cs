namespace Deconflict.Core.Geodesy;

/// <summary>
/// The series of Karney (2013), "Algorithms for geodesics", J. Geodesy 87:43–55, carried to order 6
/// in the small parameters ε and n, which keeps the truncation error near the round-off of doubles
/// for the Earth's flattening. Arrays of coefficients are indexed from 1 (index 0 is unused) to
/// match the paper's C_l notation.
/// </summary>
internal static class GeodesicSeries
{
    public const int Order = 6;
    public const int NC3 = Order; // C3 has Order-1 terms (l = 1..5)

    public static readonly double N = Wgs84.F / (2 - Wgs84.F);
    public static readonly double Ep2 = Wgs84.E2 / (1 - Wgs84.E2);
    public const double F1 = 1 - Wgs84.F;

    // A3 as a polynomial in eps, coefficients depending on n (eq. 24).
    private static readonly double[] A3x =
    [
        1.0,
        (N - 1) / 2,
        ((3 * N - 1) * N - 2) / 8,
        ((-N - 3) * N - 1) / 16,
        (-2 * N - 3) / 64,
        -3.0 / 128,
    ];

    // C3[l][k]: coefficient of eps^k in C3_l (eq. 25), l = 1..5, k = l..5.
    private static readonly double[,] C3x = BuildC3();

    private static double[,] BuildC3()
    {
        var n = N;
        var c = new double[NC3, NC3];
        c[1, 1] = (1 - n) / 4;
        c[1, 2] = (1 - n * n) / 8;
        c[1, 3] = ((-n + 3) * n + 3) / 64;
        c[1, 4] = (2 * n + 5) / 128;
        c[1, 5] = 3.0 / 128;
        c[2, 2] = ((n - 3) * n + 2) / 32;
        c[2, 3] = ((-3 * n - 2) * n + 3) / 64;
        c[2, 4] = (n + 3) / 128;
        c[2, 5] = 5.0 / 256;
        c[3, 3] = ((5 * n - 9) * n + 5) / 192;
        c[3, 4] = (-10 * n + 9) / 384;
        c[3, 5] = 7.0 / 512;
        c[4, 4] = (-14 * n + 7) / 512;
        c[4, 5] = 7.0 / 512;
        c[5, 5] = 21.0 / 2560;
        return c;
    }

    /// <summary>A1 - 1 (eq. 17).</summary>
    public static double A1m1(double eps)
    {
        var e2 = eps * eps;
        var t = e2 * (1.0 / 4 + e2 * (1.0 / 64 + e2 / 256));
        return (t + eps) / (1 - eps);
    }

    /// <summary>C1_l (eq. 18), l = 1..6.</summary>
    public static void C1(double eps, Span<double> c)
    {
        var e2 = eps * eps;
        var d = eps;
        c[1] = d * ((-e2 + 6) * e2 - 16) / 32;
        d *= eps;
        c[2] = d * ((-9 * e2 + 64) * e2 - 128) / 2048;
        d *= eps;
        c[3] = d * (9 * e2 - 16) / 768;
        d *= eps;
        c[4] = d * (3 * e2 - 5) / 512;
        d *= eps;
        c[5] = d * -7 / 1280;
        d *= eps;
        c[6] = d * -7 / 2048;
    }

    /// <summary>C1'_l, the coefficients of the reverted series (eq. 21), l = 1..6.</summary>
    public static void C1p(double eps, Span<double> c)
    {
        var e2 = eps * eps;
        var d = eps;
        c[1] = d * ((205 * e2 - 432) * e2 + 768) / 1536;
        d *= eps;
        c[2] = d * ((4005 * e2 - 4736) * e2 + 3840) / 12288;
        d *= eps;
        c[3] = d * (-225 * e2 + 116) / 384;
        d *= eps;
        c[4] = d * (-7173 * e2 + 2695) / 7680;
        d *= eps;
        c[5] = d * 3467 / 7680;
        d *= eps;
        c[6] = d * 38081 / 61440;
    }

    /// <summary>A2 - 1 (eq. 42).</summary>
    public static double A2m1(double eps)
    {
        var e2 = eps * eps;
        var t = e2 * (-192 + e2 * (-28 + e2 * -11)) / 256;
        return (t - eps) / (1 + eps);
    }

    /// <summary>C2_l (eq. 43), l = 1..6.</summary>
    public static void C2(double eps, Span<double> c)
    {
        var e2 = eps * eps;
        var d = eps;
        c[1] = d * ((e2 + 2) * e2 + 16) / 32;
        d *= eps;
        c[2] = d * ((35 * e2 + 64) * e2 + 384) / 2048;
        d *= eps;
        c[3] = d * (15 * e2 + 80) / 768;
        d *= eps;
        c[4] = d * (7 * e2 + 35) / 512;
        d *= eps;
        c[5] = d * 63 / 1280;
        d *= eps;
        c[6] = d * 77 / 2048;
    }

    /// <summary>A3 (eq. 24).</summary>
    public static double A3(double eps)
    {
        var v = 0.0;
        for (var k = A3x.Length - 1; k >= 0; k--)
        {
            v = v * eps + A3x[k];
        }
        return v;
    }

    /// <summary>C3_l (eq. 25), l = 1..5.</summary>
    public static void C3(double eps, Span<double> c)
    {
        for (var l = 1; l < NC3; l++)
        {
            var v = 0.0;
            for (var k = NC3 - 1; k >= l; k--)
            {
                v = v * eps + C3x[l, k];
            }
            c[l] = v * Pow(eps, l);
        }
    }

    private static double Pow(double x, int k)
    {
        var p = 1.0;
        for (var i = 0; i < k; i++)
        {
            p *= x;
        }
        return p;
    }

    /// <summary>
    /// Evaluates sum_{l=1..n} c[l] sin(2 l x) (Clenshaw summation), given sin x and cos x.
    /// </summary>
    public static double SinSeries(double sinx, double cosx, ReadOnlySpan<double> c, int n)
    {
        var k = n + 1;
        var ar = 2 * (cosx - sinx) * (cosx + sinx);
        var y0 = (n & 1) != 0 ? c[--k] : 0.0;
        var y1 = 0.0;
        for (var m = n / 2; m > 0; m--)
        {
            y1 = ar * y0 - y1 + c[--k];
            y0 = ar * y1 - y0 + c[--k];
        }
        return 2 * sinx * cosx * y0;
    }
}
