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

    /// <summary>More command-line settings for a test's hub (<c>--Hub:Name=value</c>).</summary>
    protected virtual IEnumerable<string> ExtraArgs => [];

    /// <summary>Changes to the hub's services before it is built (a test clock, for one).</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        var database = await CreateDatabaseAsync();
        _app = HubApplication.Build(["--urls=http://127.0.0.1:0", $"--Hub:DataDirectory={DataDirectory}", $"--Hub:Database={database}", $"--Hub:AdminKey={AdminKey}", .. ExtraArgs], Configure);
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

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("not started");

    public HttpClient Client(string? key) => HubHttp.Client(BaseAddress, key);

    public Task<(string Id, string Key)> CreatePartyAsync(string prefix) => HubHttp.CreatePartyAsync(BaseAddress, AdminKey, prefix);
}

public sealed class SqliteKestrelHub : KestrelHub
{
    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(Path.Combine(DataDirectory, "hub.db"));
}

public sealed class PostgresKestrelHub : KestrelHub
{
    protected override async Task<string> CreateDatabaseAsync() => await (await PostgresCluster.SharedAsync()).CreateDatabaseAsync();
}
