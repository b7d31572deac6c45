using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Deconflict.Hub.Dss;
using Deconflict.Hub.Tests.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Deconflict.Hub.Tests.Dss;

/// <summary>
/// A hub on Kestrel at 127.0.0.1 acting as an F3548 DSS: a fresh RSA issuer key whose public half is the hub's
/// configured key file, audience <see cref="Audience"/>; tokens for any subject and scopes are minted here.
/// </summary>
public abstract class DssHub : IAsyncLifetime
{
    public const string Audience = "dss.deconflict.test";

    private WebApplication? _app;

    public RSA IssuerKey { get; } = RSA.Create(2048);

    public RSA OtherKey { get; } = RSA.Create(2048);

    public string AdminKey { get; } = "admin-" + Guid.NewGuid().ToString("N");

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "deconflict-dss-" + Guid.NewGuid().ToString("N")[..12]);

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    protected abstract Task<string> CreateDatabaseAsync();

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        var database = await CreateDatabaseAsync();
        var pem = Path.Combine(DataDirectory, "issuer.pem");
        await File.WriteAllTextAsync(pem, IssuerKey.ExportSubjectPublicKeyInfoPem());
        string[] dss = [$"--F3548:Audience={Audience}", $"--F3548:PublicKeyFiles:0={pem}", "--F3548:Priority=3"];
        _app = HubApplication.Build([
            "--urls=http://127.0.0.1:0", $"--Hub:DataDirectory={DataDirectory}", $"--Hub:Database={database}", $"--Hub:AdminKey={AdminKey}", .. dss, .. ExtraArgs,
        ]);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First());
        await StartedAsync(database, dss);
    }

    /// <summary>More command-line settings of the hub (a cluster node's, for one).</summary>
    protected virtual IEnumerable<string> ExtraArgs => [];

    /// <summary>Runs once the hub answers, with its DSS settings (a cluster starts its other nodes here).</summary>
    protected virtual Task StartedAsync(string database, IReadOnlyList<string> dssSettings) => Task.CompletedTask;

    /// <summary>Stops what <see cref="StartedAsync"/> started.</summary>
    protected virtual ValueTask StoppingAsync() => ValueTask.CompletedTask;

    /// <summary>How the clients reach the hub (the whole cluster, for a cluster).</summary>
    protected virtual HttpMessageHandler Handler() => new SocketsHttpHandler();

    public async ValueTask DisposeAsync()
    {
        await StoppingAsync();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        IssuerKey.Dispose();
        OtherKey.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        GC.SuppressFinalize(this);
    }

    public string Token(string subject, params string[] scopes) =>
        DssTokenMinter.Mint(IssuerKey, subject, scopes, Audience, DateTimeOffset.UtcNow.AddMinutes(30));

    /// <summary>A client of the DSS as <paramref name="subject"/> with <paramref name="scopes"/>.</summary>
    public HttpClient Uss(string subject, params string[] scopes) => Bearer(Token(subject, scopes));

    public HttpClient Bearer(string? token)
    {
        var client = new HttpClient(Handler(), disposeHandler: true) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    public HttpClient Admin() => HubHttp.Client(BaseAddress, AdminKey, Handler());

    /// <summary>A hub party of the hub's own API (not a USS), with its key.</summary>
    public async Task<(string Id, HttpClient Client)> PartyAsync(string prefix, string kind = "state")
    {
        var id = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        using var admin = Admin();
        using var response = await admin.PostAsJsonAsync("/api/v1/parties", new { name = id, kind, id });
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (id, HubHttp.Client(BaseAddress, doc.RootElement.GetProperty("api_key").GetString()!, Handler()));
    }
}

public sealed class SqliteDssHub : DssHub
{
    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(Path.Combine(DataDirectory, "hub.db"));
}

public sealed class PostgresDssHub : DssHub
{
    protected override async Task<string> CreateDatabaseAsync() => await (await PostgresCluster.SharedAsync()).CreateDatabaseAsync();
}

/// <summary>The DSS as the first of three nodes; clients send their requests to the nodes in turn (see <see cref="ClusterHub"/>).</summary>
public sealed class ClusterDssHub : DssHub
{
    private readonly IReadOnlyList<(string Name, string Value)> _node = ClusterPeers.NodeSettings();
    private ClusterPeers? _peers;

    protected override async Task<string> CreateDatabaseAsync() => await (await PostgresCluster.SharedAsync()).CreateDatabaseAsync();

    protected override IEnumerable<string> ExtraArgs => _node.Select(s => $"--{s.Name}={s.Value}");

    protected override async Task StartedAsync(string database, IReadOnlyList<string> dssSettings)
    {
        using var first = HubHttp.Client(BaseAddress, null);
        _peers = await ClusterPeers.StartAsync(AdminKey, database, dssSettings, first);
    }

    protected override async ValueTask StoppingAsync()
    {
        if (_peers is not null)
        {
            await _peers.DisposeAsync();
        }
    }

    protected override HttpMessageHandler Handler() => new RoundRobinHandler(new SocketsHttpHandler(), _peers?.BaseAddresses ?? []);
}
