using System.Text;
using System.Text.Json;
using Deconflict.Hub.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Deconflict.Hub.Tests.Tracks;

/// <summary>A hub on a real Kestrel server (127.0.0.1:0, SQLite in a temporary directory) with live-surveillance settings.</summary>
public sealed class LiveHub : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LiveHub(WebApplication app, string dataDirectory, string adminKey)
    {
        _app = app;
        DataDirectory = dataDirectory;
        AdminKey = adminKey;
        BaseAddress = new Uri(app.Urls.First());
    }

    public Uri BaseAddress { get; }

    public string AdminKey { get; }

    public string DataDirectory { get; }

    public IServiceProvider Services => _app.Services;

    public T Service<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public static async Task<LiveHub> StartAsync(params string[] settings)
    {
        var dir = Path.Combine(Path.GetTempPath(), "deconflict-live-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        var admin = "admin-" + Guid.NewGuid().ToString("N");
        var app = HubApplication.Build(["--urls=http://127.0.0.1:0", $"--Hub:DataDirectory={dir}", $"--Hub:Database={Path.Combine(dir, "hub.db")}",
            $"--Hub:AdminKey={admin}", .. settings]);
        await app.StartAsync();
        return new LiveHub(app, dir, admin);
    }

    public HttpClient Client(string? key) => HubHttp.Client(BaseAddress, key);

    public Task<(string Id, string Key)> CreatePartyAsync(string prefix) => HubHttp.CreatePartyAsync(BaseAddress, AdminKey, prefix);

    /// <summary>Proposes an agreement from one party and accepts it as the other.</summary>
    public async Task AgreeAsync(string proposerKey, string counterparty, string counterpartyKey, string json)
    {
        using var p = Client(proposerKey);
        using var proposed = await p.PostAsync("/api/v1/agreements", new StringContent(json.Replace("{counterparty}", counterparty, StringComparison.Ordinal), Encoding.UTF8, "application/json"));
        var text = await proposed.Content.ReadAsStringAsync();
        proposed.IsSuccessStatusCode.ShouldBeTrue(text);
        var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetString();
        using var c = Client(counterpartyKey);
        using var accepted = await c.PostAsync($"/api/v1/agreements/{id}/accept", null);
        accepted.IsSuccessStatusCode.ShouldBeTrue(await accepted.Content.ReadAsStringAsync());
    }

    /// <summary>POSTs reports as a JSON array.</summary>
    public async Task<HttpResponseMessage> PostTracksAsync(string key, string json, string mediaType = "application/json")
    {
        using var c = Client(key);
        return await c.PostAsync("/api/v1/tracks", new StringContent(json, Encoding.UTF8, mediaType));
    }

    public static string Report(string id, DateTimeOffset t, double lat, double lon, double alt, double gs, double trk, double vs = 0, string? intent = null) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{{\"id\":\"{id}\",\"t\":\"{t:yyyy-MM-ddTHH:mm:ss.fffZ}\",\"lat_deg\":{lat},\"lon_deg\":{lon},\"alt_ft\":{alt},\"gs_kt\":{gs},\"trk_deg\":{trk},\"vs_fpm\":{vs}{(intent is null ? "" : $",\"intent_id\":\"{intent}\"")}}}");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
