using System.Globalization;
using System.Text.RegularExpressions;
using Deconflict.Core.Tactical;
using Deconflict.Testing;

namespace Deconflict.Core.Tests.Tactical;

public partial class ReferenceSetTests
{
    /// <summary>Every NAME.tracks.csv with a NAME.oracle.csv beside it, so new sets are picked up without code changes.</summary>
    public static TheoryData<string, EarthModel> Sets()
    {
        var data = new TheoryData<string, EarthModel>();
        foreach (var tracks in Directory.GetFiles(RepoPaths.Reference(), "*.tracks.csv").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(tracks)[..^".tracks.csv".Length];
            if (File.Exists(RepoPaths.Reference(name + ".oracle.csv")))
            {
                data.Add(name, EarthModel.DaidalusSphere);
                data.Add(name, EarthModel.Wgs84Midpoint);
            }
        }
        return data;
    }

    [Fact]
    public void Reference_sets_are_present()
    {
        Sets().Count.ShouldBeGreaterThanOrEqualTo(6);
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Detection_agrees_with_the_reference_oracle(string name, EarthModel model)
    {
        var snapshot = TrafficCsv.Read(RepoPaths.Reference(name + ".tracks.csv"));
        var detector = new TacticalDetector { EarthModel = model };
        var conflicts = new List<TacticalConflict>();
        detector.Detect(snapshot, MinimaFromName(name), conflicts);
        var output = new StringWriter();
        ConflictCsv.Write(output, snapshot, conflicts);

        var result = ConflictComparison.Compare(File.ReadAllText(RepoPaths.Reference(name + ".oracle.csv")), output.ToString());

        result.Passed.ShouldBeTrue(result.ToString());
        result.Matched.ShouldBeGreaterThan(0);
    }

    /// <summary>FORMAT.md: D = 5 NM, H = 1000 ft, T = 300 s "unless the file name says otherwise" (e.g. name-3nm-500ft-120s).</summary>
    internal static SeparationMinima MinimaFromName(string name)
    {
        var m = SeparationMinima.Default;
        if (NmPattern().Match(name) is { Success: true } nm)
        {
            m = m with { HorizontalNm = double.Parse(nm.Groups[1].Value, CultureInfo.InvariantCulture) };
        }
        if (FtPattern().Match(name) is { Success: true } ft)
        {
            m = m with { VerticalFt = double.Parse(ft.Groups[1].Value, CultureInfo.InvariantCulture) };
        }
        if (SecondsPattern().Match(name) is { Success: true } s)
        {
            m = m with { LookaheadS = double.Parse(s.Groups[1].Value, CultureInfo.InvariantCulture) };
        }
        return m;
    }

    [Fact]
    public void Minima_in_a_set_name_override_the_defaults()
    {
        MinimaFromName("dev-medium").ShouldBe(SeparationMinima.Default);
        MinimaFromName("tma-3nm-500ft-120s").ShouldBe(new SeparationMinima(3, 500, 120));
        MinimaFromName("x_D2.5nm").HorizontalNm.ShouldBe(2.5);
    }

    [GeneratedRegex(@"(?i)(?:^|[-_.])[dh]?(\d+(?:\.\d+)?)nm(?:$|[-_.])")]
    private static partial Regex NmPattern();

    [GeneratedRegex(@"(?i)(?:^|[-_.])[hv]?(\d+(?:\.\d+)?)ft(?:$|[-_.])")]
    private static partial Regex FtPattern();

    [GeneratedRegex(@"(?i)(?:^|[-_.])t?(\d+(?:\.\d+)?)s(?:$|[-_.])")]
    private static partial Regex SecondsPattern();
}
