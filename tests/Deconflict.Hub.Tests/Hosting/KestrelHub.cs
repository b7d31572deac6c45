using Microsoft.AspNetCore.Builder;
using Deconflict.Hub.OpenApi;

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
        _app = HubApplication.Build(["--urls=http://127.0.0.1:0", $"--Hub:DataDirectory={DataDirectory}", $"--Hub:Database={database}", $"--Hub:AdminKey={AdminKey}", $"--{DeclaredStatusFilter.Setting}=true", .. ExtraArgs], Configure);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First());
        await StartedAsync(database);
    }

    /// <summary>Runs once the hub answers (a cluster starts its other nodes here).</summary>
    protected virtual Task StartedAsync(string database) => Task.CompletedTask;

    /// <summary>Stops what <see cref="StartedAsync"/> started.</summary>
    protected virtual ValueTask StoppingAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await StoppingAsync();
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

    /// <summary>A client of the hub (of the whole cluster, for a cluster).</summary>
    public virtual HttpClient Client(string? key) => HubHttp.Client(BaseAddress, key);

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

/// <summary>The hub under test as the first of three nodes; clients send their requests to the nodes in turn (see <see cref="ClusterHub"/>).</summary>
public sealed class ClusterKestrelHub : KestrelHub
{
    private readonly IReadOnlyList<(string Name, string Value)> _node = ClusterPeers.NodeSettings();
    private ClusterPeers? _peers;

    protected override async Task<string> CreateDatabaseAsync() => await (await PostgresCluster.SharedAsync()).CreateDatabaseAsync();

    protected override IEnumerable<string> ExtraArgs => _node.Select(s => $"--{s.Name}={s.Value}");

    protected override async Task StartedAsync(string database)
    {
        using var first = HubHttp.Client(BaseAddress, null);
        _peers = await ClusterPeers.StartAsync(AdminKey, database, [], first);
    }

    protected override async ValueTask StoppingAsync()
    {
        if (_peers is not null)
        {
            await _peers.DisposeAsync();
        }
    }

    public override HttpClient Client(string? key) => HubHttp.Client(BaseAddress, key, new RoundRobinHandler(new SocketsHttpHandler(), _peers?.BaseAddresses ?? []));
}
