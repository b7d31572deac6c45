using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Deconflict.Testing;
using Npgsql;

namespace Deconflict.Hub.Tests.Hosting;

/// <summary>
/// A throwaway PostgreSQL cluster for the test run: installs Debian's <c>postgresql</c> when initdb is missing,
/// runs initdb/pg_ctl (as the <c>postgres</c> user when the tests run as root, which PostgreSQL refuses) in a
/// temporary directory on a spare loopback port, and stops it when the run ends. Never skipped: a failure to
/// start fails the PostgreSQL tests.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresCluster? _shared;
    private readonly string _dir;
    private readonly string _binDir;
    private int _databases;

    private PostgresCluster(string dir, string binDir, int port)
    {
        _dir = dir;
        _binDir = binDir;
        Port = port;
    }

    public int Port { get; }

    public static async Task<PostgresCluster> SharedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _shared ??= await StartAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Stops the shared cluster (called once at the end of the run).</summary>
    public static async Task StopSharedAsync()
    {
        if (_shared is { } cluster)
        {
            await cluster.DisposeAsync();
            _shared = null;
        }
    }

    /// <summary>A new, empty database in the cluster; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"hub_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        await using (var admin = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE {name}";
            await create.ExecuteNonQueryAsync();
        }
        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Pooling = true, MaxPoolSize = 20 }.ToString();

    public async ValueTask DisposeAsync()
    {
        await RunAsync(Path.Combine(_binDir, "pg_ctl"), ["-D", Path.Combine(_dir, "data"), "-m", "immediate", "-w", "stop"], allowFailure: true);
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>A cluster of its own, for a test that stops and starts the server (<see cref="StopServerAsync"/>); dispose it.</summary>
    public static async Task<PostgresCluster> StartPrivateAsync() => await StartAsync();

    private static async Task<PostgresCluster> StartAsync()
    {
        var ensure = Path.Combine(RepoPaths.Root, "scripts", "ensure-packages.sh");
        await RunAsync("bash", [ensure, "initdb=postgresql"], allowFailure: false, asPostgres: false);
        var binDir = FindBinDir() ?? throw new InvalidOperationException("initdb not found after installing postgresql");
        var dir = Path.Combine(Path.GetTempPath(), "deconflict-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        if (IsRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", dir], allowFailure: false, asPostgres: false);
        }
        await RunAsync(Path.Combine(binDir, "initdb"), ["-D", Path.Combine(dir, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"], allowFailure: false);
        var cluster = new PostgresCluster(dir, binDir, FreePort());
        await cluster.StartServerAsync();
        return cluster;
    }

    /// <summary>Starts the server (again) on the cluster's port.</summary>
    public Task StartServerAsync() => RunAsync(Path.Combine(_binDir, "pg_ctl"),
        ["-D", Path.Combine(_dir, "data"), "-l", Path.Combine(_dir, "log.txt"), "-w", "-t", "60",
            "-o", $"-p {Port} -k {_dir} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200", "start"],
        allowFailure: false);

    /// <summary>Stops the server at once, as a crash would (open connections are cut, nothing is flushed politely).</summary>
    public Task StopServerAsync() =>
        RunAsync(Path.Combine(_binDir, "pg_ctl"), ["-D", Path.Combine(_dir, "data"), "-m", "immediate", "-w", "stop"], allowFailure: false);

    private static bool IsRoot => Environment.UserName == "root";

    private static string? FindBinDir()
    {
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            foreach (var version in Directory.GetDirectories("/usr/lib/postgresql").OrderDescending())
            {
                if (File.Exists(Path.Combine(version, "bin", "initdb")))
                {
                    return Path.Combine(version, "bin");
                }
            }
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
            {
                return dir;
            }
        }
        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string[] args, bool allowFailure, bool asPostgres = true)
    {
        var info = asPostgres && IsRoot
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. args])
            : new ProcessStartInfo(file, args);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0 && !allowFailure)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await stdout}{await stderr}");
        }
    }
}
