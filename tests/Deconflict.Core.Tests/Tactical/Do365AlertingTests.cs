using Deconflict.Core.Tactical;
using Deconflict.Testing;

namespace Deconflict.Core.Tests.Tactical;

/// <summary>DO-365B alert levels agree with NASA DAIDALUS's on every pair of every reference set.</summary>
public class Do365AlertingTests
{
    public static TheoryData<string> ReferenceSets() =>
        [.. Directory.GetFiles(RepoPaths.Reference(), "*.do365.csv").Select(f => Path.GetFileName(f)[..^".do365.csv".Length]).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ReferenceSets))]
    public void Alert_levels_agree_with_daidalus(string set)
    {
        var traffic = TrafficCsv.Read(RepoPaths.Reference(set + ".tracks.csv"));
        var row = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < traffic.Count; i++)
        {
            row[traffic.Ids[i]] = i;
        }
        var lines = File.ReadAllLines(RepoPaths.Reference(set + ".do365.csv")).Skip(1).Where(l => l.Length > 0).ToList();
        lines.ShouldNotBeEmpty();
        var wrong = new List<string>();
        foreach (var line in lines)
        {
            var f = line.Split(',');
            int a = row[f[0]], b = row[f[1]];
            // The aircraft that comes first in the tracks file is the ownship.
            var level = Do365Alerting.Level(traffic, Math.Min(a, b), Math.Max(a, b));
            if (level != int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture))
            {
                wrong.Add($"{line}: got {level}");
            }
        }
        wrong.ShouldBeEmpty();
    }
}
