using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Deconflict.Core.Asterix;
using Deconflict.Core.Surveillance;
using Deconflict.Hub.Tests.Hosting;
using Deconflict.Hub.Tracks;

namespace Deconflict.Hub.Tests.Tracks;

/// <summary>
/// The hub listening to ASTERIX over UDP on loopback while an SBS-1 feed on TCP carries the same aircraft: one
/// track per aircraft, never in conflict with itself, and still alerted against another party's aircraft.
/// </summary>
public sealed class AsterixFeedTests
{
    private static readonly (string Id, double Lat, double Lon, double Trk)[] Aircraft = [("4ca1f3", 47.0, 8.0, 90), ("3c6dd2", 46.0, 6.0, 0)];

    [Fact]
    public async Task Cat021_and_sbs_of_the_same_aircraft_are_one_track_each_and_never_a_self_conflict()
    {
        var ct = TestContext.Current.CancellationToken;
        var port = FreeUdpPort();
        var party = "radar-" + Guid.NewGuid().ToString("N")[..8];
        await using var sbs = new SbsTestServer(async (n, stream, token) =>
        {
            // Four seconds of both aircraft once a second, as a receiver sends them, then silence.
            for (var s = 0; s < 4 && n == 0; s++)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(SbsLines(DateTimeOffset.UtcNow)), token);
                await Task.Delay(1000, token);
            }
            await Task.Delay(TimeSpan.FromSeconds(30), token);
        });
        await using var hub = await LiveHub.StartAsync(
            $"--Surveillance:AsterixSources:0=udp://127.0.0.1:{port}?party={party}&name=cat021-test",
            $"--Surveillance:SbsFeed=127.0.0.1:{sbs.Port}", $"--Surveillance:SbsParty={party}",
            "--Surveillance:SbsInitialBackoffS=0.1", "--Surveillance:SbsMaxBackoffS=0.3", "--Surveillance:CycleS=0.5");
        using var admin = hub.Client(hub.AdminKey);
        using var created = await admin.PostAsync("/api/v1/parties",
            new StringContent($"{{\"name\":\"Radar {party}\",\"kind\":\"state\",\"id\":\"{party}\"}}", Encoding.UTF8, "application/json"), ct);
        var key = (await created.ShouldBeAsync(HttpStatusCode.Created)).GetProperty("api_key").GetString()!;
        var (_, otherKey) = await hub.CreatePartyAsync("asterix-other");

        var listener = hub.Service<AsterixFeedListener>();
        await WaitAsync(() => listener.Sources.Count == 1, TimeSpan.FromSeconds(20));
        using var udp = new UdpClient(AddressFamily.InterNetwork);
        for (var s = 0; s < 4; s++)
        {
            var now = DateTimeOffset.UtcNow;
            var encoder = new AsterixEncoder(21, sac: 20, sic: 7);
            var blocks = new List<byte[]>();
            foreach (var a in Aircraft)
            {
                encoder.Add(new PositionReport(a.Id, now.ToUnixTimeMilliseconds() / 1000.0, a.Lat, a.Lon + 0.001, 33_000, 440, a.Trk, 0), b => blocks.Add(b.ToArray()));
            }
            encoder.Flush(b => blocks.Add(b.ToArray()));
            // A garbage datagram between good ones is skipped and counted; the source goes on.
            blocks.Add([21, 0, 200, 0xFF, 0xFF, 0xFF]);
            foreach (var b in blocks)
            {
                await udp.SendAsync(b, new IPEndPoint(IPAddress.Loopback, port), ct);
            }
            await Task.Delay(1000, ct);
        }
        await WaitAsync(() => listener.Sources[0].Feed.Reports >= 8, TimeSpan.FromSeconds(10));

        // B's aircraft head-on to 4ca1f3 at the same level, about 20 NM away.
        var t = DateTimeOffset.UtcNow;
        (await hub.PostTracksAsync(otherKey, "[" + LiveHub.Report("B-HEADON", t, 47.0, 8.45, 33_000, 440, 270) + "]")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        using var c = hub.Client(key);
        List<JsonElement> tactical = [];
        await WaitAsync(async () =>
        {
            tactical = [.. (await (await c.GetAsync("/api/v1/conflicts?state=open", ct)).JsonAsync()).EnumerateArray()
                .Where(x => x.GetProperty("kind").GetString() == "tactical")];
            return tactical.Count > 0;
        }, TimeSpan.FromSeconds(15));

        var tracks = (await (await c.GetAsync("/api/v1/tracks", ct)).JsonAsync()).EnumerateArray().Select(x => x.GetProperty("id").GetString()).ToList();
        tracks.Order().ShouldBe(Aircraft.Select(a => a.Id).Order());
        var conflict = tactical.ShouldHaveSingleItem();
        var refs = conflict.GetProperty("object_refs").EnumerateArray().Select(o => o.GetProperty("party").GetString()).ToList();
        refs.Distinct().Count().ShouldBe(2);
        conflict.GetProperty("objects").EnumerateArray().Select(o => o.GetString()).ShouldBe(["4ca1f3"]);
        var state = listener.Sources[0];
        state.Party.ShouldBe(party);
        state.Feed.Stats.Datagrams.ShouldBe(8);
        (state.Feed.Stats.BadBlocks + state.Feed.Stats.BadRecords).ShouldBeGreaterThanOrEqualTo(4);
        hub.Service<SbsFeedClient>().Connections.ShouldBeGreaterThanOrEqualTo(1);
    }

    private static string SbsLines(DateTimeOffset now)
    {
        var day = now.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);
        var time = now.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        foreach (var a in Aircraft)
        {
            var hex = a.Id.ToUpperInvariant();
            text.Append(CultureInfo.InvariantCulture, $"MSG,3,1,1,{hex},1,{day},{time},{day},{time},,33000,,,{a.Lat:F6},{a.Lon:F6},,,0,0,0,0\r\n");
            text.Append(CultureInfo.InvariantCulture, $"MSG,4,1,1,{hex},1,{day},{time},{day},{time},,,440,{a.Trk:F0},,,0,,0,0,0,0\r\n");
        }
        return text.ToString();
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
