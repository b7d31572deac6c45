using System.Globalization;

namespace Deconflict.Core.Tactical;

/// <summary>
/// Writes detected conflicts in the conflicts format: <c>id1,id2,t_in_s,t_out_s</c> followed by the closest
/// approach (<c>t_cpa_s,h_cpa_nm,v_cpa_ft</c>), id1 &lt; id2 by ordinal comparison, rows sorted by (id1, id2),
/// three decimals.
/// </summary>
public static class ConflictCsv
{
    public const string Header = "id1,id2,t_in_s,t_out_s,t_cpa_s,h_cpa_nm,v_cpa_ft";

    /// <summary>Orders the rows by the pair's ids (ordinal), as the format requires.</summary>
    public static TacticalConflict[] SortByIds(TrafficSnapshot snapshot, IReadOnlyList<TacticalConflict> conflicts)
    {
        var rows = new TacticalConflict[conflicts.Count];
        var ids = snapshot.Ids;
        for (var k = 0; k < rows.Length; k++)
        {
            var c = conflicts[k];
            rows[k] = string.CompareOrdinal(ids[c.Index1], ids[c.Index2]) <= 0 ? c : c with { Index1 = c.Index2, Index2 = c.Index1 };
        }
        Array.Sort(rows, (a, b) =>
        {
            var d = string.CompareOrdinal(ids[a.Index1], ids[b.Index1]);
            return d != 0 ? d : string.CompareOrdinal(ids[a.Index2], ids[b.Index2]);
        });
        return rows;
    }

    /// <summary>Writes the conflicts sorted by ids; with <paramref name="alertLevel"/>, an <c>alert_level</c> column from it (snapshot rows of the pair, ownship first).</summary>
    public static void Write(TextWriter writer, TrafficSnapshot snapshot, IReadOnlyList<TacticalConflict> conflicts, Func<int, int, int>? alertLevel = null)
    {
        writer.Write(Header);
        writer.Write(alertLevel is null ? "\n" : ",alert_level\n");
        var ids = snapshot.Ids;
        foreach (var c in SortByIds(snapshot, conflicts))
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{ids[c.Index1]},{ids[c.Index2]},{c.TInS:F3},{c.TOutS:F3},{c.TCpaS:F3},{c.HCpaNm:F3},{c.VCpaFt:F3}"));
            writer.Write(alertLevel is null ? "\n"
                : string.Create(CultureInfo.InvariantCulture, $",{alertLevel(Math.Min(c.Index1, c.Index2), Math.Max(c.Index1, c.Index2))}\n"));
        }
    }
}
