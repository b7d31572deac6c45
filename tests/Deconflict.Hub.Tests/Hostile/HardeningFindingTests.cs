using System.Net;
using System.Text.Json;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Hostile;

/// <summary>
/// Finding 12: an observer gets no escalation contact but that of the side that named it; an absurd hold duration
/// is a 400, not a 500; the intents' bbox filter is right across the antimeridian and around a pole; API replies
/// carry <c>Cache-Control: no-store</c> and <c>X-Content-Type-Options: nosniff</c>; <c>/docs</c> has a
/// Content-Security-Policy. (Ids with bidi and control characters: <see cref="IdValidationFindingTests"/>.)
/// </summary>
public sealed class HardeningFindingTests(HostileHub hub) : IClassFixture<HostileHub>
{
    private static readonly DateTimeOffset T = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(8).AddHours(3);

    [Fact]
    public async Task Finding_12_an_observer_named_by_one_side_does_not_receive_the_other_sides_escalation_contact()
    {
        var a = await hub.NewPartyAsync("esc-a");
        var b = await hub.NewPartyAsync("esc-b");
        var observer = await hub.NewPartyAsync("esc-observer", "observer");
        var agreement = await HostileHub.AgreeAsync(a, b, "full", "full", ackDeadlineS: 10);
        using var ac = a.Client();
        using var bc = b.Client();
        await (await ac.SendJsonAsync(HttpMethod.Put, $"/api/v1/agreements/{agreement}/hotline",
            JsonSerializer.Serialize(new { escalation_contact = "A duty desk", observer = observer.Id }))).ShouldBeAsync(HttpStatusCode.OK);
        const string privateContact = "Bravo night line Kestrel 4471";
        await (await bc.SendJsonAsync(HttpMethod.Put, $"/api/v1/agreements/{agreement}/hotline",
            JsonSerializer.Serialize(new { escalation_contact = privateContact }))).ShouldBeAsync(HttpStatusCode.OK);
        await using var events = await SseClient.ConnectAsync(hub.BaseAddress, observer.Key);
        var thread = await ac.OpenThreadAsync(b.Id);
        await (await ac.PostMessageAsync(thread, "REQUEST_ALTITUDE_CHANGE", new { flight_level = 240 })).ShouldBeAsync(HttpStatusCode.Created);

        // The deadline is 10 s; the hub checks every 200 ms: wait at most 30 s for the escalation.
        var seen = await events.ReadUntilAsync(e => e.Type == "escalation", TimeSpan.FromSeconds(30));
        var escalation = seen.LastOrDefault(e => e.Type == "escalation");
        escalation.ShouldNotBeNull("the observer was told of the escalation");
        escalation.Data.ShouldNotContain(privateContact, Case.Sensitive, "the observer named by A received B's escalation contact");
        (await observer.Client().AuditExportAsync()).ShouldNotContain(privateContact, Case.Sensitive, "the observer's audit export holds B's contact");
    }

    [Fact]
    public async Task Finding_12_a_hold_of_P99999999Y_is_a_400_naming_the_duration()
    {
        var a = await hub.NewPartyAsync("hold-a");
        var b = await hub.NewPartyAsync("hold-b");
        await HostileHub.AgreeAsync(a, b, "full", "full");
        using var ac = a.Client();
        var thread = await ac.OpenThreadAsync(b.Id);
        using var response = await ac.PostMessageAsync(thread, "REQUEST_HOLD", new { position = new { lat_deg = 35.1, lon_deg = 38.2 }, duration = "P99999999Y" });
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "params.duration");
    }

    [Fact]
    public async Task Finding_12_the_bbox_filter_is_right_across_the_antimeridian_and_around_a_pole()
    {
        var party = await hub.NewPartyAsync("bbox");
        using var c = party.Client();
        // A 30 km circle centred 0.1° west of the antimeridian reaches about 0.17° east of it; a 50 km circle around the north pole.
        await (await c.PutIntentAsync("dateline", HostileGeoJson.CircleIntent(10.0, 179.9, 30_000, 0, 5_000, T, T.AddHours(1)))).ShouldBeAsync(HttpStatusCode.Created);
        await (await c.PutIntentAsync("polar", HostileGeoJson.CircleIntent(89.9, 12.3, 50_000, 0, 5_000, T, T.AddHours(1)))).ShouldBeAsync(HttpStatusCode.Created);
        async Task<List<string>> In(string bbox) =>
            [.. (await (await c.GetAsync($"/api/v1/intents?bbox={bbox}")).ShouldBeAsync(HttpStatusCode.OK)).EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];
        var problems = new List<string>();
        void Expect(string bbox, List<string> got, string id, bool inside)
        {
            if (got.Contains(id) != inside)
            {
                problems.Add($"bbox {bbox}: {id} {(inside ? "missing" : "listed")}");
            }
        }
        foreach (var (bbox, inside) in new[] { ("179.5,9.5,180,10.5", true), ("-180,9.5,-179.95,10.5", true), ("170,9.5,175,10.5", false), ("-175,9.5,-170,10.5", false), ("0,9.5,10,10.5", false) })
        {
            Expect(bbox, await In(bbox), "dateline", inside);
        }
        foreach (var (bbox, inside) in new[] { ("-170,89.8,-160,90", true), ("100,89.7,110,90", true), ("12,80,13,85", false) })
        {
            Expect(bbox, await In(bbox), "polar", inside);
        }
        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Finding_12_api_replies_are_not_cached_or_sniffed_and_docs_have_a_content_security_policy()
    {
        var party = await hub.NewPartyAsync("headers");
        using var c = party.Client();
        using var anonymous = hub.Client(null);
        var problems = new List<string>();
        foreach (var (client, path) in new[] { (c, "/api/v1/intents"), (c, "/api/v1/me"), (c, "/api/v1/intents/none-such"), (c, "/api/v1/conflicts?state=bogus"), (anonymous, "/api/v1/intents"), (c, "/api/v1/audit/export") })
        {
            using var response = await client.GetAsync(path);
            var cache = response.Headers.CacheControl;
            if (cache is null || !cache.NoStore)
            {
                problems.Add($"{path} ({(int)response.StatusCode}): Cache-Control '{cache}'");
            }
            if (!response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) || !sniff.Contains("nosniff"))
            {
                problems.Add($"{path} ({(int)response.StatusCode}): no X-Content-Type-Options: nosniff");
            }
        }
        using var docs = await anonymous.GetAsync("/docs");
        if (!docs.Headers.Contains("Content-Security-Policy"))
        {
            problems.Add($"/docs ({(int)docs.StatusCode}): no Content-Security-Policy");
        }
        problems.ShouldBeEmpty();
    }
}
