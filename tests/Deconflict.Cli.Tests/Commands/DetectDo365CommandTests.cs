using Deconflict.Testing;

namespace Deconflict.Cli.Tests.Commands;

/// <summary><c>detect --alerting do365</c> gives every conflict DAIDALUS's DO-365B alert level from the reference sets.</summary>
public sealed class DetectDo365CommandTests : IDisposable
{
    private readonly string _dir = TacticalCli.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string> ReferenceSets() =>
        [.. Directory.GetFiles(RepoPaths.Reference(), "*.do365.csv").Select(f => Path.GetFileName(f)[..^".do365.csv".Length]).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ReferenceSets))]
    public void Every_conflicts_alert_level_is_daidalus_s(string set)
    {
        var outPath = Path.Combine(_dir, set + ".csv");
        var r = TacticalCli.Run("detect", "--tracks", RepoPaths.Reference(set + ".tracks.csv"), "--alerting", "do365", "--out", outPath);
        r.ExitCode.ShouldBe(0, r.Stderr);
        var lines = File.ReadAllLines(outPath);
        lines[0].ShouldBe("id1,id2,t_in_s,t_out_s,t_cpa_s,h_cpa_nm,v_cpa_ft,alert_level");
        var reference = File.ReadAllLines(RepoPaths.Reference(set + ".do365.csv")).Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(',')).ToDictionary(f => (string.CompareOrdinal(f[0], f[1]) < 0 ? (f[0], f[1]) : (f[1], f[0])), f => f[2]);
        var compared = 0;
        foreach (var f in lines.Skip(1).Select(l => l.Split(',')))
        {
            if (reference.TryGetValue((f[0], f[1]), out var level))
            {
                f[7].ShouldBe(level, $"{f[0]},{f[1]}");
                compared++;
            }
        }
        compared.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void An_unknown_alerting_scheme_is_refused_with_exit_code_2()
    {
        var r = TacticalCli.Run("detect", "--tracks", RepoPaths.Reference("dev-small.tracks.csv"), "--alerting", "tcas");
        r.ExitCode.ShouldBe(2);
        r.Stderr.ShouldContain("tcas");
    }
}
