using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Deconflict.Core.Audit;
using Deconflict.Hub.Events;
using Deconflict.Hub.Storage;
using Npgsql;

namespace Deconflict.Cli.Commands;

/// <summary>
/// <c>deconflict bench audit [--db SQLITE_FILE|POSTGRES] [--writes N]</c>: audited writes per second through the hub's
/// store — each one a serialised transaction holding an event and a hash-chained, Ed25519-signed audit entry, committed
/// durably (SQLite WAL with synchronous=FULL; PostgreSQL default fsync) — and, for scale, the in-memory cost of building
/// and of verifying one entry.
/// </summary>
internal static class BenchAuditCommand
{
    public static Command Create()
    {
        var db = new Option<string?>("--db") { Description = "SQLite file (default: a temporary one) or PostgreSQL (\"Host=...\" or postgres://...). The database gets the hub schema." };
        var writes = new Option<int>("--writes") { Description = "Audited writes to time.", DefaultValueFactory = _ => 2000 };
        var command = new Command("audit", "Benchmark audited writes per second on SQLite or PostgreSQL.") { db, writes };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(db), parse.GetValue(writes), ct));
        return command;
    }

    private static async Task<int> RunAsync(string? database, int writes, CancellationToken ct)
    {
        if (writes is < 10 or > 10_000_000)
        {
            throw new InputException("--writes: between 10 and 10000000");
        }
        var temp = Directory.CreateTempSubdirectory("deconflict-bench-audit-").FullName;
        try
        {
            using var signer = AuditSigner.CreateEphemeral();
            var chain = new AuditChain(signer);
            InMemory(chain, signer.PublicKey, Math.Min(writes * 5, 20_000));

            var trail = new AuditTrail(chain);
            var events = new HubEvents();
            NpgsqlDataSource? source = null;
            SqlHubStore store;
            string label;
            if (PostgresHubStore.IsPostgres(database))
            {
                source = NpgsqlDataSource.Create(PostgresHubStore.ToConnectionString(database!));
                store = new PostgresHubStore(source, events, trail, TimeProvider.System);
                label = "PostgreSQL";
            }
            else
            {
                var path = database ?? Path.Combine(temp, "bench.db");
                store = new SqliteHubStore(path, events, trail, TimeProvider.System);
                label = $"SQLite ({path})";
            }
            await using var _ = source;
            await store.MigrateAsync(ct).ConfigureAwait(false);
            var latencies = new double[writes];
            var total = Stopwatch.StartNew();
            for (var i = 0; i < writes; i++)
            {
                if (!Console.IsErrorRedirected && i % Math.Max(1, writes / 20) == 0)
                {
                    Console.Error.Write($"\r  {label}: {i}/{writes} writes");
                }
                var one = Stopwatch.StartNew();
                await store.WriteAsync(async w =>
                {
                    var content = $$$"""{"bench":{{{i}}},"template":"REQUEST_ALTITUDE_CHANGE","params":{"flight_level":320}}""";
                    await w.AppendEventAsync("message", "bench-" + i.ToString(CultureInfo.InvariantCulture), "", ["a", "b"], content).ConfigureAwait(false);
                    return await w.AppendAuditAsync("a", "message.post", "message", "bench-" + i.ToString(CultureInfo.InvariantCulture), ["a", "b"], content).ConfigureAwait(false);
                }, ct).ConfigureAwait(false);
                latencies[i] = one.Elapsed.TotalMilliseconds;
            }
            total.Stop();
            if (!Console.IsErrorRedirected)
            {
                Console.Error.WriteLine();
            }
            Array.Sort(latencies);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}: {writes} audited writes in {total.Elapsed.TotalSeconds:F2} s = {writes / total.Elapsed.TotalSeconds:F0} writes/s; latency p50 {Percentile(latencies, 0.5):F2} ms, p99 {Percentile(latencies, 0.99):F2} ms, max {latencies[^1]:F2} ms"));
            return 0;
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>What a write pays before the database: canonical bytes, two SHA-256, one Ed25519 signature; and the verifier's cost per entry.</summary>
    private static void InMemory(AuditChain chain, AuditPublicKey key, int count)
    {
        var entries = new List<AuditEntry>(count);
        AuditEntry? last = null;
        var start = DateTimeOffset.UtcNow;
        var build = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            last = chain.Next(last, start, "a", "message.post", "message", "m-" + i.ToString(CultureInfo.InvariantCulture), ["a", "b"],
                """{"template":"REQUEST_ALTITUDE_CHANGE","params":{"flight_level":320}}""");
            entries.Add(last);
        }
        build.Stop();
        var lines = entries.Select(e => AuditExport.FormatLine(e, null)).ToList();
        var verify = Stopwatch.StartNew();
        var result = AuditVerifier.Verify(lines.Select((l, i) => AuditExport.ParseLine(l, i + 1)), key);
        verify.Stop();
        if (!result.IsValid)
        {
            throw new InvalidOperationException("benchmark chain does not verify: " + result.Problem);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"in memory: build+sign {build.Elapsed.TotalMicroseconds / count:F1} µs/entry ({count / build.Elapsed.TotalSeconds:F0}/s); parse+verify {verify.Elapsed.TotalMicroseconds / count:F1} µs/entry ({count / verify.Elapsed.TotalSeconds:F0}/s)"));
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
