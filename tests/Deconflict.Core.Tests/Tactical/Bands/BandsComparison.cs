using System.Globalization;

namespace Deconflict.Core.Tests.Tactical.Bands;

/// <summary>
/// The comparison of ../shared/reference/bands/compare_bands.py, written again: per (ownship, kind), merge
/// neighbours of one region (track on a circle), drop bands not wider than the tolerance (narrowest first;
/// neighbours merge or meet at its midpoint), then the region sequences must be identical (track up to
/// rotation) and every edge within the tolerance. The candidate must be well formed.
/// </summary>
internal static class BandsComparison
{
    private const double NarrowEps = 1e-6;
    private static readonly string[] Kinds = ["alt_ft", "gs_kt", "trk_deg", "vs_fpm"];
    private static readonly HashSet<string> Regions = ["NONE", "FAR", "MID", "NEAR", "RECOVERY"];

    public static IReadOnlyDictionary<string, double> DefaultTolerances { get; } =
        new Dictionary<string, double> { ["trk_deg"] = 1, ["gs_kt"] = 5, ["vs_fpm"] = 100, ["alt_ft"] = 100 };

    public sealed record Mismatch(string Ownship, string Kind, string Detail, bool InvolvesRecovery);

    public sealed record Result(int Compared, IReadOnlyList<string> FormatProblems, IReadOnlyList<string> MissingOwnships,
        IReadOnlyList<string> ExtraOwnships, IReadOnlyList<Mismatch> Mismatches)
    {
        public bool Passed => FormatProblems.Count == 0 && MissingOwnships.Count == 0 && ExtraOwnships.Count == 0 && Mismatches.Count == 0;

        public override string ToString() =>
            $"compared {Compared}, format {FormatProblems.Count} [{string.Join("; ", FormatProblems.Take(3))}], missing [{string.Join(" ", MissingOwnships.Take(5))}], " +
            $"extra [{string.Join(" ", ExtraOwnships.Take(5))}], mismatches {Mismatches.Count}: " + string.Join("; ", Mismatches.Take(5).Select(m => $"{m.Ownship} {m.Kind}: {m.Detail}"));
    }

    public static Result Compare(string referenceCsv, string candidateCsv, IReadOnlyDictionary<string, double>? tolerances = null)
    {
        tolerances ??= DefaultTolerances;
        var (reference, _) = Read(referenceCsv);
        var (candidate, problems) = Read(candidateCsv);
        var missing = reference.Keys.Except(candidate.Keys).Order(StringComparer.Ordinal).ToList();
        var extra = candidate.Keys.Except(reference.Keys).Order(StringComparer.Ordinal).ToList();
        var mismatches = new List<Mismatch>();
        var compared = 0;
        foreach (var own in reference.Keys.Intersect(candidate.Keys).Order(StringComparer.Ordinal))
        {
            foreach (var kind in Kinds)
            {
                var r = reference[own].GetValueOrDefault(kind);
                var c = candidate[own].GetValueOrDefault(kind);
                if (r is null && c is null)
                {
                    continue;
                }
                compared++;
                if (r is null || c is null)
                {
                    mismatches.Add(new Mismatch(own, kind, "kind present in only one file", false));
                    continue;
                }
                var detail = kind == "trk_deg" ? CompareCircular(r, c, tolerances[kind]) : CompareLinear(r, c, tolerances[kind]);
                if (detail is not null)
                {
                    mismatches.Add(new Mismatch(own, kind, detail, r.Concat(c).Any(b => b.Region == "RECOVERY")));
                }
            }
        }
        return new Result(compared, problems, missing, extra, mismatches);
    }

    private sealed record Iv(double Lo, double Hi, string Region)
    {
        public double Lo { get; set; } = Lo;

        public double Hi { get; set; } = Hi;
    }

    private static (Dictionary<string, Dictionary<string, List<Iv>>> Bands, List<string> Problems) Read(string csv)
    {
        var bands = new Dictionary<string, Dictionary<string, List<Iv>>>(StringComparer.Ordinal);
        var problems = new List<string>();
        var lines = csv.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "ownship,kind,lower,upper,region")
        {
            problems.Add($"header '{lines.FirstOrDefault()}'");
        }
        (string Own, string Kind, double Lo)? previous = null;
        for (var ln = 1; ln < lines.Length; ln++)
        {
            var line = lines[ln];
            if (line.Trim().Length == 0)
            {
                continue;
            }
            var f = line.Split(',').Select(x => x.Trim()).ToArray();
            if (f.Length != 5)
            {
                problems.Add($"line {ln + 1}: {f.Length} columns");
                continue;
            }
            if (!Kinds.Contains(f[1]) || !Regions.Contains(f[4]))
            {
                problems.Add($"line {ln + 1}: unknown kind or region");
                continue;
            }
            if (!double.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var lo) || !double.IsFinite(lo)
                || !double.TryParse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var hi) || !double.IsFinite(hi))
            {
                problems.Add($"line {ln + 1}: unparsable bound");
                continue;
            }
            if (lo > hi)
            {
                problems.Add($"line {ln + 1}: lower > upper");
            }
            var key = (f[0], f[1], lo);
            if (previous is { } p && Compare(key, p) < 0)
            {
                problems.Add($"line {ln + 1}: rows not sorted");
            }
            previous = key;
            if (!bands.TryGetValue(f[0], out var kinds))
            {
                bands[f[0]] = kinds = [];
            }
            if (!kinds.TryGetValue(f[1], out var list))
            {
                kinds[f[1]] = list = [];
            }
            if (list.Count > 0 && Math.Abs(list[^1].Hi - lo) > 0.01)
            {
                problems.Add($"line {ln + 1}: gap or overlap");
            }
            list.Add(new Iv(lo, hi, f[4]));
        }
        return (bands, problems);
    }

    private static int Compare((string Own, string Kind, double Lo) a, (string Own, string Kind, double Lo) b)
    {
        var c = string.CompareOrdinal(a.Own, b.Own);
        if (c != 0)
        {
            return c;
        }
        c = string.CompareOrdinal(a.Kind, b.Kind);
        return c != 0 ? c : a.Lo.CompareTo(b.Lo);
    }

    private static List<Iv> MergeSame(IEnumerable<Iv> ivs)
    {
        var output = new List<Iv>();
        foreach (var iv in ivs)
        {
            if (output.Count > 0 && output[^1].Region == iv.Region)
            {
                output[^1].Hi = iv.Hi;
            }
            else
            {
                output.Add(new Iv(iv.Lo, iv.Hi, iv.Region));
            }
        }
        return output;
    }

    private static List<Iv> NormalizeLinear(List<Iv> input, double tol)
    {
        var ivs = MergeSame(input.OrderBy(x => x.Lo));
        while (ivs.Count > 1)
        {
            var i = Enumerable.Range(0, ivs.Count).MinBy(k => ivs[k].Hi - ivs[k].Lo);
            var (lo, hi) = (ivs[i].Lo, ivs[i].Hi);
            if (hi - lo > tol + NarrowEps)
            {
                break;
            }
            if (i == 0)
            {
                ivs[1].Lo = lo;
                ivs.RemoveAt(0);
            }
            else if (i == ivs.Count - 1)
            {
                ivs[^2].Hi = hi;
                ivs.RemoveAt(ivs.Count - 1);
            }
            else if (ivs[i - 1].Region == ivs[i + 1].Region)
            {
                ivs[i - 1].Hi = ivs[i + 1].Hi;
                ivs.RemoveRange(i, 2);
            }
            else
            {
                var mid = (lo + hi) / 2;
                ivs[i - 1].Hi = mid;
                ivs[i + 1].Lo = mid;
                ivs.RemoveAt(i);
            }
            ivs = MergeSame(ivs);
        }
        return ivs;
    }

    private static string? CompareLinear(List<Iv> reference, List<Iv> candidate, double tol)
    {
        var r = NormalizeLinear(reference, tol);
        var c = NormalizeLinear(candidate, tol);
        if (!r.Select(x => x.Region).SequenceEqual(c.Select(x => x.Region)))
        {
            return $"region sequence differs: ref {Describe(r)} / cand {Describe(c)}";
        }
        double[] er = [r[0].Lo, .. r.Select(x => x.Hi)];
        double[] ec = [c[0].Lo, .. c.Select(x => x.Hi)];
        var dev = er.Zip(ec, (a, b) => Math.Abs(a - b)).Max();
        return dev <= tol + 1e-9 ? null : $"edge beyond tolerance by {dev:F4}: ref {Describe(r)} / cand {Describe(c)}";
    }

    // Arcs as (start, width, region) in circular order.
    private static List<Iv> NormalizeCircular(List<Iv> input, double tol)
    {
        const double mod = 360;
        var arcs = MergeSame(input.OrderBy(x => x.Lo)).Select(x => new Iv(((x.Lo % mod) + mod) % mod, x.Hi - x.Lo, x.Region)).ToList();
        arcs = MergeCircular(arcs);
        while (arcs.Count > 1)
        {
            var i = Enumerable.Range(0, arcs.Count).MinBy(k => arcs[k].Hi);
            var (start, width) = (arcs[i].Lo, arcs[i].Hi);
            if (width > tol + NarrowEps)
            {
                break;
            }
            var n = arcs.Count;
            if (n == 2)
            {
                arcs = [new Iv(0, mod, arcs[1 - i].Region)];
                break;
            }
            var left = arcs[(i - 1 + n) % n];
            var right = arcs[(i + 1) % n];
            if (left.Region == right.Region)
            {
                left.Hi += width + right.Hi;
                foreach (var idx in new[] { i, (i + 1) % n }.Distinct().OrderDescending())
                {
                    arcs.RemoveAt(idx);
                }
            }
            else
            {
                left.Hi += width / 2;
                right.Lo = (start + (width / 2)) % mod;
                right.Hi += width / 2;
                arcs.RemoveAt(i);
            }
            arcs = MergeCircular(arcs);
        }
        return arcs.Count == 1 ? [new Iv(0, mod, arcs[0].Region)] : arcs;
    }

    private static List<Iv> MergeCircular(List<Iv> arcs)
    {
        var output = new List<Iv>();
        foreach (var a in arcs)
        {
            if (output.Count > 0 && output[^1].Region == a.Region)
            {
                output[^1].Hi += a.Hi;
            }
            else
            {
                output.Add(new Iv(a.Lo, a.Hi, a.Region));
            }
        }
        if (output.Count > 1 && output[0].Region == output[^1].Region)
        {
            output[^1].Hi += output[0].Hi;
            output.RemoveAt(0);
        }
        return output;
    }

    private static string? CompareCircular(List<Iv> reference, List<Iv> candidate, double tol)
    {
        var ra = NormalizeCircular(reference, tol);
        var ca = NormalizeCircular(candidate, tol);
        if (ra.Count == 1 || ca.Count == 1)
        {
            return ra.Count == ca.Count && ra[0].Region == ca[0].Region ? null : $"region sequence differs: ref {Describe(ra)} / cand {Describe(ca)}";
        }
        if (ra.Count != ca.Count)
        {
            return $"region sequence differs: ref {Describe(ra)} / cand {Describe(ca)}";
        }
        var n = ra.Count;
        double? best = null;
        for (var rot = 0; rot < n; rot++)
        {
            if (Enumerable.Range(0, n).All(i => ra[i].Region == ca[(i + rot) % n].Region))
            {
                var dev = Enumerable.Range(0, n).Max(i => CircularDistance(ra[i].Lo, ca[(i + rot) % n].Lo));
                best = best is null ? dev : Math.Min(best.Value, dev);
            }
        }
        if (best is null)
        {
            return $"region sequence differs: ref {Describe(ra)} / cand {Describe(ca)}";
        }
        return best <= tol + 1e-9 ? null : $"edge beyond tolerance by {best:F4}: ref {Describe(ra)} / cand {Describe(ca)}";
    }

    private static double CircularDistance(double a, double b)
    {
        var d = Math.Abs(a - b) % 360;
        return Math.Min(d, 360 - d);
    }

    private static string Describe(List<Iv> ivs) =>
        "[" + string.Join(" ", ivs.Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Region}({x.Lo:F2},{x.Hi:F2})"))) + "]";
}
