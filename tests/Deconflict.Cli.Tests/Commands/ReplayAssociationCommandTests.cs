using Deconflict.Testing;
using Deconflict.Core.Asterix;
using Deconflict.Core.Geodesy;
using Deconflict.Core.Surveillance;

namespace Deconflict.Cli.Tests.Commands;

/// <summary>
/// <c>replay --asterix</c> with association: an aircraft reported by CAT021 with its address and by a CAT062 tracker
/// without one is one track (never alerted against itself), and the tracker's second, address-less aircraft converging
/// head-on is alerted against it. Without association the same recording alerts the aircraft against itself.
/// </summary>
public sealed class ReplayAssociationCommandTests : IDisposable
{
    private readonly string _dir = TacticalCli.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Recording()
    {
        var path = Path.Combine(_dir, "mixed.pcap");
        using var writer = new PcapWriter(File.Create(path));
        var t0 = 1_717_660_800.0; // 2024-06-06T08:00:00Z
        for (var s = 0; s < 120; s++)
        {
            var t = t0 + s;
            var x = Geodesic.Direct(47, 8, 90, 440 * 1852.0 / 3600 * s);
            var y = Geodesic.Direct(47, 8.5, 270, 440 * 1852.0 / 3600 * s);
            var adsb = new AsterixEncoder(21, sac: 0, sic: 1);
            var tracker = new AsterixEncoder(62, sac: 0, sic: 2);
            var blocks = new List<ReadOnlyMemory<byte>>();
            adsb.Add(new PositionReport("4ca1f3", t, x.LatDeg, x.LonDeg, 33_000, 440, 90, 0), b => blocks.Add(b.ToArray()));
            adsb.Flush(b => blocks.Add(b.ToArray()));
            // The tracker's ids are no ICAO addresses: its records carry track numbers 1 (the same aircraft) and 2.
            tracker.Add(new PositionReport("SYS-X", t + 0.5, x.LatDeg, x.LonDeg, 33_000, 440, 90, 0), b => blocks.Add(b.ToArray()));
            tracker.Add(new PositionReport("SYS-Y", t + 0.5, y.LatDeg, y.LonDeg, 33_000, 440, 270, 0), b => blocks.Add(b.ToArray()));
            tracker.Flush(b => blocks.Add(b.ToArray()));
            foreach (var b in blocks)
            {
                writer.Write(t + 0.6, b.Span);
            }
        }
        return path;
    }

    [Fact]
    public void A_tracker_without_addresses_joins_the_adsb_aircraft_and_its_other_aircraft_is_alerted()
    {
        var feed = Recording();
        var alerts = Path.Combine(_dir, "alerts.csv");
        var r = TacticalCli.Run("replay", "--asterix", feed, "--out", alerts);
        r.ExitCode.ShouldBe(0, r.Stderr);
        r.Stdout.ShouldContain("replayed 360 reports of 2 aircraft");
        r.Stdout.ShouldContain("association: 120 reports joined another source's track");
        var episodes = File.ReadAllLines(alerts).Skip(1).Select(l => l.Split(',')).ToList();
        var e = episodes.ShouldHaveSingleItem();
        new[] { e[0], e[1] }.Order().ShouldBe(["4ca1f3", "trk-0-2-2"]);
    }

    [Fact]
    public void Without_association_the_aircraft_is_alerted_against_itself()
    {
        var alerts = Path.Combine(_dir, "alerts.csv");
        var r = TacticalCli.Run("replay", "--asterix", Recording(), "--no-association", "--out", alerts);
        r.ExitCode.ShouldBe(0, r.Stderr);
        r.Stdout.ShouldContain("of 3 aircraft");
        File.ReadAllLines(alerts).Skip(1).Select(l => string.Join(',', l.Split(',').Take(2).Order()))
            .ShouldContain("4ca1f3,trk-0-2-1");
    }

    [Theory]
    [InlineData("--gate-nm", "0")]
    [InlineData("--gate-growth-kt", "-1")]
    [InlineData("--gate-ft", "NaN")]
    [InlineData("--gate-growth-fpm", "1e9")]
    [InlineData("--gate-velocity-kt", "0")]
    [InlineData("--gate-max-age-s", "-5")]
    [InlineData("--gate-ambiguity", "11")]
    public void A_gate_out_of_range_is_refused_with_exit_code_2(string option, string value)
    {
        var r = TacticalCli.Run("replay", "--asterix", RepoPaths.Data("croatiacontrol_cat21_re.ast"), option, value);
        r.ExitCode.ShouldBe(2);
        r.Stderr.ShouldStartWith("error: option '" + option + "'");
    }
}
