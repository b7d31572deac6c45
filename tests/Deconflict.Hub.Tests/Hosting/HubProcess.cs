using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Deconflict.Hub.Tests.Hosting;

/// <summary>The hub as a separate operating-system process (the built Deconflict.Hub.dll), so it can be killed with SIGKILL.</summary>
public sealed partial class HubProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HubProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<HubProcess> StartAsync(string dataDirectory, string adminKey, string? database = null, string? workingDirectory = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Deconflict.Hub.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? dataDirectory,
        };
        foreach (var arg in new[] { dll, "--urls=http://127.0.0.1:0", $"--Hub:DataDirectory={dataDirectory}", $"--Hub:AdminKey={adminKey}", "--Hub:Banner=true" })
        {
            info.ArgumentList.Add(arg);
        }
        if (database is not null)
        {
            info.ArgumentList.Add($"--Hub:Database={database}");
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the hub");
        _ = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(cts.Token) ?? throw new InvalidOperationException("the hub exited before listening");
            if (Listening().Match(line) is { Success: true } m)
            {
                _ = DrainAsync(process.StandardOutput);
                return new HubProcess(process, new Uri(m.Groups[1].Value));
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
