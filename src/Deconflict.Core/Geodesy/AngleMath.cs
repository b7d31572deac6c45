namespace Deconflict.Core.Geodesy;

/// <summary>
/// Angle arithmetic in degrees that stays exact where it matters: reduction to a quadrant before the
/// trigonometric call, so sin(180°) is exactly 0 and antimeridian differences lose no bits.
/// </summary>
internal static class AngleMath
{
    public const double Degree = Math.PI / 180.0;

    /// <summary>Error-free sum: returns s = u + v and sets t so that s + t = u + v exactly.</summary>
    public static double Sum(double u, double v, out double t)
    {
        var s = u + v;
        var up = s - v;
        var vpp = s - up;
        up -= u;
        vpp -= v;
        t = s != 0 ? 0.0 - (up + vpp) : s;
        return s;
    }

    /// <summary>Reduces an angle to [-180, 180].</summary>
    public static double Normalize(double x)
    {
        var y = Math.IEEERemainder(x, 360.0);
        return Math.Abs(y) == 180 ? Math.CopySign(180.0, x) : y;
    }

    /// <summary>The exact difference y - x reduced to [-180, 180], with its rounding error in e.</summary>
    public static double Diff(double x, double y, out double e)
    {
        var d = Sum(Math.IEEERemainder(-x, 360.0), Math.IEEERemainder(y, 360.0), out var t);
        d = Sum(Math.IEEERemainder(d, 360.0), t, out t);
        if (d == 0 || Math.Abs(d) == 180)
        {
            d = Math.CopySign(d, t == 0 ? y - x : -t);
        }
        e = t;
        return d;
    }

    /// <summary>Rounds tiny angles so that values below 1/16 lose their lowest bits (GeographicLib's AngRound).</summary>
    public static double Round(double x)
    {
        const double z = 1.0 / 16.0;
        var y = Math.Abs(x);
        var w = z - y;
        y = w > 0 ? z - w : y;
        return Math.CopySign(y, x);
    }

    /// <summary>Latitude checked to lie in [-90, 90]; NaN otherwise.</summary>
    public static double LatFix(double x) => Math.Abs(x) > 90 ? double.NaN : x;

    /// <summary>Sine and cosine of an angle in degrees, exact at multiples of 90°.</summary>
    public static void SinCosDeg(double x, out double s, out double c)
    {
        var r = Math.IEEERemainder(x, 360.0);
        var q = (int)Math.Round(r / 90.0, MidpointRounding.ToEven);
        r -= 90.0 * q;
        r *= Degree;
        var sr = Math.Sin(r);
        var cr = Math.Cos(r);
        switch (q & 3)
        {
            case 0: s = sr; c = cr; break;
            case 1: s = cr; c = -sr; break;
            case 2: s = -sr; c = -cr; break;
            default: s = -cr; c = sr; break;
        }
        c += 0.0;
        s = x == 0 ? x : s + 0.0;
    }

    /// <summary>atan2 in degrees with exact results at the quadrant boundaries, in [-180, 180].</summary>
    public static double Atan2Deg(double y, double x)
    {
        var q = 0;
        if (Math.Abs(y) > Math.Abs(x))
        {
            (x, y) = (y, x);
            q = 2;
        }
        if (double.IsNegative(x))
        {
            x = -x;
            ++q;
        }
        var ang = Math.Atan2(y, x) / Degree;
        return q switch
        {
            1 => Math.CopySign(180.0, y) - ang,
            2 => 90 - ang,
            3 => -90 + ang,
            _ => ang,
        };
    }

    /// <summary>Scales (x, y) to unit length.</summary>
    public static void Norm(ref double x, ref double y)
    {
        var r = double.Hypot(x, y);
        x /= r;
        y /= r;
    }
}
