using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Hostile;

/// <summary>
/// A real hub process on 127.0.0.1 (the built Deconflict.Hub.dll, SQLite in a private data directory) for the
/// hostile-party tests: parties are created through the admin API, agreements are proposed and accepted through the
/// party API, and the process can be killed and started again on the same data.
/// </summary>
public sealed class HostileHub : IAsyncLifetime
{
    private readonly string[] _settings;
    private readonly Dictionary<string, string> _environment;
    private HubProcess? _process;

    public HostileHub()
        : this([], new Dictionary<string, string>())
    {
    }

    private HostileHub(IEnumerable<string> settings, IReadOnlyDictionary<string, string> environment)
    {
        // Tracks stay live for the whole run (a sweep takes longer than the default 60 s), escalations are checked often.
        _settings = ["--Surveillance:StaleAfterS=3600", "--Hub:Hotline:CheckIntervalMs=200", .. settings];
        _environment = new Dictionary<string, string>(environment);
    }

    /// <summary>A hub with extra settings and environment (not started: call <see cref="InitializeAsync"/>).</summary>
    public static HostileHub With(IEnumerable<string>? settings = null, IReadOnlyDictionary<string, string>? environment = null) =>
        new(settings ?? [], environment ?? new Dictionary<string, string>());

    public string AdminKey { get; } = "admin-" + Guid.NewGuid().ToString("N");

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "deconflict-hostile-" + Guid.NewGuid().ToString("N")[..12]);

    public Uri BaseAddress => _process?.BaseAddress ?? throw new InvalidOperationException("the hub is not running");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        await StartAsync();
    }

    public async Task StartAsync() =>
        _process = await HubProcess.StartAsync(DataDirectory, AdminKey, settings: _settings, environment: _environment);

    /// <summary>SIGKILL, then start again on the same data directory; throws when the hub does not come up.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public HttpClient Client(string? key) => HubHttp.Client(BaseAddress, key);

    public HttpClient Admin() => Client(AdminKey);

    /// <summary>Creates a party with exactly this id (unique per hub).</summary>
    public async Task<HostileParty> CreatePartyAsync(string id, string kind = "state")
    {
        using var admin = Admin();
        using var response = await admin.PostAsJsonAsync("/api/v1/parties", new { name = id, kind, id });
        var body = await response.ShouldBeAsync(HttpStatusCode.Created);
        return new HostileParty(id, body.GetProperty("api_key").GetString()!, body.GetProperty("key_id").GetString()!, this);
    }

    /// <summary>A party with a fresh id starting with <paramref name="prefix"/>.</summary>
    public Task<HostileParty> NewPartyAsync(string prefix, string kind = "state") =>
        CreatePartyAsync($"{prefix}-{Guid.NewGuid().ToString("N")[..6]}", kind);

    /// <summary>Proposes (by <paramref name="proposer"/>) and accepts an agreement; returns its id.</summary>
    public static async Task<string> AgreeAsync(HostileParty proposer, HostileParty counterparty, string proposerShares, string counterpartyShares, int ackDeadlineS = 300)
    {
        ArgumentNullException.ThrowIfNull(proposer);
        ArgumentNullException.ThrowIfNull(counterparty);
        var id = await ProposeAsync(proposer, counterparty, proposerShares, counterpartyShares, ackDeadlineS);
        using var c = counterparty.Client();
        await (await c.PostAsync($"/api/v1/agreements/{id}/accept", null)).ShouldBeAsync(HttpStatusCode.OK);
        return id;
    }

    public static async Task<string> ProposeAsync(HostileParty proposer, HostileParty counterparty, string proposerShares, string counterpartyShares, int ackDeadlineS = 300)
    {
        ArgumentNullException.ThrowIfNull(proposer);
        ArgumentNullException.ThrowIfNull(counterparty);
        using var p = proposer.Client();
        var json = JsonSerializer.Serialize(new
        {
            counterparty = counterparty.Id,
            sharing = new { proposer_to_counterparty = proposerShares, counterparty_to_proposer = counterpartyShares },
            ack_deadline_s = ackDeadlineS,
            languages = new { proposer = "en", counterparty = "en" },
        });
        var body = await (await p.SendJsonAsync(HttpMethod.Post, "/api/v1/agreements", json)).ShouldBeAsync(HttpStatusCode.Created);
        return body.GetProperty("id").GetString()!;
    }
}

/// <summary>A party of a <see cref="HostileHub"/> with its first key.</summary>
public sealed record HostileParty(string Id, string Key, string KeyId, HostileHub Hub)
{
    public HttpClient Client() => Hub.Client(Key);
}
