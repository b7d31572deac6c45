using System.Globalization;
using System.Net.Http.Json;
using System.Text;

namespace Deconflict.Hub.Tests.WebConsole;

/// <summary>
/// Speed of the console with 10,000 live tracks (all updated every 2 s through the hub, so the event stream
/// carries about 5,000 track events a second) and 5,000 intents, in headless Chromium: frames per second while
/// the map pans, and the time from posting a position report to the hub to the console having drawn it.
/// A benchmark, not a test: it runs only with <c>DECONFLICT_CONSOLE_BENCH=1</c> and prints its figures.
/// </summary>
public sealed class ConsoleSpeedBench
{
    private const int Tracks = 10_000;
    private const int Intents = 5_000;

    [Fact]
    public async Task Frames_per_second_and_event_to_screen_latency_with_10000_tracks_and_5000_intents()
    {
        Assert.SkipUnless(Environment.GetEnvironmentVariable("DECONFLICT_CONSOLE_BENCH") == "1", "benchmark: set DECONFLICT_CONSOLE_BENCH=1");
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        var ct = cts.Token;
        await using var hub = await ConsoleHub.StartAsync(ct);
        var (party, key, _) = await hub.CreatePartyAsync("bench", "coalition", ct);
        using var client = hub.Client(key);
        var random = new Random(7);
        var start = DateTimeOffset.UtcNow;
        var next = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, 8), ct, async (_, token) =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) <= Intents)
            {
                double lat, lon;
                lock (random)
                {
                    (lat, lon) = (30 + random.NextDouble() * 10, 30 + random.NextDouble() * 15);
                }
                var body = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + Inv(lon) + "," + Inv(lat) +
                    "]},\"properties\":{\"radius_m\":8000,\"alt_lower_ft\":" + (i % 30 * 1000).ToString(CultureInfo.InvariantCulture) + ",\"alt_upper_ft\":" + (i % 30 * 1000 + 5000).ToString(CultureInfo.InvariantCulture) +
                    ",\"time_start\":\"" + Iso(start.AddHours(-1 + i % 12)) + "\",\"time_end\":\"" + Iso(start.AddHours(1 + i % 12)) + "\"}}]}";
                using var put = await client.PutAsync(new Uri($"/api/v1/intents/B-{i}", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), token);
                put.EnsureSuccessStatusCode();
            }
        });
        var positions = Enumerable.Range(0, Tracks).Select(_ => (Lat: 30 + random.NextDouble() * 10, Lon: 30 + random.NextDouble() * 15, Trk: random.Next(360))).ToArray();
        async Task ReportAll(int round, CancellationToken token)
        {
            var now = DateTimeOffset.UtcNow;
            var reports = positions.Select((p, i) => new
            {
                id = $"T{i:D5}",
                t = Iso(now),
                lat_deg = p.Lat + round * 0.002,
                lon_deg = p.Lon + round * 0.002,
                alt_ft = 1000 * (i % 40),
                gs_kt = 300,
                trk_deg = p.Trk,
                vs_fpm = 0,
            });
            using var post = await client.PostAsJsonAsync("/api/v1/tracks", reports, token);
            post.EnsureSuccessStatusCode();
        }
        await ReportAll(0, ct);
        using var feeding = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var feeder = Task.Run(async () =>
        {
            for (var round = 1; round < 300 && !feeding.IsCancellationRequested; round++)
            {
                await Task.Delay(2000, feeding.Token);
                await ReportAll(round, feeding.Token);
            }
        }, CancellationToken.None);

        var s = await ConsoleSteps.OpenAsync(hub, key, "bench", ct);
        await using var browser = s.Browser;
        var loadS = (await s.EvalAsync("performance.now()", ct)).GetDouble() / 1000;
        await browser.WaitForAsync($"window.deconflict.picture.tracks.size >= {Tracks} && window.deconflict.picture.intents.size >= {Intents}", TimeSpan.FromMinutes(5), ct);
        await s.EvalAsync("void window.deconflict.map.jumpTo({ center: [37.5, 35], zoom: 6 })", ct);
        await Task.Delay(3000, ct);
        // Frames counted by requestAnimationFrame over 8 s of panning; started in the page and polled (a busy page
        // would time out a single DevTools call).
        await s.EvalAsync(
            "window.__fps = null; (() => { const m = window.deconflict.map; let n = 0; const t0 = performance.now(); " +
            "const step = () => { n++; if (performance.now() - t0 < 8000) requestAnimationFrame(step); else window.__fps = n / ((performance.now() - t0) / 1000); }; " +
            "m.panBy([400, 0], { duration: 4000 }); setTimeout(() => m.panBy([-400, 0], { duration: 4000 }), 4000); requestAnimationFrame(step); })()", ct);
        await browser.WaitForAsync("window.__fps !== null", TimeSpan.FromMinutes(3), ct);
        var fps = (await s.EvalAsync("window.__fps", ct)).GetDouble();
        var latencies = new List<double>();
        for (var i = 0; i < 15; i++)
        {
            // Started in the page and polled, so a busy page cannot time out one DevTools call.
            await s.EvalAsync(
                "window.__latency = null; void (async () => { const key = sessionStorage.getItem('deconflict.key'); const id = 'PROBE'; const k = ['track', '" + party + "', id].join('\\u001f'); const lat = 35 + Math.random() * 0.01; " +
                "const t0 = performance.now(); await fetch('/api/v1/tracks', { method: 'POST', headers: { Authorization: 'Bearer ' + key, 'Content-Type': 'application/json' }, " +
                "body: JSON.stringify([{ id, t: new Date().toISOString(), lat_deg: lat, lon_deg: 37.5, alt_ft: 20000, gs_kt: 300, trk_deg: 90, vs_fpm: 0 }]) }); " +
                "while (performance.now() - t0 < 30000) { const tr = window.deconflict.picture.tracks.get(k); " +
                "if (tr && tr.lat_deg === lat && Number(document.body.dataset.tracksRenderedAt) > t0) { await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))); window.__latency = performance.now() - t0; return; } " +
                "await new Promise(r => setTimeout(r, 5)); } window.__latency = -1; })()", ct);
            await browser.WaitForAsync("window.__latency !== null", TimeSpan.FromSeconds(90), ct);
            var ms = (await s.EvalAsync("window.__latency", ct)).GetDouble();
            latencies.Add(ms);
            await Task.Delay(700, ct);
        }
        await feeding.CancelAsync();
        try
        {
            await feeder;
        }
        catch (OperationCanceledException)
        {
            // the feed stops with the benchmark
        }
        latencies.Sort();
        var report = string.Create(CultureInfo.InvariantCulture,
            $"console bench: {Tracks} tracks (all updated every 2 s), {Intents} intents; console ready after {loadS:0.0} s; " +
            $"{fps:0.0} frames/s while panning; post-to-screen latency median {latencies[latencies.Count / 2]:0} ms, max {latencies[^1]:0} ms (n={latencies.Count})");
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        Console.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(ConsoleSteps.ShotDirectory, "console-bench.txt"), report + "\n", ct);
        await s.ShotAsync("console-bench.png", ct);
        latencies.ShouldNotContain(-1, "a report never reached the screen");
    }

    private static string Inv(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
