namespace Deconflict.Cli.Tests.Commands;

public sealed class GenTracksCommandTests : IDisposable
{
    private readonly string _dir = TacticalCli.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_same_seed_gives_the_same_file_and_detect_finds_conflicts_in_it()
    {
        var a = Path.Combine(_dir, "a.csv");
        var b = Path.Combine(_dir, "b.csv");
        TacticalCli.Run("gen", "tracks", "--n", "3000", "--seed", "9", "--out", a).ExitCode.ShouldBe(0);
        TacticalCli.Run("gen", "tracks", "--n", "3000", "--seed", "9", "--out", b).ExitCode.ShouldBe(0);
        File.ReadAllBytes(a).ShouldBe(File.ReadAllBytes(b));
        File.ReadAllLines(a).Length.ShouldBe(3001);

        var r = TacticalCli.Run("detect", "--tracks", a, "--stats", "--out", Path.Combine(_dir, "c.csv"));
        r.ExitCode.ShouldBe(0, r.Stderr);
        File.ReadAllLines(Path.Combine(_dir, "c.csv")).Length.ShouldBeGreaterThan(10);
    }

    [Fact]
    public void A_box_across_the_antimeridian_keeps_longitudes_in_range()
    {
        var path = Path.Combine(_dir, "am.csv");
        TacticalCli.Run("gen", "tracks", "--n", "500", "--seed", "3", "--box", "60,170,70,-170", "--out", path).ExitCode.ShouldBe(0);
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',');
            var lat = double.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture);
            var lon = double.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture);
            lat.ShouldBeInRange(59, 71);
            (lon >= 169 || lon <= -169).ShouldBeTrue(line);
        }
    }

    [Fact]
    public void A_malformed_box_is_an_input_error()
    {
        var r = TacticalCli.Run("gen", "tracks", "--n", "10", "--box", "50,0,40", "--out", Path.Combine(_dir, "x.csv"));
        r.ExitCode.ShouldBe(2);
        r.Stderr.ShouldContain("--box");
    }

    [Fact]
    public void Bench_detect_prints_its_figures()
    {
        var r = TacticalCli.Run("bench", "detect", "--n", "2000", "--passes", "1");
        r.ExitCode.ShouldBe(0, r.Stderr);
        r.Stdout.ShouldContain("2,000");
        r.Stdout.ShouldContain("bytes/");
    }
}
