using System.Net;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Hostile;

/// <summary>
/// Findings 1 and 9 of the hostile review: an object is identified by (kind, owner, id), so another party's id
/// neither opens a door (a decoy strike named after a hidden site) nor collides nor tells that it exists.
/// </summary>
public sealed class IdentityFindingTests(HostileHub hub) : IClassFixture<HostileHub>
{
    private static readonly DateTimeOffset T = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(4).AddHours(10);

    [Fact]
    public async Task Finding_1_a_decoy_strike_named_after_a_hidden_site_or_intent_does_not_reveal_it()
    {
        var owner = await hub.NewPartyAsync("owner", "humanitarian");
        var attacker = await hub.NewPartyAsync("attacker");
        // The owner shares conflicts_only: only objects in a conflict with the attacker are visible to it.
        await HostileHub.AgreeAsync(owner, attacker, "conflicts_only", "full");
        using var o = owner.Client();
        using var a = attacker.Client();
        var siteId = "clinic-" + Guid.NewGuid().ToString("N")[..6];
        var intentId = "medevac-" + Guid.NewGuid().ToString("N")[..6];
        await (await o.PutSiteAsync(siteId, 34.51729, 41.28813, notes: "Notes hidden ward")).ShouldBeAsync(HttpStatusCode.Created);
        await (await o.PutIntentAsync(intentId, HostileGeoJson.CircleIntent(34.61731, 41.38817, 2_000, 1_000, 3_337, T, T.AddHours(2)))).ShouldBeAsync(HttpStatusCode.Created);
        (await a.GetAsync($"/api/v1/sites/{siteId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The attacker's own decoy site and intent far away; strikes on the decoy named after the hidden objects.
        await (await a.PutSiteAsync("decoy-" + siteId, 20.1, 30.1)).ShouldBeAsync(HttpStatusCode.Created);
        var own = "own-" + Guid.NewGuid().ToString("N")[..6];
        await (await a.PutIntentAsync(own, HostileGeoJson.CircleIntent(20.1, 30.1, 5_000, 0, 5_000, T, T.AddHours(2)))).ShouldBeAsync(HttpStatusCode.Created);
        foreach (var decoyId in new[] { siteId, intentId })
        {
            using var strike = await a.StrikeAsync(own, 20.1, 30.1, T.AddMinutes(30), id: decoyId);
            ((int)strike.StatusCode).ShouldBeLessThan(500);
        }

        foreach (var path in new[] { $"/api/v1/sites/{siteId}", $"/api/v1/intents/{intentId}" })
        {
            var response = await a.GetAsync(path);
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"GET {path} after a decoy strike with that id: {text}");
            text.ShouldNotContain("34.5172");
            text.ShouldNotContain("34.6173");
        }
        var lists = await (await a.GetAsync("/api/v1/sites")).Content.ReadAsStringAsync() + await (await a.GetAsync("/api/v1/intents")).Content.ReadAsStringAsync();
        lists.ShouldNotContain("34.5172");
        lists.ShouldNotContain("hidden ward");
        lists.ShouldNotContain(intentId + "\",\"party\":\"" + owner.Id);
    }

    [Fact]
    public async Task Finding_9_another_partys_ids_neither_collide_nor_tell_that_they_exist()
    {
        var owner = await hub.NewPartyAsync("owner9");
        var prober = await hub.NewPartyAsync("prober9");
        using var o = owner.Client();
        using var p = prober.Client();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (intent, site, movement, zone, strike, track) = ($"i-{tag}", $"s-{tag}", $"m-{tag}", $"z-{tag}", $"st-{tag}", $"TRK{tag}");
        await (await o.PutIntentAsync(intent, HostileGeoJson.CircleIntent(-12.3, 130.1, 3_000, 0, 4_000, T, T.AddHours(1)))).ShouldBeAsync(HttpStatusCode.Created);
        await (await o.PutSiteAsync(site, -12.4, 130.2)).ShouldBeAsync(HttpStatusCode.Created);
        await (await o.PutMovementAsync(movement, -12.5, 130.3, T)).ShouldBeAsync(HttpStatusCode.Created);
        await (await o.PutZoneAsync(zone, -12.6, 130.4, T)).ShouldBeAsync(HttpStatusCode.Created);
        await (await o.StrikeAsync(intent, -12.3, 130.1, T.AddMinutes(10), id: strike)).ShouldBeAsync(HttpStatusCode.Created);
        (await (await o.ReportTrackAsync(track, -12.7, 130.5, 9_000)).ShouldBeAsync(HttpStatusCode.Accepted)).GetProperty("accepted").GetInt32().ShouldBe(1);

        // The prober (no agreement) uses the same ids, far away, each exactly as it would a free id.
        var problems = new List<string>();
        var own = $"own-{tag}";
        await (await p.PutIntentAsync(own, HostileGeoJson.CircleIntent(40.3, -100.1, 3_000, 0, 4_000, T, T.AddHours(1)))).ShouldBeAsync(HttpStatusCode.Created);
        async Task Expect(string what, Task<HttpResponseMessage> call, HttpStatusCode expected)
        {
            using var response = await call;
            if (response.StatusCode != expected)
            {
                problems.Add($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
        await Expect($"PUT intent {intent}", p.PutIntentAsync(intent, HostileGeoJson.CircleIntent(40.4, -100.2, 3_000, 0, 4_000, T, T.AddHours(1))), HttpStatusCode.Created);
        await Expect($"PUT site {site}", p.PutSiteAsync(site, 40.5, -100.3), HttpStatusCode.Created);
        await Expect($"PUT movement {movement}", p.PutMovementAsync(movement, 40.6, -100.4, T), HttpStatusCode.Created);
        await Expect($"PUT zone {zone}", p.PutZoneAsync(zone, 40.7, -100.5, T), HttpStatusCode.Created);
        await Expect($"POST strike {strike}", p.StrikeAsync(own, 40.3, -100.1, T.AddMinutes(10), id: strike), HttpStatusCode.Created);
        using (var report = await p.ReportTrackAsync(track, 40.8, -100.6, 9_000))
        {
            var body = await report.Content.ReadAsStringAsync();
            if (!body.Contains("\"accepted\":1", StringComparison.Ordinal))
            {
                problems.Add($"POST track {track}: {body}");
            }
        }
        problems.ShouldBeEmpty();

        // Each party still sees its own object under the shared id, and the owner's are unchanged.
        var ownerIntent = await (await o.GetAsync($"/api/v1/intents/{intent}")).ShouldBeAsync(HttpStatusCode.OK);
        ownerIntent.ToString().ShouldContain("130.1");
        (await (await p.GetAsync($"/api/v1/intents/{intent}")).ShouldBeAsync(HttpStatusCode.OK)).ToString().ShouldContain("-100.2");
        (await (await o.GetAsync($"/api/v1/sites/{site}")).ShouldBeAsync(HttpStatusCode.OK)).ToString().ShouldContain("130.2");
        var tracks = await (await o.GetAsync("/api/v1/tracks")).Content.ReadAsStringAsync();
        tracks.ShouldContain("130.5");
        tracks.ShouldNotContain("-100.6");
    }
}
