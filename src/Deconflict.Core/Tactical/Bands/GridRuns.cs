namespace Deconflict.Core.Tactical.Bands;

/// <summary>
/// From a grid of conflict-free flags to NONE intervals, as DAIDALUS turns integer bands into real ones:
/// a single free target between two conflicting ones is no band, and runs are closed at their end targets.
/// </summary>
internal static class GridRuns
{
    /// <summary>
    /// NONE intervals from a grid of free flags: each run of at least two consecutive free targets
    /// (index <c>first + i</c>, value <c>origin + index × step</c>) spans its end values, clamped to the range;
    /// on the track circle intervals are taken modulo 360 and split at north.
    /// </summary>
    public static List<(double Lo, double Hi)> Runs(bool[] free, int first, double origin, double step, double lo, double hi, bool circular)
    {
        var result = new List<(double Lo, double Hi)>();
        var i = 0;
        while (i < free.Length)
        {
            if (!free[i])
            {
                i++;
                continue;
            }
            var start = i;
            while (i + 1 < free.Length && free[i + 1])
            {
                i++;
            }
            var end = i;
            i++;
            if (end == start)
            {
                continue;
            }
            var a = origin + ((first + start) * step);
            var b = origin + ((first + end) * step);
            if (circular)
            {
                AddCircular(result, a, b);
            }
            else
            {
                a = Math.Max(lo, a);
                b = Math.Min(hi, b);
                if (Almost.Less(a, b))
                {
                    result.Add((a, b));
                }
            }
        }
        return Merge(result);
    }

    private static void AddCircular(List<(double Lo, double Hi)> into, double a, double b)
    {
        if (b - a >= 360 || Almost.Equal(b - a, 360))
        {
            into.Add((0, 360));
            return;
        }
        a = Modulo360(a);
        b = Modulo360(b);
        if (a < b)
        {
            into.Add((a, b));
        }
        else
        {
            into.Add((a, 360));
            into.Add((0, b));
        }
    }

    private static double Modulo360(double x)
    {
        var m = x % 360;
        return m < 0 ? m + 360 : m;
    }

    private static List<(double Lo, double Hi)> Merge(List<(double Lo, double Hi)> intervals)
    {
        intervals.Sort();
        var merged = new List<(double Lo, double Hi)>(intervals.Count);
        foreach (var (lo, hi) in intervals)
        {
            if (!(hi > lo) || Almost.Equal(lo, hi))
            {
                continue;
            }
            if (merged.Count > 0 && lo <= merged[^1].Hi + 1e-9)
            {
                merged[^1] = (merged[^1].Lo, Math.Max(merged[^1].Hi, hi));
            }
            else
            {
                merged.Add((lo, hi));
            }
        }
        return merged;
    }
}
