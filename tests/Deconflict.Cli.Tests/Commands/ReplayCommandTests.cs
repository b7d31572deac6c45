using System.Diagnostics;
using System.Globalization;
using Deconflict.Cli.Commands;
using Deconflict.Core.Surveillance;
using Deconflict.Core.Tactical;
using Deconflict.Testing;

namespace Deconflict.Cli.Tests.Commands;

public sealed class ReplayCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("deconflict-replay-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string> Recordings() =>
    [
        "switzerland_2018-08-01_0900-1300Z.reports.csv",
        "switzerland_2018-08-01_0900-1300Z.sbs",
        "switzerland_2018-08-01_full.reports.csv.gz",
        "tls-lhr_2024-06-06.reports.csv",
        "tls-lhr_2024-06-06.sbs",
    ];

    private static ReplayCommand.ReplayOptions Options(string? reports = null, string? sbs = null, string? output = null, string? report = null) =>
        new(reports, sbs, 0, output, report, SeparationMinima.Default, 1, new AlertOptions(), 60);

    [Theory]
    [MemberData(nameof(Recordings))]
    public async Task Every_recording_replays_into_alert_episodes_and_a_report(string name)
    {
        var path = RepoPaths.Data(name);
        var csv = Path.Combine(_dir, "alerts.csv");
        var html = Path.Combine(_dir, "report.html");
        var o = name.Contains(".sbs", StringComparison.Ordinal) ? Options(sbs: path, output: csv, report: html) : Options(reports: path, output: csv, report: html);
        var stdout = new StringWriter();
        var code = await ReplayCommand.RunAsync(o, stdout, new StringWriter(), TestContext.Current.CancellationToken);
        code.ShouldBe(0);
        stdout.ToString().ShouldContain("reports/s");
        var lines = await File.ReadAllLinesAsync(csv, TestContext.Current.CancellationToken);
        lines[0].ShouldBe("id1,id2,alert_t_s,level,los_t_s,los_end_t_s,cleared_t_s");
        var previous = 0.0;
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            f.Length.ShouldBe(7);
            string.CompareOrdinal(f[0], f[1]).ShouldBeLessThan(0);
            var raised = double.Parse(f[2], CultureInfo.InvariantCulture);
            raised.ShouldBeGreaterThanOrEqualTo(previous);
            previous = raised;
            f[3].ShouldBeOneOf("caution", "warning");
            double.Parse(f[5], CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(double.Parse(f[4], CultureInfo.InvariantCulture));
            if (f[6].Length > 0)
            {
                double.Parse(f[6], CultureInfo.InvariantCulture).ShouldBeGreaterThan(raised);
            }
        }
        if (name.StartsWith("switzerland", StringComparison.Ordinal))
        {
            lines.Length.ShouldBeGreaterThan(40);
        }
        var page = await File.ReadAllTextAsync(html, TestContext.Current.CancellationToken);
        page.ShouldStartWith("<!DOCTYPE html>");
        page.Split("<svg").Length.ShouldBe(3);
        page.ShouldNotContain("<script");
        // Self-contained: the only URL is the SVG namespace.
        page.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal).ShouldNotContain("://");
    }

    [Fact]
    public async Task A_bad_line_names_file_line_and_field()
    {
        var bad = Path.Combine(_dir, "bad.csv");
        await File.WriteAllTextAsync(bad, "t_s,id,lat_deg,lon_deg,alt_ft,gs_kt,trk_deg,vs_fpm\n1,a,45,7,30000,400,90,0\n2,a,north,7,30000,400,90,0\n", TestContext.Current.CancellationToken);
        var e = await Should.ThrowAsync<InputException>(() => ReplayCommand.RunAsync(Options(reports: bad), new StringWriter(), new StringWriter(), TestContext.Current.CancellationToken));
        e.Message.ShouldContain("bad.csv:3");
        e.Message.ShouldContain("lat_deg");
    }

    [Fact]
    public async Task The_command_line_exits_2_on_bad_input_and_0_on_good()
    {
        var bad = Path.Combine(_dir, "bad.csv");
        await File.WriteAllTextAsync(bad, "t_s,id,lat_deg,lon_deg,alt_ft,gs_kt,trk_deg,vs_fpm\n1,a,45,7,30000,400,999,0\n", TestContext.Current.CancellationToken);
        var (code, _, stderr) = await Deconflict("replay", "--reports", bad);
        code.ShouldBe(2);
        stderr.ShouldContain("bad.csv:2: field 'trk_deg'");
        stderr.ShouldNotContain("   at ");
        (code, _, _) = await Deconflict("replay", "--reports", bad, "--sbs", bad);
        code.ShouldBe(2);
        (code, _, _) = await Deconflict("replay", "--reports", Path.Combine(_dir, "missing.csv"));
        code.ShouldBe(2);
        var good = Path.Combine(_dir, "good.csv");
        await File.WriteAllTextAsync(good,
            "t_s,id,lat_deg,lon_deg,alt_ft,gs_kt,trk_deg,vs_fpm\n0,a,45,7,30000,400,90,0\n0,b,45,7.5,30000,400,270,0\n10,a,45,7.05,30000,400,90,0\n10,b,45,7.45,30000,400,270,0\n",
            TestContext.Current.CancellationToken);
        string stdout;
        (code, stdout, _) = await Deconflict("replay", "--reports", good, "--speed", "0");
        code.ShouldBe(0);
        stdout.ShouldStartWith("id1,id2,alert_t_s,level,los_t_s,los_end_t_s,cleared_t_s\na,b,0.000,warning,");
    }

    [Fact]
    public async Task A_bad_header_is_reported_as_file_line_and_field_with_exit_2()
    {
        var bad = Path.Combine(_dir, "header.csv");
        await File.WriteAllTextAsync(bad, "time,id,lat_deg,lon_deg,alt_ft,gs_kt,trk_deg,vs_fpm\n1,a,45,7,30000,400,90,0\n", TestContext.Current.CancellationToken);
        var (code, _, stderr) = await Deconflict("replay", "--reports", bad);
        code.ShouldBe(2);
        stderr.ShouldStartWith($"error: {bad}:1: field 't_s': ");
        stderr.ShouldNotContain("Exception");
        stderr.Trim().Split('\n').Length.ShouldBe(1);
    }

    [Fact]
    public async Task A_replay_whose_output_is_not_a_terminal_prints_progress_lines_to_stderr()
    {
        var stderr = new StringWriter();
        var o = Options(reports: RepoPaths.Data("switzerland_2018-08-01_0900-1300Z.reports.csv"), output: Path.Combine(_dir, "alerts.csv"));
        (await ReplayCommand.RunAsync(o, new StringWriter(), stderr, TestContext.Current.CancellationToken)).ShouldBe(0);
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("% of the file", StringComparison.Ordinal)).ToList();
        // One line per tenth of the file at least (more when the machine is slow), the last one at 100 %.
        lines.Count.ShouldBeGreaterThanOrEqualTo(10);
        lines[^1].ShouldContain("100% of the file, 43,109 reports, recording time 2018-08-01 12:59:50Z");
        lines.Take(lines.Count - 1).ShouldAllBe(l => !l.Contains("100%", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_report_map_draws_coastlines_and_borders_and_labels_longitudes_by_hemisphere()
    {
        var html = Path.Combine(_dir, "tls.html");
        var o = Options(sbs: RepoPaths.Data("tls-lhr_2024-06-06.sbs"), output: Path.Combine(_dir, "alerts.csv"), report: html);
        (await ReplayCommand.RunAsync(o, new StringWriter(), new StringWriter(), TestContext.Current.CancellationToken)).ShouldBe(0);
        var page = await File.ReadAllTextAsync(html, TestContext.Current.CancellationToken);
        var basemap = page[page.IndexOf("<g class=\"basemap\"", StringComparison.Ordinal)..];
        basemap = basemap[..basemap.IndexOf("</g>", StringComparison.Ordinal)];
        // Toulouse to London crosses the French coast and the Channel: many outline pieces.
        basemap.Split("<polyline").Length.ShouldBeGreaterThan(3);
        page.ShouldNotContain("-0°");
        // The recording crosses the prime meridian: its grid line is labelled 0°, never -0°.
        page.ShouldContain(">0°<");
        page.ShouldContain("°N<");
    }

    [Theory]
    [InlineData(-1e-12, "0°")]
    [InlineData(-1.5, "1.5°W")]
    [InlineData(2.25, "2.25°E")]
    public void Degrees_carry_a_hemisphere_instead_of_a_sign(double value, string text) =>
        global::Deconflict.Cli.Replay.ReplayHtmlReport.Degrees(value, 'E', 'W').ShouldBe(text);

    [Fact]
    public async Task Speed_paces_the_replay_in_recording_time()
    {
        var path = Path.Combine(_dir, "slow.csv");
        await File.WriteAllTextAsync(path, "t_s,id,lat_deg,lon_deg,alt_ft,gs_kt,trk_deg,vs_fpm\n0,a,45,7,30000,400,90,0\n4,a,45,7.01,30000,400,90,0\n", TestContext.Current.CancellationToken);
        var watch = Stopwatch.StartNew();
        var o = Options(reports: path) with { Speed = 8 };
        await ReplayCommand.RunAsync(o, new StringWriter(), new StringWriter(), TestContext.Current.CancellationToken);
        // Four seconds of recording at 8x: at least half a second of wall time.
        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(450));
    }

    private static async Task<(int Code, string Stdout, string Stderr)> Deconflict(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "deconflict.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
