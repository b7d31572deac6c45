using System.Globalization;

namespace Deconflict.Core.Tests.Tactical;

/// <summary>
/// The comparison of FORMAT.md (and compare_conflicts.py): no missed non-borderline oracle conflict, no
/// extra pair that is neither an oracle conflict nor borderline, times within a tolerance for matched
/// non-borderline pairs, and a well-formed candidate (header, id1 &lt; id2, sorted, no duplicates, numbers).
/// </summary>
internal sealed record ConflictComparison(
    int Matched, IReadOnlyList<string> Missed, IReadOnlyList<string> Extra, IReadOnlyList<string> TimingMismatch, IReadOnlyList<string> FormatProblems)
{
    public bool Passed => Missed.Count == 0 && Extra.Count == 0 && TimingMismatch.Count == 0 && FormatProblems.Count == 0;

    public override string ToString() =>
        $"matched={Matched} missed=[{string.Join("; ", Missed)}] extra=[{string.Join("; ", Extra)}] " +
        $"timing=[{string.Join("; ", TimingMismatch)}] format=[{string.Join("; ", FormatProblems)}]";

    private sealed record OracleRow(bool Conflict, double? TIn, double? TOut, bool Borderline);

    public static ConflictComparison Compare(string oracleCsv, string candidateCsv, double tolS = 2.0)
    {
        var oracleLines = Lines(oracleCsv);
        if (oracleLines.Count == 0 || oracleLines[0] != "id1,id2,conflict,t_in_s,t_out_s,borderline")
        {
            throw new InvalidDataException("bad oracle header");
        }
        var oracle = new Dictionary<(string, string), OracleRow>();
        foreach (var line in oracleLines.Skip(1))
        {
            var r = line.Split(',').Select(c => c.Trim()).ToArray();
            var key = Key(r[0], r[1]);
            oracle[key] = new OracleRow(r[2] == "1", Number(r[3]), Number(r[4]), r[5] is not ("" or "0"));
        }

        var format = new List<string>();
        var candLines = Lines(candidateCsv);
        var header = candLines.Count > 0 ? candLines[0].Split(',').Select(c => c.Trim()).ToArray() : [];
        if (header.Length < 4 || !header.Take(4).SequenceEqual(["id1", "id2", "t_in_s", "t_out_s"]))
        {
            format.Add($"header {string.Join(",", header)}");
        }
        var candidate = new Dictionary<(string, string), (double? TIn, double? TOut)>();
        (string, string)? previous = null;
        for (var k = 1; k < candLines.Count; k++)
        {
            var ln = k + 1;
            var r = candLines[k].Split(',').Select(c => c.Trim()).ToArray();
            if (r.Length < 4)
            {
                format.Add($"line {ln}: {r.Length} columns");
                continue;
            }
            if (string.CompareOrdinal(r[0], r[1]) >= 0)
            {
                format.Add($"line {ln}: id1 >= id2 ({r[0]},{r[1]})");
            }
            var key = Key(r[0], r[1]);
            if (previous is { } p && Less(key, p))
            {
                format.Add($"line {ln}: rows not sorted by (id1,id2)");
            }
            previous = key;
            if (candidate.ContainsKey(key))
            {
                format.Add($"line {ln}: duplicate pair {key.Item1},{key.Item2}");
            }
            var (tIn, tOut) = (Number(r[2]), Number(r[3]));
            if (tIn is null || tOut is null)
            {
                format.Add($"line {ln}: unparsable times");
            }
            candidate[key] = (tIn, tOut);
        }

        var matched = 0;
        var missed = new List<string>();
        var extra = new List<string>();
        var timing = new List<string>();
        foreach (var (key, o) in oracle)
        {
            if (!o.Conflict)
            {
                continue;
            }
            if (candidate.TryGetValue(key, out var c))
            {
                matched++;
                if (!o.Borderline && (c.TIn is not { } ci || c.TOut is not { } co || o.TIn is not { } oi || o.TOut is not { } oo
                    || Math.Abs(ci - oi) > tolS || Math.Abs(co - oo) > tolS))
                {
                    timing.Add($"{key.Item1},{key.Item2} oracle=({o.TIn},{o.TOut}) candidate=({c.TIn},{c.TOut})");
                }
            }
            else if (!o.Borderline)
            {
                missed.Add($"{key.Item1},{key.Item2}");
            }
        }
        foreach (var key in candidate.Keys)
        {
            if (!oracle.ContainsKey(key))
            {
                extra.Add($"{key.Item1},{key.Item2}");
            }
        }
        return new ConflictComparison(matched, missed, extra, timing, format);
    }

    private static List<string> Lines(string csv) =>
        csv.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Split(',').Any(c => c.Trim().Length > 0)).ToList();

    private static (string, string) Key(string a, string b)
    {
        a = a.Trim();
        b = b.Trim();
        return string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
    }

    private static bool Less((string, string) a, (string, string) b)
    {
        var c = string.CompareOrdinal(a.Item1, b.Item1);
        return c < 0 || (c == 0 && string.CompareOrdinal(a.Item2, b.Item2) < 0);
    }

    private static double? Number(string s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;
}
