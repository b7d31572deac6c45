using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Deconflict.Core.Asterix;
using Deconflict.Core.Geodesy;
using Deconflict.Core.Surveillance;
using Deconflict.Hub.Tests.Hosting;
using Deconflict.Hub.Tracks;

namespace Deconflict.Hub.Tests.Tracks;

/// <summary>
/// The hub listening on loopback to a radar (CAT048 plots without Mode S) and a tracker (CAT062 without I062/380) while
/// an SBS-1 feed of the same party reports one of the radar's aircraft by its address: that aircraft is one track,
/// never in conflict with itself (even with another party reporting it by address), while a second aircraft only the
/// radar sees stays a track of its own and is alerted against another party's converging aircraft.
/// </summary>
public sealed class AsterixAssociationTests
{
    private const double Kt = 1852.0 / 3600;

    // A: eastbound at FL330, seen by SBS-1 (4ca1f3), the radar and the tracker. B: northbound at FL330, radar only.
    // C (another party): southbound at FL330, 20 NM north of B, head-on.
    private static readonly DateTimeOffset T0 = DateTimeOffset.UtcNow;

    private static (double Lat, double Lon) At(double lat, double lon, double trk, DateTimeOffset t)
    {
        var p = Geodesic.Direct(lat, lon, trk, 440 * Kt * (t - T0).TotalSeconds);
        return (p.LatDeg, p.LonDeg);
    }

    private static (double Lat, double Lon) A(DateTimeOffset t) => At(47.0, 8.0, 90, t);

    private static (double Lat, double Lon) B(DateTimeOffset t) => At(46.0, 6.0, 0, t);

    [Fact]
    public async Task Plots_and_tracks_without_an_address_join_the_aircraft_sbs_reports_and_a_radar_only_aircraft_is_alerted()
    {
        var ct = TestContext.Current.CancellationToken;
        var (radarPort, trackerPort) = (FreeUdpPort(), FreeUdpPort());
        var party = "radar-" + Guid.NewGuid().ToString("N")[..8];
        await using var sbs = new SbsTestServer(async (n, stream, token) =>
        {
            for (var s = 0; s < 20 && n == 0; s++)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(SbsLines(DateTimeOffset.UtcNow)), token);
                await Task.Delay(1000, token);
            }
            await Task.Delay(TimeSpan.FromSeconds(30), token);
        });
        await using var hub = await LiveHub.StartAsync(
            $"--Surveillance:AsterixSources:0=udp://127.0.0.1:{radarPort}?party={party}&name=radar",
            $"--Surveillance:AsterixSources:1=udp://127.0.0.1:{trackerPort}?party={party}&name=tracker",
            "--Surveillance:AsterixRadars:0=20/7=46.5,7.0,1500",
            $"--Surveillance:SbsFeed=127.0.0.1:{sbs.Port}", $"--Surveillance:SbsParty={party}",
            "--Surveillance:SbsInitialBackoffS=0.1", "--Surveillance:SbsMaxBackoffS=0.3", "--Surveillance:CycleS=0.5");
        using var admin = hub.Client(hub.AdminKey);
        using var created = await admin.PostAsync("/api/v1/parties",
            new StringContent($"{{\"name\":\"Radar {party}\",\"kind\":\"state\",\"id\":\"{party}\"}}", Encoding.UTF8, "application/json"), ct);
        var key = (await created.ShouldBeAsync(HttpStatusCode.Created)).GetProperty("api_key").GetString()!;
        var (_, otherKey) = await hub.CreatePartyAsync("assoc-other");
        var listener = hub.Service<AsterixFeedListener>();
        var picture = hub.Service<LivePicture>();
        await WaitAsync(() => listener.Sources.Count == 2 && picture.Store.TryGet(party, "4ca1f3", out _), TimeSpan.FromSeconds(20));
        picture.Store.TryGet(party, "4ca1f3", out _).ShouldBeTrue("the SBS-1 feed reports 4ca1f3");

        // The other party reports A by its address too, and C head-on to B.
        var now = DateTimeOffset.UtcNow;
        var (aLat, aLon) = A(now);
        var (bLat, bLon) = B(now);
        var c = Geodesic.Direct(bLat, bLon, 0, 20 * 1852);
        (await hub.PostTracksAsync(otherKey, "[" + LiveHub.Report("4ca1f3", now, aLat, aLon, 33_000, 440, 90) + ","
            + LiveHub.Report("C-HEADON", now, c.LatDeg, c.LonDeg, 33_000, 440, 180) + "]")).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        using var udp = new UdpClient(AddressFamily.InterNetwork);
        var radar = new RadarSite(46.5, 7.0, 1500);
        for (var s = 0; s < 5; s++)
        {
            var t = DateTimeOffset.UtcNow;
            var ts = t.ToUnixTimeMilliseconds() / 1000.0;
            var plots = new AsterixEncoder(48, sac: 20, sic: 7, radar);
            var tracks = new AsterixEncoder(62, sac: 20, sic: 8);
            var blocks = new List<byte[]>();
            // Ids that are no ICAO address: the records carry none, only the source's track number.
            (aLat, aLon) = A(t);
            (bLat, bLon) = B(t);
            plots.Add(new PositionReport("PLOT-A", ts, aLat, aLon, 33_000, 440, 90, 0), b => blocks.Add(b.ToArray()));
            plots.Add(new PositionReport("PLOT-B", ts, bLat, bLon, 33_000, 440, 0, 0), b => blocks.Add(b.ToArray()));
            plots.Flush(b => blocks.Add(b.ToArray()));
            var radarBlocks = blocks.Count;
            tracks.Add(new PositionReport("TRACK-A", ts, aLat, aLon, 33_000, 440, 90, 0), b => blocks.Add(b.ToArray()));
            tracks.Flush(b => blocks.Add(b.ToArray()));
            for (var i = 0; i < blocks.Count; i++)
            {
                await udp.SendAsync(blocks[i], new IPEndPoint(IPAddress.Loopback, i < radarBlocks ? radarPort : trackerPort), ct);
            }
            await Task.Delay(1000, ct);
        }
        var radarState = listener.Sources.Single(x => x.Source.Name == "radar");
        var trackerState = listener.Sources.Single(x => x.Source.Name == "tracker");
        await WaitAsync(() => radarState.Feed.Reports >= 10 && trackerState.Feed.Reports >= 5, TimeSpan.FromSeconds(10));

        using var client = hub.Client(key);
        List<JsonElement> tactical = [];
        await WaitAsync(async () =>
        {
            tactical = [.. (await (await client.GetAsync("/api/v1/conflicts?state=open", ct)).JsonAsync()).EnumerateArray()
                .Where(x => x.GetProperty("kind").GetString() == "tactical")];
            return tactical.Count > 0;
        }, TimeSpan.FromSeconds(15));

        // A is one track fed by SBS-1, the radar and the tracker; B is the radar's track 2 (the encoder numbers PLOT-A 1).
        var ids = (await (await client.GetAsync("/api/v1/tracks", ct)).JsonAsync()).EnumerateArray()
            .Where(x => x.GetProperty("party").GetString() == party).Select(x => x.GetProperty("id").GetString()).Order().ToList();
        ids.ShouldBe(["4ca1f3", "trk-20-7-2"]);
        radarState.Feed.Associator!.Associated.ShouldBeGreaterThanOrEqualTo(4);
        trackerState.Feed.Associator!.Associated.ShouldBeGreaterThanOrEqualTo(4);
        radarState.Feed.Associator.Ambiguous.ShouldBe(0);

        // One alert, B against C; never A against itself, at any time.
        var conflict = tactical.ShouldHaveSingleItem();
        conflict.GetProperty("objects").EnumerateArray().Select(o => o.GetString()).ShouldBe(["trk-20-7-2"]);
        var all = (await (await client.GetAsync("/api/v1/conflicts?state=all", ct)).JsonAsync()).EnumerateArray()
            .Where(x => x.GetProperty("kind").GetString() == "tactical").ToList();
        all.SelectMany(x => x.GetProperty("objects").EnumerateArray().Select(o => o.GetString())).ShouldAllBe(o => o == "trk-20-7-2");
    }

    [Theory]
    [InlineData("AssociationGateNm", "0")]
    [InlineData("AssociationGateFt", "-1")]
    [InlineData("AssociationVelocityGateKt", "5000")]
    [InlineData("AssociationMaxAgeS", "0")]
    [InlineData("AssociationHoldFactor", "0.5")]
    [InlineData("AssociationAmbiguityMargin", "11")]
    public async Task An_association_gate_out_of_range_stops_the_hub_naming_the_setting(string setting, string value)
    {
        var e = await Should.ThrowAsync<Microsoft.Extensions.Options.OptionsValidationException>(async () =>
        {
            await using var hub = await LiveHub.StartAsync($"--Surveillance:{setting}={value}");
        });
        e.Message.ShouldContain(setting);
    }

    private static string SbsLines(DateTimeOffset now)
    {
        var day = now.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);
        var time = now.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        var (lat, lon) = A(now);
        return string.Create(CultureInfo.InvariantCulture,
            $"MSG,3,1,1,4CA1F3,1,{day},{time},{day},{time},,33000,,,{lat:F6},{lon:F6},,,0,0,0,0\r\nMSG,4,1,1,4CA1F3,1,{day},{time},{day},{time},,,440,90,,,0,,0,0,0,0\r\n");
    }

    private static int FreeUdpPort()
    {
        using var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
    }

    private static Task WaitAsync(Func<bool> done, TimeSpan timeout) => WaitAsync(() => Task.FromResult(done()), timeout);

    private static async Task WaitAsync(Func<Task<bool>> done, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!await done() && watch.Elapsed < timeout)
        {
            await Task.Delay(100);
        }
    }
}
