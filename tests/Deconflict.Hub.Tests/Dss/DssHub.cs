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
        _app = HubApplication.Build([
            "--urls=http://127.0.0.1:0", $"--Hub:DataDirectory={DataDirectory}", $"--Hub:Database={database}", $"--Hub:AdminKey={AdminKey}",
            $"--F3548:Audience={Audience}", $"--F3548:PublicKeyFiles:0={pem}", "--F3548:Priority=3",
        ]);
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
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    public HttpClient Admin() => HubHttp.Client(BaseAddress, AdminKey);

    /// <summary>A hub party of the hub's own API (not a USS), with its key.</summary>
    public async Task<(string Id, HttpClient Client)> PartyAsync(string prefix, string kind = "state")
    {
        var id = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        using var admin = Admin();
        using var response = await admin.PostAsJsonAsync("/api/v1/parties", new { name = id, kind, id });
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (id, HubHttp.Client(BaseAddress, doc.RootElement.GetProperty("api_key").GetString()!));
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
