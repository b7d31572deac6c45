using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Deconflict.Hub.Tests.Hosting;

/// <summary>The hub as a separate operating-system process (the built Deconflict.Hub.dll), so it can be killed with SIGKILL.</summary>
public sealed partial class HubProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HubProcess(Process process, Uri baseAddress, string adminKey)
    {
        _process = process;
        BaseAddress = baseAddress;
        AdminKey = adminKey;
    }

    public Uri BaseAddress { get; }

    public string AdminKey { get; }

    /// <param name="settings">Extra command-line settings such as <c>--Surveillance:StaleAfterS=3600</c>.</param>
    /// <param name="environment">Extra environment variables for the process.</param>
    public static async Task<HubProcess> StartAsync(string dataDirectory, string adminKey, string? database = null,
        IEnumerable<string>? settings = null, IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Deconflict.Hub.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // A data directory the hub is to create itself does not exist yet.
            WorkingDirectory = workingDirectory ?? (Directory.Exists(dataDirectory) ? dataDirectory : Path.GetTempPath()),
        };
        foreach (var arg in new[] { dll, "--urls=http://127.0.0.1:0", $"--Hub:DataDirectory={dataDirectory}", $"--Hub:AdminKey={adminKey}", "--Hub:Banner=true", "--Hub:CheckDeclaredStatuses=true" })
        {
            info.ArgumentList.Add(arg);
        }
        if (database is not null)
        {
            info.ArgumentList.Add($"--Hub:Database={database}");
        }
        foreach (var setting in settings ?? [])
        {
            info.ArgumentList.Add(setting);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the hub");
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(cts.Token);
            if (line is null)
            {
                await process.WaitForExitAsync(cts.Token);
                var error = await stderr;
                process.Dispose();
                throw new InvalidOperationException("the hub exited before listening: " + (error.Length > 2000 ? error[..2000] : error));
            }
            if (Listening().Match(line) is { Success: true } m)
            {
                _ = DrainAsync(process.StandardOutput);
                return new HubProcess(process, new Uri(m.Groups[1].Value), adminKey);
            }
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }
        _process.Dispose();
    }

    private static async Task DrainAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is not null)
        {
        }
    }

    [GeneratedRegex(@"listening on (http://[^\s,]+)")]
    private static partial Regex Listening();
}
