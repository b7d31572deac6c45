using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Deconflict.Hub.Hotline;
using Deconflict.Hub.Storage;
using Deconflict.Hub.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Deconflict.Hub.Tests.Hotline;

/// <summary>
/// Unacknowledged past the agreement's deadline: the thread is overdue, the sender, the recipient (naming its
/// escalation contact) and the agreement's observer are told — exactly once, however often the check runs.
/// The hub runs its background check every 20 ms on a clock the test moves.
/// </summary>
public abstract class EscalationTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "deconflict-escalation-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly string _adminKey = "admin-" + Guid.NewGuid().ToString("N");
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private WebApplicationFactory<Program>? _factory;

    /// <summary>The database the hub uses: a SQLite file in the data directory, or a new PostgreSQL database.</summary>
    protected abstract Task<string> DatabaseAsync(string dataDirectory);

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_data);
        var database = await DatabaseAsync(_data);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Hub:DataDirectory", _data);
            b.UseSetting("Hub:Database", database);
            b.UseSetting("Hub:AdminKey", _adminKey);
            b.UseSetting("Hub:Hotline:CheckIntervalMs", "20");
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock));
        });
        _ = _factory.Server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        Directory.Delete(_data, recursive: true);
    }

    private HttpClient Client(string key)
    {
        var client = _factory!.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private async Task<(string Id, string Key)> PartyAsync(string name, string kind)
    {
        using var admin = Client(_adminKey);
        var body = await (await admin.PostAsJsonAsync("/api/v1/parties", new { name, kind, id = name })).ShouldBeAsync(HttpStatusCode.Created);
        return (body.GetProperty("id").GetString()!, body.GetProperty("api_key").GetString()!);
    }

    private async Task<(HttpClient Sender, HttpClient Recipient, string SenderId, string RecipientId, string ObserverId, string Thread)> SetUpAsync()
    {
        var sender = await PartyAsync("coalition", "coalition");
        var recipient = await PartyAsync("ru-mod", "state");
        var observer = await PartyAsync("un-observer", "observer");
        var s = Client(sender.Key);
        var r = Client(recipient.Key);
        var agreement = await (await s.SendJsonAsync(HttpMethod.Post, "/api/v1/agreements",
            $$$"""{"counterparty":"{{{recipient.Id}}}","ack_deadline_s":60,"languages":{"proposer":"en","counterparty":"ru"}}""")).ShouldBeAsync(HttpStatusCode.Created);
        var agreementId = agreement.GetProperty("id").GetString();
        await (await r.PostAsync($"/api/v1/agreements/{agreementId}/accept", null)).ShouldBeAsync(HttpStatusCode.OK);
        await (await r.SendJsonAsync(HttpMethod.Put, $"/api/v1/agreements/{agreementId}/hotline",
            $$"""{"escalation_contact":"duty officer, line 2","observer":"{{observer.Id}}"}""")).ShouldBeAsync(HttpStatusCode.OK);
        var thread = await (await s.SendJsonAsync(HttpMethod.Post, "/api/v1/threads", $$"""{"parties":["{{recipient.Id}}"]}""")).ShouldBeAsync(HttpStatusCode.Created);
        return (s, r, sender.Id, recipient.Id, observer.Id, thread.GetProperty("id").GetString()!);
    }

    private async Task<List<EventRecord>> EscalationEventsAsync()
    {
        var store = _factory!.Services.GetRequiredService<IHubStore>();
        return (await store.ReadEventsAsync(0, 100_000, CancellationToken.None)).Where(e => e.Type == "escalation").ToList();
    }

    private async Task<int> EscalationEntriesAsync()
    {
        using var admin = Client(_adminKey);
        var text = await admin.GetStringAsync("/api/v1/audit/export");
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Contains("\"action\":\"message.escalate\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deadline_passing_escalates_exactly_once_and_tells_sender_recipient_contact_and_observer()
    {
        var (s, r, senderId, recipientId, observerId, thread) = await SetUpAsync();
        var posted = await (await s.SendJsonAsync(HttpMethod.Post, $"/api/v1/threads/{thread}/messages",
            """{"template":"REQUEST_HOLD","params":{"position":{"lat_deg":35.1,"lon_deg":38.2},"duration":"PT10M"}}""")).ShouldBeAsync(HttpStatusCode.Created);
        var messageId = posted.GetProperty("id").GetString();
        posted.GetProperty("ack_deadline").GetDateTimeOffset().ShouldBe(_clock.GetUtcNow().AddSeconds(60), TimeSpan.FromMilliseconds(1));

        _clock.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(200);
        (await EscalationEventsAsync()).ShouldBeEmpty();

        _clock.Advance(TimeSpan.FromSeconds(2));
        var service = _factory!.Services.GetRequiredService<HotlineEscalationService>();
        var desk = _factory.Services.GetRequiredService<HotlineDesk>();
        // The background loop and extra passes race each other: still one escalation.
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => i % 2 == 0 ? service.RunOnceAsync(CancellationToken.None) : desk.EscalateDueAsync(CancellationToken.None)));
        await Task.Delay(300);
        _clock.Advance(TimeSpan.FromMinutes(30));
        await Task.Delay(300);

        // One escalation: an event for the thread's parties and one for the observer (named by the recipient, so it
        // is told the recipient's contact), each with its audit entry.
        var events = await EscalationEventsAsync();
        events.Count.ShouldBe(2);
        events.ShouldAllBe(e => e.ObjectId == messageId);
        events[0].Parties.ShouldBe(new[] { senderId, recipientId }, ignoreOrder: true);
        events[1].Parties.ShouldBe(new[] { observerId });
        foreach (var e in events)
        {
            using var data = JsonDocument.Parse(e.DataJson);
            data.RootElement.GetProperty("overdue_parties")[0].GetString().ShouldBe(recipientId);
            data.RootElement.GetProperty("escalation_contacts").GetProperty(recipientId).GetString().ShouldBe("duty officer, line 2");
            data.RootElement.GetProperty("thread_id").GetString().ShouldBe(thread);
        }
        (await EscalationEntriesAsync()).ShouldBe(2);

        var inbox = await (await s.GetAsync("/api/v1/inbox")).ShouldBeAsync(HttpStatusCode.OK);
        inbox[0].GetProperty("overdue").GetInt32().ShouldBe(1);
        var view = await (await r.GetAsync($"/api/v1/threads/{thread}")).ShouldBeAsync(HttpStatusCode.OK);
        view.GetProperty("overdue").GetBoolean().ShouldBeTrue();
        view.GetProperty("messages")[0].GetProperty("escalated_at").ValueKind.ShouldBe(JsonValueKind.String);

        // A late acknowledgement clears the overdue count and never re-escalates.
        await (await r.PostAsync($"/api/v1/messages/{messageId}/ack", null)).ShouldBeAsync(HttpStatusCode.OK);
        _clock.Advance(TimeSpan.FromHours(1));
        await service.RunOnceAsync(CancellationToken.None);
        (await (await s.GetAsync("/api/v1/inbox")).ShouldBeAsync(HttpStatusCode.OK))[0].GetProperty("overdue").GetInt32().ShouldBe(0);
        (await EscalationEventsAsync()).Count.ShouldBe(2);
        s.Dispose();
        r.Dispose();
    }

    [Fact]
    public async Task A_message_acknowledged_in_time_or_needing_no_ack_never_escalates()
    {
        var (s, r, _, _, _, thread) = await SetUpAsync();
        var request = (await (await s.SendJsonAsync(HttpMethod.Post, $"/api/v1/threads/{thread}/messages",
            """{"template":"REQUEST_ALTITUDE_CHANGE","params":{"flight_level":300}}""")).ShouldBeAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        var info = await (await s.SendJsonAsync(HttpMethod.Post, $"/api/v1/threads/{thread}/messages", """{"template":"FREE_TEXT","text":"FYI"}""")).ShouldBeAsync(HttpStatusCode.Created);
        info.GetProperty("needs_ack").GetBoolean().ShouldBeFalse();
        info.GetProperty("ack_deadline").ValueKind.ShouldBe(JsonValueKind.Null);
        _clock.Advance(TimeSpan.FromSeconds(30));
        await (await r.SendJsonAsync(HttpMethod.Post, $"/api/v1/threads/{thread}/messages", $$$"""{"template":"UNABLE","params":{"reply_to":"{{{request}}}","reason":"icing above FL250"}}"""))
            .ShouldBeAsync(HttpStatusCode.Created);
        _clock.Advance(TimeSpan.FromHours(2));
        await _factory!.Services.GetRequiredService<HotlineEscalationService>().RunOnceAsync(CancellationToken.None);
        await Task.Delay(200);
        (await EscalationEventsAsync()).ShouldBeEmpty();
        (await (await s.GetAsync("/api/v1/inbox")).ShouldBeAsync(HttpStatusCode.OK))[0].GetProperty("overdue").GetInt32().ShouldBe(0);
        s.Dispose();
        r.Dispose();
    }
}

public sealed class SqliteEscalationTests : EscalationTests
{
    protected override Task<string> DatabaseAsync(string dataDirectory) => Task.FromResult(Path.Combine(dataDirectory, "hub.db"));
}

public sealed class PostgresEscalationTests : EscalationTests
{
    protected override async Task<string> DatabaseAsync(string dataDirectory) => await (await PostgresCluster.SharedAsync()).CreateDatabaseAsync();
}
