using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Deconflict.Hub.Tests.Hosting;
using Deconflict.Hub.Tracks;
using Deconflict.Testing;

namespace Deconflict.Hub.Tests.Tracks;

/// <summary>The hub as a client of real SBS-1 feeds on loopback: a test double serving a recording, and dump1090-mutability.</summary>
public sealed class SbsFeedTests
{
    private static async Task<List<JsonElement>> TracksAsync(LiveHub hub, string key)
    {
        using var c = hub.Client(key);
        return [.. (await (await c.GetAsync("/api/v1/tracks")).JsonAsync()).EnumerateArray()];
    }

    private static async Task<List<JsonElement>> WaitForTracksAsync(LiveHub hub, string key, Func<List<JsonElement>, bool> done, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var tracks = await TracksAsync(hub, key);
            if (done(tracks) || watch.Elapsed > timeout)
            {
                return tracks;
            }
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_feed_that_drops_mid_line_and_sends_garbage_is_reconnected_and_keeps_feeding_the_picture()
    {
        var lines = File.ReadLines(RepoPaths.Data("switzerland_2018-08-01_0900-1300Z.sbs")).Take(4000).ToArray();
        var first = Encoding.ASCII.GetBytes(string.Join("\r\n", lines[..2000]) + "\r\n");
        var second = Encoding.ASCII.GetBytes(string.Join("\r\n", lines[2000..]) + "\r\n");
        var garbage = new byte[3000];
        new Random(3).NextBytes(garbage);
        await using var server = new SbsTestServer(async (n, stream, ct) =>
        {
            switch (n)
            {
                case 0:
                    // Half the first block, then the connection drops in the middle of a line.
                    await stream.WriteAsync(first.AsMemory(0, (first.Length / 2) + 17), ct);
                    break;
                case 1:
                    await stream.WriteAsync(garbage, ct);
                    await stream.WriteAsync("\r\n"u8.ToArray(), ct);
                    await stream.WriteAsync(first, ct);
                    await stream.WriteAsync(second, ct);
                    await Task.Delay(TimeSpan.FromSeconds(30), ct);
                    break;
                default:
                    await Task.Delay(TimeSpan.FromSeconds(30), ct);
                    break;
            }
        });
        // The feed names its party by id, which differs from the party's display name.
        var party = "sbs-" + Guid.NewGuid().ToString("N")[..8];
        await using var hub = await LiveHub.StartAsync($"--Surveillance:SbsFeed=127.0.0.1:{server.Port}", $"--Surveillance:SbsParty={party}",
            "--Surveillance:SbsInitialBackoffS=0.1", "--Surveillance:SbsMaxBackoffS=0.5");
        using var admin = hub.Client(hub.AdminKey);
        using var created = await admin.PostAsync("/api/v1/parties", new StringContent($"{{\"name\":\"Receiver {party}\",\"kind\":\"state\",\"id\":\"{party}\"}}", Encoding.UTF8, "application/json"));
        var key = (await created.ShouldBeAsync(HttpStatusCode.Created)).GetProperty("api_key").GetString()!;

        var expected = lines.Where(l => l.StartsWith("MSG,3", StringComparison.Ordinal)).Select(l => l.Split(',')[4].ToLowerInvariant()).ToHashSet();
        var tracks = await WaitForTracksAsync(hub, key, t => t.Count >= expected.Count, TimeSpan.FromSeconds(30));
        tracks.Select(t => t.GetProperty("id").GetString()).ToHashSet().SetEquals(expected).ShouldBeTrue();
        tracks.ShouldAllBe(t => t.GetProperty("alt_ft").GetDouble() > 30_000);
        tracks.ShouldContain(t => t.GetProperty("callsign").GetString() == "TAR744");

        var client = hub.Service<SbsFeedClient>();
        client.Connections.ShouldBeGreaterThanOrEqualTo(2);
        client.Stats.Truncated.ShouldBeGreaterThanOrEqualTo(1);
        client.Stats.Malformed.ShouldBeGreaterThan(0);
        client.Stats.Reports.ShouldBeGreaterThan(3000);

        // The first connection dropped after delivering reports: they are accounted for by one tracks.feed entry.
        using var own = hub.Client(key);
        var audit = await (await own.GetAsync("/api/v1/audit/export")).Content.ReadAsStringAsync();
        var feed = audit.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.TryGetProperty("action", out var a) && a.GetString() == "tracks.feed")
            .Select(e => JsonDocument.Parse(e.GetProperty("content_json").GetString()!).RootElement).ToList();
        feed.ShouldNotBeEmpty();
        feed[0].GetProperty("source").GetString().ShouldBe($"sbs 127.0.0.1:{server.Port}");
        feed[0].GetProperty("reports").GetInt64().ShouldBeGreaterThan(0);
        feed[0].GetProperty("reports_sha256").GetString()!.Length.ShouldBe(64);
    }

    [Fact]
    public async Task Positions_decoded_by_dump1090_mutability_reach_the_live_picture()
    {
        var sbsPort = SparePort();
        var beastPort = SparePort();
        using var dump1090 = Process.Start(new ProcessStartInfo("dump1090-mutability")
        {
            ArgumentList = { "--net-only", "--quiet", "--net-bind-address", "127.0.0.1", "--net-ri-port", "0", "--net-ro-port", "0", "--net-bo-port", "0",
                "--net-sbs-port", sbsPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--net-bi-port", beastPort.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        try
        {
            var party = "d1090-" + Guid.NewGuid().ToString("N")[..8];
            await using var hub = await LiveHub.StartAsync($"--Surveillance:SbsFeed=127.0.0.1:{sbsPort}", $"--Surveillance:SbsParty={party}",
                "--Surveillance:SbsInitialBackoffS=0.1", "--Surveillance:SbsMaxBackoffS=0.5");
            using var admin = hub.Client(hub.AdminKey);
            using var created = await admin.PostAsync("/api/v1/parties", new StringContent($"{{\"name\":\"{party}\",\"kind\":\"state\"}}", Encoding.UTF8, "application/json"));
            var key = (await created.ShouldBeAsync(HttpStatusCode.Created)).GetProperty("api_key").GetString()!;
            var client = hub.Service<SbsFeedClient>();
            var watch = Stopwatch.StartNew();
            while (client.Connections == 0 && watch.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(100);
            }
            client.Connections.ShouldBeGreaterThan(0, "the hub never connected to dump1090's SBS port");

            // Feed dump1090 the recorded Beast frames as a receiver would.
            using (var beast = new TcpClient())
            {
                await beast.ConnectAsync(IPAddress.Loopback, beastPort);
                await beast.GetStream().WriteAsync(await File.ReadAllBytesAsync(RepoPaths.Data("traffic_sample_dump1090.beast.bin")));
                await Task.Delay(500);
            }
            var tracks = await WaitForTracksAsync(hub, key, t => t.Count > 0 && t[0].TryGetProperty("callsign", out var cs) && cs.ValueKind == JsonValueKind.String,
                TimeSpan.FromSeconds(20));
            var t = tracks.ShouldHaveSingleItem();
            t.GetProperty("id").GetString().ShouldBe("48520a");
            t.GetProperty("lat_deg").GetDouble().ShouldBe(43.645, 0.01);
            t.GetProperty("lon_deg").GetDouble().ShouldBe(1.231, 0.01);
            t.GetProperty("alt_ft").GetDouble().ShouldBe(38000);
            t.GetProperty("gs_kt").GetDouble().ShouldBe(395);
            t.GetProperty("trk_deg").GetDouble().ShouldBe(355);
            t.GetProperty("callsign").GetString().ShouldBe("TRA89M");
            client.Stats.Malformed.ShouldBe(0);
        }
        finally
        {
            dump1090.Kill();
            await dump1090.WaitForExitAsync();
        }
    }

    private static int SparePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
