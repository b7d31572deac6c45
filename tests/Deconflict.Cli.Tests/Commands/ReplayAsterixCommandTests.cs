using Deconflict.Testing;

namespace Deconflict.Cli.Tests.Commands;

/// <summary><c>gen asterix</c> and <c>replay --asterix</c> end to end, and their input errors.</summary>
public sealed class ReplayAsterixCommandTests : IDisposable
{
    private readonly string _dir = TacticalCli.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("21", "feed.pcap")]
    [InlineData("62", "feed.ast")]
    [InlineData("48", "feed.pcap")]
    public void A_recording_written_as_asterix_replays_with_every_report(string category, string name)
    {
        var feed = Path.Combine(_dir, name);
        var g = TacticalCli.Run("gen", "asterix", "--reports", RepoPaths.Data("tls-lhr_2024-06-06.reports.csv"), "--cat", category, "--radar", "50,1,300", "--out", feed);
        g.ExitCode.ShouldBe(0, g.Stderr);
        var alerts = Path.Combine(_dir, "alerts.csv");
        var r = TacticalCli.Run("replay", "--asterix", feed, "--radar", "0/1=50,1,300", "--date", "2024-06-06", "--out", alerts);
        r.ExitCode.ShouldBe(0, r.Stderr);
        // Surface reports have no altitude in the recording and are still reports.
        r.Stdout.ShouldContain("replayed 13,465 reports of 9 aircraft");
        r.Stdout.ShouldContain("0 bad blocks, 0 bad records, 0 bad items");
        File.ReadAllLines(alerts)[0].ShouldBe("id1,id2,alert_t_s,level,los_t_s,los_end_t_s,cleared_t_s");
    }

    [Theory]
    [InlineData("--radar", "1=50,1")]
    [InlineData("--radar", "0/1=95,1")]
    [InlineData("--date", "06/06/2024")]
    public void A_bad_option_is_refused_with_exit_code_2(string option, string value)
    {
        var r = TacticalCli.Run("replay", "--asterix", RepoPaths.Data("croatiacontrol_cat21_re.ast"), option, value);
        r.ExitCode.ShouldBe(2);
        r.Stderr.ShouldStartWith("error: option '" + option + "'");
    }
}
