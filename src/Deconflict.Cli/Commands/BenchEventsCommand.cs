using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic;
using Deconflict.Hub;
using Deconflict.Hub.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Deconflict.Cli.Commands;

/// <summary>
/// <c>deconflict bench events</c>: N event-stream subscribers on loopback HTTP while conflicts are opened at a steady
/// rate; the time from a conflict event's commit (its hand-over to the streams) to its arrival at each subscriber
/// that may see it (p50, p99, max), and how many deliveries were missing.
/// </summary>
internal static class BenchEventsCommand
{
    private const int Parties = 4;

    public static Command Create()
    {
        var subscribers = new Option<int>("--subscribers") { Description = "Event streams open at once (spread over 4 parties).", DefaultValueFactory = _ => 1000 };
        var events = new Option<int>("--events") { Description = "Conflicts opened (one conflict event each, seen by half the streams).", DefaultValueFactory = _ => 200 };
        var rate = new Option<int>("--rate") { Description = "Conflicts opened per second.", DefaultValueFactory = _ => 20 };
        var db = new Option<string?>("--db") { Description = "PostgreSQL connection string (default: a temporary SQLite file)." };
        var inProcess = new Option<bool>("--clients-in-process") { Description = "Run the subscribers in the hub's process (default: a process of their own, so the figure is the hub's)." };
        var command = new Command("events", "Benchmark event fan-out: commit-to-delivery latency with N event-stream subscribers.") { subscribers, events, rate, db, inProcess };
        command.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(subscribers);
            var count = parse.GetValue(events);
            var perSecond = parse.GetValue(rate);
            if (n is < 1 or > 10_000 || count is < 1 or > 100_000 || perSecond is < 1 or > 10_000)
            {
                throw new InputException("--subscribers must be 1..10000, --events 1..100000 and --rate 1..10000");
            }
            var separate = !parse.GetValue(inProcess);
            var row = await RunAsync(n, count, perSecond, parse.GetValue(db), separate, ct).ConfigureAwait(false);
            var table = new Table().AddColumns("subscribers", "store", "conflicts", "deliveries", "missing", "p50 ms", "p99 ms", "max ms");
            table.AddRow(row);
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"[grey]{Environment.ProcessorCount} cores; {(separate ? "subscribers in a process of their own" : "hub and subscribers in one process")}, loopback HTTP/1.1; latency from the event's hand-over to the streams after its commit to the end of its SSE frame at the subscriber.[/]");
            return 0;
        });
        return command;
    }

    private static async Task<string[]> RunAsync(int subscribers, int conflicts, int rate, string? db, bool separate, CancellationToken ct)
    {
        var data = Path.Combine(Path.GetTempPath(), "deconflict-bench-events-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(data);
        var admin = "bench-admin-" + Guid.NewGuid().ToString("N");
        var args = new List<string> { "--urls=http://127.0.0.1:0", $"--Hub:DataDirectory={data}", $"--Hub:AdminKey={admin}", "--Logging:LogLevel:Default=Warning" };
        if (db is not null)
        {
            args.Add($"--Hub:Database={db}");
        }
        var app = HubApplication.Build([.. args]);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Process? clients = null;
        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
            var baseAddress = new Uri(app.Urls.First());
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue }) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
            var run = Guid.NewGuid().ToString("N")[..8];
            var parties = new List<(string Id, string Key)>();
            for (var p = 0; p < Parties; p++)
            {
                parties.Add(await BenchHubCommand.CreatePartyAsync(http, admin, $"bench-ev{p}-{run}", ct).ConfigureAwait(false));
            }

            // Pairs 0/1 and 2/3 share everything with each other, so their overlapping intents are conflicts, not probes.
            await AgreeAsync(http, parties[0], parties[1], ct).ConfigureAwait(false);
            await AgreeAsync(http, parties[2], parties[3], ct).ConfigureAwait(false);

            // When each conflict event was handed to the streams, from the hub's own bus.
            var published = new ConcurrentDictionary<long, long>();
            var bus = app.Services.GetRequiredService<HubEvents>().SubscribeStream(1 << 20);
            var recorder = Task.Run(async () =>
            {
                await foreach (var d in bus.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
                {
                    if (d.Record.Type == "conflict")
                    {
                        published[d.Record.Sequence] = d.PublishedAt;
                    }
                }
            }, CancellationToken.None);

            var received = new ConcurrentQueue<(long Seq, long At)>();
            var streams = new List<Task>();
            clients = separate ? StartClients(baseAddress, parties, subscribers) : null;
            var childCount = 0L;
            Task? childOutput = null;
            await AnsiConsole.Status().StartAsync($"opening {subscribers:N0} event streams", async _ =>
            {
                if (clients is not null)
                {
                    // The child says "ready" once every stream is open, then how many frames it has.
                    while (await clients.StandardOutput.ReadLineAsync(ct).ConfigureAwait(false) is { } line && line != "ready")
                    {
                    }
                    childOutput = Task.Run(async () =>
                    {
                        while (await clients.StandardOutput.ReadLineAsync(CancellationToken.None).ConfigureAwait(false) is { } line && line != "end")
                        {
                            if (line.StartsWith("received ", StringComparison.Ordinal))
                            {
                                Interlocked.Exchange(ref childCount, long.Parse(line.AsSpan(9), CultureInfo.InvariantCulture));
                            }
                            else if (line.Split(' ') is [var seq, var at])
                            {
                                received.Enqueue((long.Parse(seq, CultureInfo.InvariantCulture), long.Parse(at, CultureInfo.InvariantCulture)));
                            }
                        }
                    }, CancellationToken.None);
                    return;
                }
                for (var i = 0; i < subscribers; i++)
                {
                    var ready = new TaskCompletionSource();
                    streams.Add(BenchEventsClientsCommand.ReadStreamAsync(http, parties[i % Parties].Key, received, ready, stop.Token));
                    await ready.Task.WaitAsync(TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);

            // Conflicts alternate between parties 0/1 and 2/3: each event is for half the streams, filtered out by the rest.
            var writers = parties.Select(p =>
            {
                var c = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
                c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", p.Key);
                return c;
            }).ToList();
            try
            {
                var interval = TimeSpan.FromSeconds(1.0 / rate);
                var clock = Stopwatch.StartNew();
                await AnsiConsole.Progress().StartAsync(async progress =>
                {
                    var task = progress.AddTask($"opening {conflicts:N0} conflicts at {rate}/s", maxValue: conflicts);
                    for (var k = 0; k < conflicts; k++)
                    {
                        var due = interval * k - clock.Elapsed;
                        if (due > TimeSpan.Zero)
                        {
                            await Task.Delay(due, ct).ConfigureAwait(false);
                        }
                        var pair = (k % 2) * 2;
                        var lat = -60 + (k / 100) * 0.5;
                        var lon = -170 + (k % 100) * 0.5;
                        await PutAsync(writers[pair], $"EV-{run}-{k}-A", Intent(lat, lon, 0), ct).ConfigureAwait(false);
                        await PutAsync(writers[pair + 1], $"EV-{run}-{k}-B", Intent(lat, lon, 4), ct).ConfigureAwait(false);
                        task.Value = k + 1;
                    }
                }).ConfigureAwait(false);
            }
            finally
            {
                foreach (var c in writers)
                {
                    c.Dispose();
                }
            }

            // Each conflict event reaches the streams of its two parties.
            var ofFirstPair = Enumerable.Range(0, subscribers).Count(i => i % Parties < 2);
            var expected = (long)(conflicts + 1) / 2 * ofFirstPair + (long)conflicts / 2 * (subscribers - ofFirstPair);
            var deadline = Stopwatch.StartNew();
            long Received() => clients is null ? received.Count : Interlocked.Read(ref childCount);
            while (Received() < expected && deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(100, ct).ConfigureAwait(false);
            }
            if (clients is not null)
            {
                await clients.StandardInput.WriteLineAsync("stop".AsMemory(), ct).ConfigureAwait(false);
                await clients.StandardInput.FlushAsync(ct).ConfigureAwait(false);
                await childOutput!.WaitAsync(TimeSpan.FromSeconds(60), ct).ConfigureAwait(false);
                await clients.WaitForExitAsync(ct).ConfigureAwait(false);
            }
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(streams.Append(recorder).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);

            var latencies = new List<double>();
            foreach (var (seq, at) in received)
            {
                if (published.TryGetValue(seq, out var sent))
                {
                    latencies.Add(Stopwatch.GetElapsedTime(sent, at).TotalMilliseconds);
                }
            }
            latencies.Sort();
            string Ms(double q) => latencies.Count == 0 ? "-" :
                latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(latencies.Count * q) - 1)].ToString("F1", CultureInfo.InvariantCulture);
            return
            [
                subscribers.ToString("N0", CultureInfo.InvariantCulture), db is null ? "SQLite" : "PostgreSQL", conflicts.ToString("N0", CultureInfo.InvariantCulture),
                latencies.Count.ToString("N0", CultureInfo.InvariantCulture), Math.Max(0, expected - latencies.Count).ToString("N0", CultureInfo.InvariantCulture),
                Ms(0.5), Ms(0.99), latencies.Count == 0 ? "-" : latencies[^1].ToString("F1", CultureInfo.InvariantCulture),
            ];
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            if (clients is { HasExited: false })
            {
                clients.Kill(entireProcessTree: true);
            }
            clients?.Dispose();
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>This program again as <c>bench events-clients</c>, holding the streams in its own process.</summary>
    private static Process StartClients(Uri hub, List<(string Id, string Key)> parties, int subscribers)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The program's path is not known.");
        var info = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        // Run through the dotnet host (dotnet deconflict.dll): the assembly comes first.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(typeof(BenchEventsCommand).Assembly.Location);
        }
        foreach (var arg in new[] { "bench", "events-clients", "--url", hub.ToString(), "--keys", string.Join(",", parties.Select(p => p.Key)), "--subscribers", subscribers.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }
        return Process.Start(info) ?? throw new InvalidOperationException("The subscriber process did not start.");
    }

    private static async Task AgreeAsync(HttpClient http, (string Id, string Key) proposer, (string Id, string Key) counterparty, CancellationToken ct)
    {
        using var propose = new HttpRequestMessage(HttpMethod.Post, "/api/v1/agreements")
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new
            {
                counterparty = counterparty.Id,
                sharing = new { proposer_to_counterparty = "full", counterparty_to_proposer = "full" },
            }), Encoding.UTF8, "application/json"),
        };
        propose.Headers.Authorization = new AuthenticationHeaderValue("Bearer", proposer.Key);
        using var proposed = await http.SendAsync(propose, ct).ConfigureAwait(false);
        proposed.EnsureSuccessStatusCode();
        using var doc = System.Text.Json.JsonDocument.Parse(await proposed.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
        using var accept = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/agreements/{doc.RootElement.GetProperty("id").GetString()}/accept");
        accept.Headers.Authorization = new AuthenticationHeaderValue("Bearer", counterparty.Key);
        using var accepted = await http.SendAsync(accept, ct).ConfigureAwait(false);
        accepted.EnsureSuccessStatusCode();
    }

    private static async Task PutAsync(HttpClient http, string id, OperationalIntent intent, CancellationToken ct)
    {
        using var content = new StringContent(BenchHubCommand.Body(intent), Encoding.UTF8, "application/geo+json");
        using var response = await http.PutAsync(new Uri("/api/v1/intents/" + id, UriKind.Relative), content, ct).ConfigureAwait(false);
        if ((int)response.StatusCode is not 201)
        {
            throw new InvalidOperationException($"PUT {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false)}");
        }
    }

    /// <summary>A 2 km circle, FL000–FL050 for two hours: the second of a pair at the same place opens one (advisory) conflict.</summary>
    private static OperationalIntent Intent(double lat, double lon, int priority)
    {
        var start = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
        return new OperationalIntent("x", "x", IntentState.Accepted, priority, 0,
            [new Volume4D(new CircleShape(new GeoPoint(lat, lon), 2_000), 0, 5_000, start, start.AddHours(2))]);
    }
}
