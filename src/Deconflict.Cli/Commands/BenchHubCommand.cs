using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic;
using Deconflict.Hub;
using Deconflict.Hub.Intents;
using Deconflict.Hub.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Deconflict.Cli.Commands;

/// <summary>
/// <c>deconflict bench hub</c>: intents created per second over HTTP and their latency (p50/p99) against a hub on
/// loopback that already stores N intents (bulk-loaded through the same write path), on SQLite or PostgreSQL.
/// </summary>
internal static class BenchHubCommand
{
    public static Command Create()
    {
        var stored = new Option<string>("--stored") { Description = "Comma-separated counts of intents stored before measuring.", DefaultValueFactory = _ => "1000,100000" };
        var requests = new Option<int>("--requests") { Description = "PUT requests measured per run.", DefaultValueFactory = _ => 2000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight at once.", DefaultValueFactory = _ => 8 };
        var db = new Option<string?>("--db") { Description = "PostgreSQL connection string (default: a temporary SQLite file)." };
        var command = new Command("hub", "Benchmark the hub: intents created per second and p99 latency with N stored intents.") { stored, requests, concurrency, db };
        command.SetAction(async (parse, ct) =>
        {
            var counts = parse.GetValue(stored)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 1_000_000
                    ? n : throw new InputException($"--stored: '{s}' is not a count between 0 and 1000000"))
                .ToList();
            var n = parse.GetValue(requests);
            var c = parse.GetValue(concurrency);
            if (n is < 1 or > 100_000 || c is < 1 or > 256)
            {
                throw new InputException("--requests must be 1..100000 and --concurrency 1..256");
            }
            var table = new Table().AddColumns("stored", "store", "reqs", "conc", "intents/s", "p50 ms", "p99 ms", "max ms", "import s", "writes/commit", "trips/write");
            foreach (var count in counts)
            {
                var row = await RunAsync(count, n, c, parse.GetValue(db), ct).ConfigureAwait(false);
                table.AddRow(row);
            }
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"[grey]{Environment.ProcessorCount} cores, {RuntimeInformationText()}; loopback HTTP/1.1, one PUT = strategic check + transaction (intent, conflicts, events, signed audit entry) + fsync.[/]");
            return 0;
        });
        return command;
    }

    private static async Task<string[]> RunAsync(int stored, int requests, int concurrency, string? db, CancellationToken ct)
    {
        var data = Path.Combine(Path.GetTempPath(), "deconflict-bench-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(data);
        var admin = "bench-admin-" + Guid.NewGuid().ToString("N");
        // The probe budget is off: the writer's many conflicts with the seed party would otherwise end in 429 and the bench measures writes.
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0", $"--Hub:DataDirectory={data}", $"--Hub:AdminKey={admin}", "--Logging:LogLevel:Default=Error", "--Disclosure:ProbeBudget=0",
        };
        if (db is not null)
        {
            args.Add($"--Hub:Database={db}");
        }
        var app = HubApplication.Build([.. args]);
        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(60) };
            // Ids unique to this run, so that a PostgreSQL database reused from an earlier run takes new parties and intents.
            var run = Guid.NewGuid().ToString("N")[..8];
            var seedParty = await CreatePartyAsync(http, admin, $"bench-seed-{run}", ct).ConfigureAwait(false);
            var writerKey = await CreatePartyAsync(http, admin, $"bench-writer-{run}", ct).ConfigureAwait(false);
            var random = new Random(42);
            var seeds = Enumerable.Range(0, stored).Select(i => RandomIntent(random, $"SEED-{run}-{i:D7}", seedParty.Id)).ToList();
            var desk = app.Services.GetRequiredService<IntentDesk>();
            var seeding = Stopwatch.StartNew();
            await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask($"storing {stored:N0} intents", maxValue: Math.Max(stored, 1));
                await desk.ImportAsync(seeds, 2_000, new Progress<int>(done => task.Value = done), ct).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
            var seeded = seeding.Elapsed.TotalSeconds;
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", writerKey.Key);
            var bodies = Enumerable.Range(0, requests).Select(_ => Body(RandomIntent(random, "x", writerKey.Id, priority: 10))).ToList();
            // Warm-up outside the measurement.
            for (var i = 0; i < Math.Min(50, requests); i++)
            {
                await PutAsync(http, $"WARM-{run}-{i}", bodies[i], ct).ConfigureAwait(false);
            }
            var store = (SqlHubStore)app.Services.GetRequiredService<IHubStore>();
            var (commits0, trips0) = (store.WriteCommits, store.WriteRoundTrips);
            var latencies = new double[requests];
            var next = -1;
            var clock = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, concurrency).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < requests)
                {
                    var t = Stopwatch.GetTimestamp();
                    await PutAsync(http, $"W-{run}-{i:D6}", bodies[i], ct).ConfigureAwait(false);
                    latencies[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                }
            }).ToList();
            await Task.WhenAll(workers).ConfigureAwait(false);
            var elapsed = clock.Elapsed.TotalSeconds;
            var commits = Math.Max(1, store.WriteCommits - commits0);
            var trips = store.WriteRoundTrips - trips0;
            Array.Sort(latencies);
            string Ms(double v) => v.ToString("F1", CultureInfo.InvariantCulture);
            return
            [
                stored.ToString("N0", CultureInfo.InvariantCulture), db is null ? "SQLite" : "PostgreSQL", requests.ToString(CultureInfo.InvariantCulture),
                concurrency.ToString(CultureInfo.InvariantCulture), (requests / elapsed).ToString("F0", CultureInfo.InvariantCulture),
                Ms(latencies[requests / 2]), Ms(latencies[(int)Math.Min(requests - 1, Math.Ceiling(requests * 0.99) - 1)]), Ms(latencies[^1]),
                seeded.ToString("F1", CultureInfo.InvariantCulture),
                ((double)requests / commits).ToString("F1", CultureInfo.InvariantCulture),
                ((double)trips / requests).ToString("F1", CultureInfo.InvariantCulture),
            ];
        }
        finally
        {
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task PutAsync(HttpClient http, string id, string body, CancellationToken ct)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/geo+json");
        using var response = await http.PutAsync(new Uri("/api/v1/intents/" + id, UriKind.Relative), content, ct).ConfigureAwait(false);
        if ((int)response.StatusCode is not (201 or 409))
        {
            throw new InvalidOperationException($"PUT {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false)}");
        }
    }

    internal static async Task<(string Id, string Key)> CreatePartyAsync(HttpClient http, string admin, string id, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/parties")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { name = id, kind = "operator", id }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
        return (id, doc.RootElement.GetProperty("api_key").GetString()!);
    }

    /// <summary>A circle or corridor somewhere over a 10°×10° region during 30 days, 1–4 h long, a 2 000–10 000 ft band.</summary>
    internal static OperationalIntent RandomIntent(Random r, string id, string party, int priority = 0)
    {
        var lat = 30 + r.NextDouble() * 10;
        var lon = 35 + r.NextDouble() * 10;
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(r.Next(0, 30 * 24 * 4) * 15);
        var lower = r.Next(0, 400) * 100.0;
        var volume = new Volume4D(
            r.Next(2) == 0
                ? new CircleShape(new GeoPoint(lat, lon), 2_000 + r.NextDouble() * 8_000)
                : new CorridorShape([new GeoPoint(lat, lon), new GeoPoint(lat + r.NextDouble() * 0.3, lon + r.NextDouble() * 0.3)], 1_000 + r.NextDouble() * 4_000),
            lower, lower + 2_000 + r.Next(0, 80) * 100, start, start.AddMinutes(60 + r.Next(0, 12) * 15));
        return new OperationalIntent(id, party, IntentState.Accepted, priority, 0, [volume]);
    }

    internal static string Body(OperationalIntent intent)
    {
        using var doc = JsonDocument.Parse(IntentGeoJson.Write(intent));
        var features = doc.RootElement.GetProperty("features").EnumerateArray().Select(f =>
        {
            var props = f.GetProperty("properties");
            var kept = props.EnumerateObject().Where(p => p.Name is not ("intent_id" or "party")).Select(p => $"\"{p.Name}\":{p.Value.GetRawText()}");
            return $"{{\"type\":\"Feature\",\"geometry\":{f.GetProperty("geometry").GetRawText()},\"properties\":{{{string.Join(",", kept)}}}}}";
        });
        return "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",", features) + "]}";
    }

    private static string RuntimeInformationText() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;
}
