using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Deconflict.Hub.OpenApi;

namespace Deconflict.Hub.Tests.Hosting;

/// <summary>
/// One hub for a test class, hosted by <see cref="WebApplicationFactory{TEntryPoint}"/> on a fresh store
/// (a temporary SQLite file, or a new database in the shared PostgreSQL cluster) and data directory.
/// </summary>
public abstract class HubHost : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;
    private int _parties;

    public string AdminKey { get; } = "admin-" + Guid.NewGuid().ToString("N");

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "deconflict-hub-" + Guid.NewGuid().ToString("N")[..12]);

    public string Database { get; private set; } = "";

    public abstract string StoreName { get; }

    protected abstract Task<string> CreateDatabaseAsync();

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("not started");

    public IServiceProvider Services => Factory.Services;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        Database = await CreateDatabaseAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Hub:DataDirectory", DataDirectory);
            b.UseSetting("Hub:Database", Database);
            b.UseSetting("Hub:AdminKey", AdminKey);
            b.UseSetting("Hub:MaxBodyBytes", "1048576");
            // Every reply of every test is checked against the statuses its endpoint declares in the OpenAPI document.
            b.UseSetting(DeclaredStatusFilter.Setting, "true");
            foreach (var (name, value) in Settings)
            {
                b.UseSetting(name, value);
            }
        });
        _ = _factory.Server;
        await StartedAsync();
    }

    /// <summary>More settings of the hub under test (a cluster node's, for one).</summary>
    protected virtual IEnumerable<(string Name, string Value)> Settings => [];

    /// <summary>Runs once the hub under test answers (a cluster starts its other nodes here).</summary>
    protected virtual Task StartedAsync() => Task.CompletedTask;

    /// <summary>Stops what <see cref="StartedAsync"/> started.</summary>
    protected virtual ValueTask StoppingAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await StoppingAsync();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
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

    public HttpClient Client(string? key = null)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return client;
    }

    public HttpClient Admin() => Client(AdminKey);

    /// <summary>A client of the hub under test (of the whole cluster, for a cluster).</summary>
    protected virtual HttpClient CreateClient() => Factory.CreateClient();

    /// <summary>Creates a party with a unique id (prefix + counter) and returns its id and key.</summary>
    public async Task<TestParty> CreatePartyAsync(string prefix, string kind = "state")
    {
        var id = $"{prefix}-{Interlocked.Increment(ref _parties)}-{Guid.NewGuid().ToString("N")[..6]}";
        using var admin = Admin();
        using var response = await admin.PostAsJsonAsync("/api/v1/parties", new { name = id, kind, id });
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new TestParty(id, doc.RootElement.GetProperty("api_key").GetString()!, doc.RootElement.GetProperty("key_id").GetString()!, this);
    }
}
