using System.Numerics;

namespace Deconflict.Core.Strategic.Geometry;

/// <summary>
/// The exact sign of the planar orientation determinant of three double-precision points. A sweep over segments
/// orders them by these signs, and one wrong sign near a degenerate configuration can make that order inconsistent,
/// so the floating-point value is trusted only outside its worst-case rounding error (Shewchuk's first filter);
/// inside it the determinant is evaluated exactly on the binary values of the inputs.
/// </summary>
internal static class ExactOrientation
{
    // (3 + 16ε)ε with ε = 2^-53: the bound on the rounding error of the two products and their difference.
    private const double ErrorBound = (3.0 + (16.0 * 1.1102230246251565e-16)) * 1.1102230246251565e-16;

    /// <summary>+1 when C is left of the directed line A→B, -1 when right, 0 when the three points are collinear.</summary>
    public static int Sign(double ax, double ay, double bx, double by, double cx, double cy)
    {
        var left = (bx - ax) * (cy - ay);
        var right = (by - ay) * (cx - ax);
        var det = left - right;
        var bound = ErrorBound * (Math.Abs(left) + Math.Abs(right));
        if (det > bound)
        {
            return 1;
        }
        if (-det > bound)
        {
            return -1;
        }
        // Two of the points equal, or both products exactly zero: collinear without any rounding.
        if ((cx == bx && cy == by) || (cx == ax && cy == ay) || (bx == ax && by == ay)
            || ((bx == ax || cy == ay) && (by == ay || cx == ax)))
        {
            return 0;
        }
        return ExactSign(ax, ay, bx, by, cx, cy);
    }

    private static int ExactSign(double ax, double ay, double bx, double by, double cx, double cy)
    {
        var (xa, ya, xb, yb, xc, yc) = (Scaled(ax), Scaled(ay), Scaled(bx), Scaled(by), Scaled(cx), Scaled(cy));
        return (((xb - xa) * (yc - ya)) - ((yb - ya) * (xc - xa))).Sign;
    }

    /// <summary>The double times 2^1074, which is an integer for every finite double (subnormals included).</summary>
    private static BigInteger Scaled(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        var magnitude = exponent == 0
            ? new BigInteger(mantissa)
            : new BigInteger(mantissa | (1L << 52)) << (exponent - 1);
        return bits < 0 ? -magnitude : magnitude;
    }
}
