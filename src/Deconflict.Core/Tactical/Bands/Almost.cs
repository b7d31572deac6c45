namespace Deconflict.Core.Tactical.Bands;

/// <summary>
/// Comparisons with a relative tolerance of about 13 significant digits (16384 units in the last place),
/// the tolerance DAIDALUS uses, so a pair exactly at a threshold (two level aircraft 1000 ft apart, whose
/// difference in metres rounds either way) is decided the same way every time: not a loss of separation.
/// </summary>
internal static class Almost
{
    private const long Ulps = 16384;

    public static bool Equal(double a, double b)
    {
        if (a == b)
        {
            return true;
        }
        if (!double.IsFinite(a) || !double.IsFinite(b))
        {
            return false;
        }
        var ia = Ordered(a);
        var ib = Ordered(b);
        var d = ia > ib ? (ulong)(ia - ib) : (ulong)(ib - ia);
        return d <= Ulps;
    }

    public static bool Less(double a, double b) => a < b && !Equal(a, b);

    // Maps doubles onto integers in the same order, so adjacent doubles differ by one.
    private static long Ordered(double x)
    {
        var i = BitConverter.DoubleToInt64Bits(x);
        return i < 0 ? long.MinValue - i : i;
    }
}
