using System.Globalization;
using System.Net;
using System.Text.Json;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Hostile;

/// <summary>
/// Findings 5 and 10: what an audit entry shows its reader follows the API's rule (a conflict with a party that
/// shares nothing shows neither the other intent's window and band nor the other aircraft's position), and redacted
/// entries cannot be selected by their hidden time.
/// </summary>
public sealed class AuditFindingTests(HostileHub hub) : IClassFixture<HostileHub>
{
    private static readonly DateTimeOffset T = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(6).AddHours(6);

    [Fact]
    public async Task Finding_5_a_partys_export_of_a_strategic_conflict_holds_no_window_or_band_of_the_hidden_intent()
    {
        var victim = await hub.NewPartyAsync("victim5");
        var attacker = await hub.NewPartyAsync("attacker5");
        var start = T.AddSeconds(3600 + 17);
        var end = T.AddSeconds(7200 + 43);
        using (var v = victim.Client())
        {
            await (await v.PutIntentAsync("hidden-5", HostileGeoJson.CircleIntent(15.51237, -23.61179, 4_000, 12_345, 16_789, start, end))).ShouldBeAsync(HttpStatusCode.Created);
        }
        using var a = attacker.Client();
        // A wider intent at a higher priority: stored, and the overlap is exactly the hidden window and band.
        var put = await (await a.PutIntentAsync("wide-5", HostileGeoJson.CircleIntent(15.5, -23.6, 20_000, 10_000, 20_000, T, T.AddHours(4), priority: 5))).ShouldBeAsync(HttpStatusCode.Created);
        put.GetProperty("conflicts").GetArrayLength().ShouldBe(1);
        Marker[] hidden = [.. Marker.Time("time_start", start), .. Marker.Time("time_end", end), .. Marker.AltitudeFt("alt_lower_ft", 12_345),
            .. Marker.AltitudeFt("alt_upper_ft", 16_789), .. Marker.Position("centre", 15.51237, -23.61179)];
        var conflicts = await (await a.GetAsync("/api/v1/conflicts?state=all")).Content.ReadAsStringAsync();
        hidden.Where(m => m.IsIn(conflicts)).ShouldBeEmpty("the API hides them (the reference for the export)");
        var export = await a.AuditExportAsync();
        var leaked = hidden.Where(m => m.IsIn(export)).Select(m => m.ToString()).ToList();
        leaked.ShouldBeEmpty("the attacker's audit export shows the hidden intent's " + string.Join(", ", leaked));
    }

    [Fact]
    public async Task Finding_5_a_partys_export_of_a_tactical_conflict_holds_no_position_of_the_hidden_aircraft()
    {
        var victim = await hub.NewPartyAsync("victim5t");
        var attacker = await hub.NewPartyAsync("attacker5t");
        using var a = attacker.Client();
        using var v = victim.Client();
        await using var events = await SseClient.ConnectAsync(hub.BaseAddress, attacker.Key);
        // Head-on at one level, 4.6 NM apart: a loss of separation now.
        (await (await v.ReportTrackAsync("HID5", 33.33317, 40.01273, 25_000, 420, 90)).ShouldBeAsync(HttpStatusCode.Accepted)).GetProperty("accepted").GetInt32().ShouldBe(1);
        (await (await a.ReportTrackAsync("ATK5", 33.34129, 40.09119, 25_000, 420, 270)).ShouldBeAsync(HttpStatusCode.Accepted)).GetProperty("accepted").GetInt32().ShouldBe(1);
        var seen = await events.ReadUntilAsync(e => e.Type == "conflict" && e.Data.Contains("tactical", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        seen.ShouldContain(e => e.Type == "conflict" && e.Data.Contains("tactical", StringComparison.Ordinal), "the tactical conflict was detected");
        var conflicts = await (await a.GetAsync("/api/v1/conflicts?state=all")).Content.ReadAsStringAsync();
        conflicts.ShouldNotContain("los_lat_deg", Case.Sensitive, "the API hides the loss-of-separation position (the reference for the export)");

        var export = await a.AuditExportAsync();
        var tactical = HostileCalls.VisibleLines(export).Where(e => e.GetProperty("action").GetString() == "conflict.open"
            && e.GetProperty("content_json").GetString()!.Contains("tactical", StringComparison.Ordinal)).ToList();
        tactical.ShouldNotBeEmpty("the attacker's export holds its tactical conflict");
        foreach (var line in tactical)
        {
            var content = line.GetProperty("content_json").GetString()!;
            content.ShouldNotContain("los_lat_deg", Case.Sensitive, "the export shows the hidden aircraft's loss-of-separation position");
            Marker.Position("hidden aircraft", 33.33317, 40.01273).Where(m => m.IsIn(content)).ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task Finding_10_a_redacted_entry_cannot_be_selected_by_its_hidden_time()
    {
        var victim = await hub.NewPartyAsync("victim10");
        var attacker = await hub.NewPartyAsync("attacker10");
        using var a = attacker.Client();
        using var v = victim.Client();
        await (await a.PutIntentAsync("before-10", HostileGeoJson.CircleIntent(-45.1, 170.1, 1_000, 0, 1_000, T, T.AddHours(1)))).ShouldBeAsync(HttpStatusCode.Created);
        await (await v.PutIntentAsync("hidden-10", HostileGeoJson.CircleIntent(-46.1, 171.1, 1_000, 0, 1_000, T, T.AddHours(1)))).ShouldBeAsync(HttpStatusCode.Created);
        await (await a.PutIntentAsync("after-10", HostileGeoJson.CircleIntent(-45.2, 170.2, 1_000, 0, 1_000, T, T.AddHours(1)))).ShouldBeAsync(HttpStatusCode.Created);
        var lines = HostileCalls.VisibleLines(await a.AuditExportAsync()).ToList();
        JsonElement Entry(string id) => lines.Last(e => e.GetProperty("object_id").GetString() == id && e.GetProperty("action").GetString() == "intent.create");
        var (before, after) = (Entry("before-10"), Entry("after-10"));
        var (s1, s2) = (before.GetProperty("seq").GetInt64(), after.GetProperty("seq").GetInt64());
        var t1 = DateTimeOffset.Parse(before.GetProperty("time").GetString()!, CultureInfo.InvariantCulture);
        var t2 = DateTimeOffset.Parse(after.GetProperty("time").GetString()!, CultureInfo.InvariantCulture);
        (s2 - s1).ShouldBeGreaterThan(1, "the victim's entries lie between the attacker's two");

        // Any bound between the attacker's two entries must select the same redacted entries between them:
        // otherwise bisecting the bound recovers each hidden entry's time.
        async Task<List<long>> Between(DateTimeOffset from)
        {
            var query = "?from=" + Uri.EscapeDataString(from.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
            return [.. (await a.AuditExportAsync(query)).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("seq").GetInt64()).Where(s => s > s1 && s < s2)];
        }
        var early = await Between(t1.AddTicks(10));
        var late = await Between(t2.AddTicks(-10));
        late.ShouldBe(early, $"redacted entries {string.Join(",", early.Except(late))} are selected by their hidden time");
    }
}
