namespace Deconflict.Core.Tests.Strategic;

/// <summary>
/// The comparison of ../shared/reference/strategic/compare_pairs.py: a result must contain every
/// non-borderline oracle conflict and no pair that is neither an oracle conflict nor borderline.
/// </summary>
internal sealed class OraclePairs
{
    private readonly HashSet<(string, string)> _conflicts = [];
    private readonly HashSet<(string, string)> _borderline = [];

    public static OraclePairs Load(string path)
    {
        var oracle = new OraclePairs();
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',').Select(h => h.Trim()).ToList();
        int i1 = header.IndexOf("id1"), i2 = header.IndexOf("id2"), ic = header.IndexOf("conflict"), ib = header.IndexOf("borderline");
        foreach (var line in lines.Skip(1).Where(l => l.Trim().Length > 0))
        {
            var cells = line.Split(',').Select(c => c.Trim()).ToArray();
            var pair = Normalise(cells[i1], cells[i2]);
            if (cells[ic] is "1" or "true" or "True")
            {
                oracle._conflicts.Add(pair);
            }
            if (cells[ib] is "1" or "true" or "True")
            {
                oracle._borderline.Add(pair);
            }
        }
        return oracle;
    }

    public int Conflicts => _conflicts.Count;

    public (List<(string, string)> Missed, List<(string, string)> Extra) Compare(IEnumerable<(string, string)> candidate)
    {
        var found = candidate.Select(p => Normalise(p.Item1, p.Item2)).ToHashSet();
        var missed = _conflicts.Where(p => !_borderline.Contains(p) && !found.Contains(p)).Order().ToList();
        var extra = found.Where(p => !_conflicts.Contains(p) && !_borderline.Contains(p)).Order().ToList();
        return (missed, extra);
    }

    private static (string, string) Normalise(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
}
