using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Deconflict.Hub.Storage;
using Npgsql;
using Spectre.Console;

namespace Deconflict.Cli.Commands;

/// <summary>
/// <c>deconflict bench cluster --db &lt;postgres&gt;</c>: the hub as a cluster of 1, 2 and 3 <c>serve --cluster</c>
/// processes on this machine, each on a fresh database: intents checked and written per second spread over the
/// nodes, and a live picture of N aircraft reported through every node; per operation the CPU of all nodes, the
/// messages between nodes and the database transactions, since a machine of two cores cannot show wall-clock scaling.
/// </summary>
internal static class BenchClusterCommand
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(90);

    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "PostgreSQL server to create the benchmark's databases on (connection string or postgres:// URL; needs CREATE DATABASE).", Required = true };
        var nodes = new Option<string>("--nodes") { Description = "Comma-separated cluster sizes to measure.", DefaultValueFactory = _ => "1,2,3" };
        var intents = new Option<int>("--intents") { Description = "Intent PUTs measured per cluster size.", DefaultValueFactory = _ => 1000 };
        var writers = new Option<int>("--writers") { Description = "Parties writing at once (each request to the next node).", DefaultValueFactory = _ => 8 };
        var tracks = new Option<int>("--tracks") { Description = "Aircraft in the live picture.", DefaultValueFactory = _ => 2000 };
        var command = new Command("cluster", "Benchmark a cluster of 1, 2 and 3 nodes: intents/s, detection cycle, CPU and messages per operation.") { db, nodes, intents, writers, tracks };
        command.SetAction(async (parse, ct) =>
        {
            var sizes = parse.GetValue(nodes)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 8
                    ? n : throw new InputException($"--nodes: '{s}' is not a cluster size between 1 and 8"))
                .ToList();
            var (i, w, t) = (parse.GetValue(intents), parse.GetValue(writers), parse.GetValue(tracks));
            if (i is < 10 or > 100_000 || w is < 1 or > 64 || t is < 2 or > 100_000)
            {
                throw new InputException("--intents must be 10..100000, --writers 1..64 and --tracks 2..100000");
            }
            var server = parse.GetValue(db)!;
            if (!PostgresHubStore.IsPostgres(server))
            {
                throw new InputException("--db must be a PostgreSQL connection string or postgres:// URL");
            }
            var table = new Table().AddColumns("nodes", "intents/s", "p50 ms", "p99 ms", "CPU ms/intent", "msgs/intent", "db xacts/intent",
                "tracks", "cycle ms", "CPU µs/report", "msgs/report", "idle msgs/s");
            foreach (var size in sizes)
            {
                table.AddRow(await RunAsync(PostgresHubStore.ToConnectionString(server), size, i, w, t, ct).ConfigureAwait(false));
            }
            if (Console.IsOutputRedirected)
            {
                // A report written to a file keeps its twelve columns whole.
                AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 180);
            }
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"[grey]{Environment.ProcessorCount} cores; every node, PostgreSQL and this client on this machine. CPU: all nodes' processes together; msgs: Orleans messages between nodes "
                + "(grain calls, picture relays, membership probes; idle msgs/s is the background with nothing to do, included in the per-operation figures); "
                + "db xacts: committed transactions of the database, reads included.[/]");
            return 0;
        });
        return command;
    }

    private static async Task<string[]> RunAsync(string server, int size, int intents, int writers, int tracks, CancellationToken ct)
    {
        var database = $"bench_cluster_{size}_{Guid.NewGuid().ToString("N")[..8]}";
        await AdminSqlAsync(server, $"CREATE DATABASE {database}", ct).ConfigureAwait(false);
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        var admin = "bench-admin-" + Guid.NewGuid().ToString("N");
        var nodes = new List<Node>();
        try
        {
            return await AnsiConsole.Status().StartAsync($"{size} node(s): starting", async status =>
            {
                for (var n = 0; n < size; n++)
                {
                    nodes.Add(Node.Start(connection, admin));
                }
                await WaitForMembersAsync(nodes, admin, ct).ConfigureAwait(false);

                status.Status($"{size} node(s): idle background");
                var idle0 = await SnapshotAsync(nodes, connection, ct).ConfigureAwait(false);
                await Task.Delay(TimeSpan.FromSeconds(3), ct).ConfigureAwait(false);
                var idle1 = await SnapshotAsync(nodes, connection, ct).ConfigureAwait(false);
                var idleRate = (idle1.Messages - idle0.Messages) / (idle1.At - idle0.At).TotalSeconds;

                status.Status($"{size} node(s): {intents:N0} intents from {writers} writers");
                var parties = new List<(string Id, string Key)>();
                for (var p = 0; p < writers; p++)
                {
                    parties.Add(await BenchHubCommand.CreatePartyAsync(nodes[p % size].Http, admin, $"writer-{p}", ct).ConfigureAwait(false));
                }
                var random = new Random(7);
                var bodies = Enumerable.Range(0, intents + 20 * writers).Select(n => BenchHubCommand.Body(BenchHubCommand.RandomIntent(random, "x", parties[n % writers].Id))).ToList();
                for (var n = 0; n < 20 * writers; n++)
                {
                    await PutAsync(nodes[n % size].Http, parties[n % writers].Key, $"WARM-{n}", bodies[intents + n], ct).ConfigureAwait(false);
                }
                var before = await SnapshotAsync(nodes, connection, ct).ConfigureAwait(false);
                var latencies = new double[intents];
                var next = -1;
                var clock = Stopwatch.StartNew();
                await Task.WhenAll(Enumerable.Range(0, writers).Select(async writer =>
                {
                    int n;
                    while ((n = Interlocked.Increment(ref next)) < intents)
                    {
                        var t = Stopwatch.GetTimestamp();
                        await PutAsync(nodes[n % size].Http, parties[writer].Key, $"I-{n:D6}", bodies[n], ct).ConfigureAwait(false);
                        latencies[n] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                    }
                })).ConfigureAwait(false);
                var elapsed = clock.Elapsed.TotalSeconds;
                var after = await SnapshotAsync(nodes, connection, ct).ConfigureAwait(false);
                Array.Sort(latencies);

                status.Status($"{size} node(s): {tracks:N0} aircraft reported through every node");
                var (cycleMs, reportCpuUs, reportMsgs) = await TracksAsync(nodes, parties[0].Key, tracks, connection, ct).ConfigureAwait(false);

                string F(double v, string format = "F1") => v.ToString(format, CultureInfo.InvariantCulture);
                return new[]
                {
                    size.ToString(CultureInfo.InvariantCulture), F(intents / elapsed, "F0"), F(latencies[intents / 2]),
                    F(latencies[(int)Math.Min(intents - 1, Math.Ceiling(intents * 0.99) - 1)]),
                    F((after.CpuMs - before.CpuMs) / intents, "F2"), F((double)(after.Messages - before.Messages) / intents, "F2"),
                    F((double)(after.Transactions - before.Transactions) / intents), tracks.ToString("N0", CultureInfo.InvariantCulture), F(cycleMs),
                    F(reportCpuUs), F(reportMsgs, "F3"), F(idleRate),
                };
            }).ConfigureAwait(false);
        }
        finally
        {
            foreach (var node in nodes)
            {
                node.Dispose();
            }
            NpgsqlConnection.ClearAllPools();
            await AdminSqlAsync(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)", CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reports <paramref name="count"/> aircraft in batches of 100, each batch through the next node, five rounds a
    /// second apart (as a feed would); then the leader's detection cycle over the whole picture, and per report the
    /// CPU of all nodes and the messages between them.
    /// </summary>
    private static async Task<(double CycleMs, double CpuUs, double Messages)> TracksAsync(List<Node> nodes, string key, int count, string connection, CancellationToken ct)
    {
        var random = new Random(11);
        var aircraft = Enumerable.Range(0, count).Select(n => (Id: $"b{n:x5}", Lat: 30 + random.NextDouble() * 10, Lon: 35 + random.NextDouble() * 10,
            Alt: 10_000 + random.Next(0, 300) * 100, Trk: random.NextDouble() * 360)).ToList();
        const int Rounds = 5;
        var before = await SnapshotAsync(nodes, connection, ct).ConfigureAwait(false);
        var batch = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var t = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
            foreach (var chunk in aircraft.Chunk(100))
            {
                var json = new StringBuilder("[");
                foreach (var a in chunk)
                {
                    json.Append(CultureInfo.InvariantCulture, $"{{\"id\":\"{a.Id}\",\"t\":\"{t}\",\"lat_deg\":{a.Lat},\"lon_deg\":{a.Lon},\"alt_ft\":{a.Alt},\"gs_kt\":420,\"trk_deg\":{a.Trk},\"vs_fpm\":0}},");
                }
                json[^1] = ']';
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tracks") { Content = new StringContent(json.ToString(), Encoding.UTF8, "application/json") };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
                using var response = await nodes[batch++ % nodes.Count].Http.SendAsync(request, ct).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
            }
            await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
        }
        var after = await SnapshotAsync(nodes, connection, ct).ConfigureAwait(false);
        // The leader's picture holds every aircraft; its next cycles run over all of them (bounded wait).
        var cycles = new List<double>();
        var seen = -1L;
        for (var attempt = 0; attempt < 100 && cycles.Count < 3; attempt++)
        {
            foreach (var status in await StatusesAsync(nodes, ct).ConfigureAwait(false))
            {
                if (status.GetProperty("leader").GetBoolean() && status.GetProperty("live_tracks").GetInt32() >= count)
                {
                    var cycle = status.GetProperty("detection_cycles").GetInt64();
                    if (seen >= 0 && cycle != seen)
                    {
                        cycles.Add(status.GetProperty("last_cycle_ms").GetDouble());
                    }
                    seen = cycle;
                }
            }
            await Task.Delay(TimeSpan.FromMilliseconds(350), ct).ConfigureAwait(false);
        }
        var reports = (double)count * Rounds;
        return (cycles.Count == 0 ? double.NaN : cycles.Average(), (after.CpuMs - before.CpuMs) * 1000 / reports, (after.Messages - before.Messages) / reports);
    }

    private sealed record Snapshot(DateTimeOffset At, double CpuMs, long Messages, long Transactions);

    private static async Task<Snapshot> SnapshotAsync(List<Node> nodes, string connection, CancellationToken ct)
    {
        var statuses = await StatusesAsync(nodes, ct).ConfigureAwait(false);
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()", db);
        // The statistics collector reports with a delay; a snapshot asks for the current figures.
        await using (var clear = new NpgsqlCommand("SELECT pg_stat_clear_snapshot()", db))
        {
            await clear.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        var xacts = (long)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        return new Snapshot(DateTimeOffset.UtcNow, statuses.Sum(s => s.GetProperty("cpu_ms").GetDouble()), statuses.Sum(s => s.GetProperty("messages_sent").GetInt64()), xacts);
    }

    private static async Task<List<JsonElement>> StatusesAsync(List<Node> nodes, CancellationToken ct)
    {
        var all = new List<JsonElement>();
        foreach (var node in nodes)
        {
            using var doc = JsonDocument.Parse(await node.Http.GetStringAsync(new Uri("/api/v1/cluster", UriKind.Relative), ct).ConfigureAwait(false));
            all.Add(doc.RootElement.Clone());
        }
        return all;
    }

    /// <summary>Waits (bounded) until every node sees all the others active and one of them leads.</summary>
    private static async Task WaitForMembersAsync(List<Node> nodes, string admin, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Settle)
        {
            foreach (var node in nodes.Where(n => n.Exited))
            {
                throw new InvalidOperationException($"a node exited before the cluster formed: {node.LastError}");
            }
            try
            {
                var statuses = await StatusesAsync(nodes, ct).ConfigureAwait(false);
                if (statuses.All(s => s.GetProperty("members").EnumerateArray().Count(m => m.GetProperty("status").GetString() == "Active") == nodes.Count)
                    && statuses.Count(s => s.GetProperty("leader").GetBoolean()) == 1)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(TimeSpan.FromMilliseconds(300), ct).ConfigureAwait(false);
        }
        throw new TimeoutException($"{nodes.Count} nodes did not form a cluster within {Settle.TotalSeconds} s");
    }

    private static async Task PutAsync(HttpClient http, string key, string id, string body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/intents/" + id) { Content = new StringContent(body, Encoding.UTF8, "application/geo+json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        if ((int)response.StatusCode is not (201 or 409))
        {
            throw new InvalidOperationException($"PUT {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false)}");
        }
    }

    private static async Task AdminSqlAsync(string server, string sql, CancellationToken ct)
    {
        await using var db = new NpgsqlConnection(server);
        await db.OpenAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>One <c>serve --cluster</c> process of this program on loopback, with a data directory of its own.</summary>
    private sealed class Node : IDisposable
    {
        private readonly Process _process;
        private readonly string _data;
        private readonly StringBuilder _errors = new();

        private Node(Process process, string data, Uri url, string admin)
        {
            _process = process;
            _data = data;
            Http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
            Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        }

        /// <summary>A client of this node; its default key is the admin's.</summary>
        public HttpClient Http { get; }

        public bool Exited => _process.HasExited;

        public string LastError
        {
            get
            {
                lock (_errors)
                {
                    return _errors.ToString();
                }
            }
        }

        public static Node Start(string connection, string admin)
        {
            var data = Path.Combine(Path.GetTempPath(), "deconflict-bench-node-" + Guid.NewGuid().ToString("N")[..10]);
            var url = new Uri($"http://127.0.0.1:{FreePort()}");
            var self = Environment.ProcessPath ?? throw new InvalidOperationException("The program's path is not known.");
            var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            // Run through the dotnet host (dotnet deconflict.dll): the assembly comes first.
            if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            {
                info.ArgumentList.Add(typeof(BenchClusterCommand).Assembly.Location);
            }
            foreach (var arg in new[] { "serve", "--cluster", "--db", connection, "--data", data, "--urls", url.ToString().TrimEnd('/'),
                "--silo-port", FreePort().ToString(CultureInfo.InvariantCulture), "--gateway-port", FreePort().ToString(CultureInfo.InvariantCulture) })
            {
                info.ArgumentList.Add(arg);
            }
            info.Environment["DECONFLICT_ADMIN_KEY"] = admin;
            // The writers' many conflicts with each other would otherwise end in 429: the bench measures writes.
            info.Environment["DECONFLICT_PROBE_BUDGET"] = "0";
            var process = Process.Start(info) ?? throw new InvalidOperationException("A node did not start.");
            var node = new Node(process, data, url, admin);
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is { } line)
                {
                    lock (node._errors)
                    {
                        node._errors.AppendLine(line);
                    }
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return node;
        }

        public void Dispose()
        {
            Http.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
            _process.Dispose();
            try
            {
                Directory.Delete(_data, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
