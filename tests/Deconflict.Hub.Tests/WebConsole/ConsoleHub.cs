using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Deconflict.Testing;
using Microsoft.AspNetCore.Builder;

namespace Deconflict.Hub.Tests.WebConsole;

/// <summary>
/// A real hub (Kestrel on 127.0.0.1, a spare port) over a temporary data directory, serving the built
/// console from web/dist. Fails with a clear message when the console has not been built.
/// </summary>
internal sealed class ConsoleHub : IAsyncDisposable
{
    public const string AdminKey = "console-test-admin-key-0123456789";

    private readonly WebApplication _app;
    private readonly string _data;

    private ConsoleHub(WebApplication app, string data, Uri address)
    {
        _app = app;
        _data = data;
        Address = address;
    }

    public Uri Address { get; }

    public static string ConsoleDirectory { get; } = Path.Combine(RepoPaths.Root, "web", "dist");

    public static async Task<ConsoleHub> StartAsync(CancellationToken ct)
    {
        if (!File.Exists(Path.Combine(ConsoleDirectory, "index.html")))
        {
            throw new InvalidOperationException(
                $"The web console is not built ({ConsoleDirectory}/index.html missing): run `cd web && npm ci && npm run build` (./run-tests does this).");
        }
        var data = Directory.CreateTempSubdirectory("deconflict-console-hub-").FullName;
        var app = HubApplication.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--Hub:DataDirectory={data}",
            $"--Hub:AdminKey={AdminKey}",
            $"--Hub:ConsoleDirectory={ConsoleDirectory}",
        ]);
        await app.StartAsync(ct);
        var address = new Uri(app.Urls.First(u => u.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
        return new ConsoleHub(app, data, address);
    }

    public HttpClient Client(string? key = null)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return client;
    }

    /// <summary>Creates a party and returns its id, first API key and that key's id.</summary>
    public async Task<(string Id, string Key, string KeyId)> CreatePartyAsync(string name, string kind, CancellationToken ct)
    {
        using var admin = Client(AdminKey);
        using var response = await admin.PostAsJsonAsync("/api/v1/parties", new { name, kind }, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        response.IsSuccessStatusCode.ShouldBeTrue($"creating party {name}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        return (root.GetProperty("id").GetString()!, root.GetProperty("api_key").GetString()!, root.GetProperty("key_id").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file briefly; the temporary directory is left behind
        }
    }
}
