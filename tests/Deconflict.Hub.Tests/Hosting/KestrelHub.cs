using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;

namespace Deconflict.Hub.Tests.Hosting;

/// <summary>The hub on a real Kestrel server bound to 127.0.0.1:0 (for streaming tests), on SQLite or PostgreSQL.</summary>
public abstract class KestrelHub : IAsyncLifetime
{
    private WebApplication? _app;

    public string AdminKey { get; } = "admin-" + Guid.NewGuid().ToString("N");

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "deconflict-kestrel-" + Guid.NewGuid().ToString("N")[..12]);

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    protected abstract Task<string> CreateDatabaseAsync();

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        var database = await CreateDatabaseAsync();
        _app = HubApplication.Build(["--urls=http://127.0.0.1:0", $"--Hub:DataDirectory={DataDirectory}", $"--Hub:Database={database}", $"--Hub:AdminKey={AdminKey}"]);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First());
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        GC.SuppressFinalize(this);
    }

    public HttpClient Client(string? key)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return client;
    }

    public async Task<(string Id, string Key)> CreatePartyAsync(string prefix)
    {
        var id = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        using var admin = Client(AdminKey);
        using var response = await admin.PostAsJsonAsync("/api/v1/parties", new { name = id, kind = "state", id });
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (id, doc.RootElement.GetProperty("api_key").GetString()!);
    }
}

public sealed class SqliteKestrelHub : KestrelHub
{
    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(Path.Combine(DataDirectory, "hub.db"));
}

public sealed class PostgresKestrelHub : KestrelHub
{
    protected override async Task<string> CreateDatabaseAsync() => await (await PostgresCluster.SharedAsync()).CreateDatabaseAsync();
}
