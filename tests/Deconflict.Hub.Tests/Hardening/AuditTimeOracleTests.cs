using System.Globalization;
using System.Net;
using System.Text.Json;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Hardening;

/// <summary>
/// Time bounds of the audit export are matched against the reader's own entries only, so moving a bound across a
/// hidden entry's time changes nothing and bisection learns nothing of it (issue 10, finding 10).
/// </summary>
public sealed class AuditTimeOracleTests(ClockedHub hub) : IClassFixture<ClockedHub>
{
    private static string At(DateTimeOffset t) => Uri.EscapeDataString(t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));

    private static List<JsonElement> Lines(string ndjson) =>
        [.. ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    [Fact]
    public async Task Moving_a_time_bound_across_a_hidden_entry_changes_nothing()
    {
        var (_, keyA) = await hub.CreatePartyAsync("audit-a");
        var (_, keyB) = await hub.CreatePartyAsync("audit-b");
        using var a = hub.Client(keyA);
        using var b = hub.Client(keyB);
        hub.Clock.Advance(TimeSpan.FromMinutes(1));
        var t1 = hub.Clock.GetUtcNow();
        await (await a.PutIntentAsync("A-1", HubCalls.Circle(30, 10, 1_000, 0, 1_000, "2026-07-01T10:00:00Z", "2026-07-01T11:00:00Z"))).ShouldBeAsync(HttpStatusCode.Created);
        hub.Clock.Advance(TimeSpan.FromSeconds(10));
        var t2 = hub.Clock.GetUtcNow();
        // B's entries: hidden from A (no agreement, far apart).
        await (await b.PutIntentAsync("B-1", HubCalls.Circle(-60, -10, 1_000, 0, 1_000, "2026-07-01T10:00:00Z", "2026-07-01T11:00:00Z"))).ShouldBeAsync(HttpStatusCode.Created);
        await (await b.PutIntentAsync("B-2", HubCalls.Circle(-61, -10, 1_000, 0, 1_000, "2026-07-01T10:00:00Z", "2026-07-01T11:00:00Z"))).ShouldBeAsync(HttpStatusCode.Created);
        hub.Clock.Advance(TimeSpan.FromSeconds(10));
        var t3 = hub.Clock.GetUtcNow();
        await (await a.PutIntentAsync("A-2", HubCalls.Circle(31, 10, 1_000, 0, 1_000, "2026-07-01T10:00:00Z", "2026-07-01T11:00:00Z"))).ShouldBeAsync(HttpStatusCode.Created);

        async Task<string> ExportAsync(string query) =>
            await (await a.GetAsync("/api/v1/audit/export?" + query)).Content.ReadAsStringAsync();

        // `from` just before and just after the hidden entries' time: the same reply (it starts at A-2's entry).
        var beforeHidden = await ExportAsync($"from={At(t1.AddSeconds(1))}");
        var afterHidden = await ExportAsync($"from={At(t2.AddTicks(10))}");
        afterHidden.ShouldBe(beforeHidden);
        Lines(beforeHidden).First().TryGetProperty("redacted", out _).ShouldBeFalse(beforeHidden);

        // The same for `to`: the range ends at A-1's entry either way.
        var toBefore = await ExportAsync($"to={At(t2)}");
        var toAfter = await ExportAsync($"to={At(t2.AddSeconds(1))}");
        toAfter.ShouldBe(toBefore);

        // Hidden entries between two of A's are included, redacted, and show no time.
        var window = Lines(await ExportAsync($"from={At(t1)}&to={At(t3.AddSeconds(1))}"));
        window.Count.ShouldBe(4, string.Join('\n', window));
        window.Count(l => l.TryGetProperty("redacted", out _)).ShouldBe(2);
        foreach (var line in window.Where(l => l.TryGetProperty("redacted", out _)))
        {
            line.TryGetProperty("time", out _).ShouldBeFalse();
            line.TryGetProperty("actor", out _).ShouldBeFalse();
        }
        window.Select(l => l.GetProperty("seq").GetInt64()).ShouldBe(Enumerable.Range((int)window[0].GetProperty("seq").GetInt64(), 4).Select(i => (long)i));
    }
}
