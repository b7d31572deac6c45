using System.Net;
using System.Text.Json;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Hostile;

/// <summary>
/// Finding 2: a striker learns of a protected object it may not see no more than "your strike hit a protected
/// object": never its id, its owner or its distance (three distances place it), and the owner is told at once.
/// </summary>
public sealed class StrikeDisclosureTests(HostileHub hub) : IClassFixture<HostileHub>
{
    private static readonly DateTimeOffset T = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(4).AddHours(10);

    [Fact]
    public async Task Finding_2_three_strikes_near_a_hidden_clinic_tell_the_striker_neither_its_id_nor_owner_nor_distance()
    {
        var ngo = await hub.NewPartyAsync("ngo", "humanitarian");
        var striker = await hub.NewPartyAsync("striker");
        using var n = ngo.Client();
        using var s = striker.Client();
        var clinic = "clinic-" + Guid.NewGuid().ToString("N")[..6];
        await (await n.PutSiteAsync(clinic, 36.20713, 37.10419, radiusM: 400)).ShouldBeAsync(HttpStatusCode.Created);
        var intent = "cas-" + Guid.NewGuid().ToString("N")[..6];
        await (await s.PutIntentAsync(intent, HostileGeoJson.CircleIntent(36.2, 37.1, 30_000, 0, 20_000, T, T.AddHours(4)))).ShouldBeAsync(HttpStatusCode.Created);
        await using var ngoEvents = await SseClient.ConnectAsync(hub.BaseAddress, ngo.Key);

        var replies = new List<string>();
        foreach (var (lat, lon) in new[] { (36.2088, 37.1052), (36.2060, 37.1030), (36.2075, 37.1060) })
        {
            using var response = await s.StrikeAsync(intent, lat, lon, T.AddHours(1), radiusM: 100);
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.Created, text);
            replies.Add(text);
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.TryGetProperty("hits", out var hits))
            {
                foreach (var hit in hits.EnumerateArray())
                {
                    hit.TryGetProperty("distance_m", out var d).ShouldBeFalse($"a hidden hit's distance is told to the striker: {d} in {text}");
                }
            }
        }
        foreach (var text in replies)
        {
            text.ShouldNotContain(clinic, Case.Sensitive, "the strike reply names the hidden clinic");
            text.ShouldNotContain(ngo.Id, Case.Sensitive, "the strike reply names the clinic's owner");
            text.ShouldNotContain("36.20713");
        }
        // The striker's other views say no more.
        foreach (var path in new[] { "/api/v1/conflicts?state=all", "/api/v1/inbox", "/api/v1/transparency?from=" + HostileGeoJson.Time(T.AddDays(-1)) + "&to=" + HostileGeoJson.Time(T.AddDays(1)) })
        {
            var text = await (await s.GetAsync(path)).Content.ReadAsStringAsync();
            text.ShouldNotContain(clinic, Case.Sensitive, $"GET {path} names the hidden clinic");
            text.ShouldNotContain("distance_m", Case.Sensitive, $"GET {path} tells a distance to the hidden clinic");
        }
        // The clinic's organisation is told of the strike at once.
        var told = await ngoEvents.ReadUntilAsync(e => e.Data.Contains(clinic, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        told.ShouldContain(e => e.Data.Contains(clinic, StringComparison.Ordinal), "the clinic's owner was not told of the strike");
    }
}
