using System.Net;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Hostile;

/// <summary>
/// Finding 3 (one request stopped the hub from starting: <c>PUT /api/v1/intents/%20</c>, then DELETE, then restart)
/// and finding 12's ids with bidi overrides and control characters: every entry point, path or body, refuses such
/// ids with 400, and start-up never dies on one bad stored row.
/// </summary>
public sealed class IdValidationFindingTests(HostileHub hub) : IClassFixture<HostileHub>
{
    private static readonly DateTimeOffset T = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(4).AddHours(10);

    [Fact]
    public async Task Finding_3_an_id_of_one_space_is_refused_and_the_hub_starts_again_with_everything_accepted()
    {
        await using var own = HostileHub.With();
        await own.InitializeAsync();
        var party = await own.NewPartyAsync("spaces");
        var problems = new List<string>();
        using (var c = party.Client())
        {
            await (await c.PutIntentAsync("KEEP-3", HostileGeoJson.CircleIntent(10.1, 10.1, 1_000, 0, 1_000, T, T.AddHours(1)))).ShouldBeAsync(HttpStatusCode.Created);
            using (var put = await c.PutIntentAsync(" ", HostileGeoJson.CircleIntent(10.2, 10.2, 1_000, 0, 1_000, T, T.AddHours(1))))
            {
                if (put.StatusCode != HttpStatusCode.BadRequest)
                {
                    problems.Add($"PUT /api/v1/intents/%20 answered {(int)put.StatusCode}, not 400");
                }
            }
            using (var delete = await c.DeleteAsync("/api/v1/intents/%20"))
            {
                if ((int)delete.StatusCode >= 500)
                {
                    problems.Add($"DELETE /api/v1/intents/%20 answered {(int)delete.StatusCode}");
                }
            }
        }
        try
        {
            await own.RestartAsync();
            using var c = party.Client();
            (await c.GetAsync("/api/v1/intents/KEEP-3")).StatusCode.ShouldBe(HttpStatusCode.OK, "an intent accepted before the restart is there after it");
        }
        catch (InvalidOperationException e)
        {
            problems.Add("the hub did not start again: " + e.Message);
        }
        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Finding_3_ids_with_leading_or_trailing_spaces_are_refused_at_every_entry_point()
    {
        await ExpectEveryEntryPointRefusesAsync([" lead", "trail ", "\u00A0nbsp", "tab\t"], -33);
    }

    [Fact]
    public async Task Finding_12_ids_with_bidi_format_or_control_characters_are_refused_at_every_entry_point()
    {
        await ExpectEveryEntryPointRefusesAsync(["evil\u202Egnp.exe", "a\u2066b\u2069", "zero\u200Bwidth", "rlm\u200F", "bell\u0007", "nel\u0085x", "bom\uFEFF"], -36);
    }

    /// <summary>Each id at every entry point; <paramref name="lat"/> keeps each test's geometry apart from the others'.</summary>
    private async Task ExpectEveryEntryPointRefusesAsync(string[] ids, double lat)
    {
        var party = await hub.NewPartyAsync("ids");
        using var c = party.Client();
        var own = "base-" + Guid.NewGuid().ToString("N")[..6];
        await (await c.PutIntentAsync(own, HostileGeoJson.CircleIntent(lat - 0.1, 151.1, 1_000, 0, 1_000, T, T.AddHours(1)))).ShouldBeAsync(HttpStatusCode.Created);
        var problems = new List<string>();
        foreach (var id in ids)
        {
            var shown = Uri.EscapeDataString(id);
            var calls = new (string What, Func<Task<HttpResponseMessage>> Call)[]
            {
                ("PUT intent", () => c.PutIntentAsync(id, HostileGeoJson.CircleIntent(lat - 0.2, 151.2, 1_000, 0, 1_000, T, T.AddHours(1)))),
                ("PUT site", () => c.PutSiteAsync(id, lat - 0.3, 151.3)),
                ("PUT movement", () => c.PutMovementAsync(id, lat - 0.4, 151.4, T)),
                ("PUT zone", () => c.PutZoneAsync(id, lat - 0.5, 151.5, T)),
                ("POST strike", () => c.StrikeAsync(own, lat - 0.1, 151.1, T.AddMinutes(5), id: id)),
            };
            foreach (var (what, call) in calls)
            {
                using var response = await call();
                if (response.StatusCode != HttpStatusCode.BadRequest)
                {
                    problems.Add($"{what} '{shown}': {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
            using var track = await c.ReportTrackAsync(id, lat - 0.6, 151.6, 5_000);
            var body = await track.Content.ReadAsStringAsync();
            if (!body.Contains("\"accepted\":0", StringComparison.Ordinal))
            {
                problems.Add($"POST track '{shown}': {body}");
            }
        }
        problems.ShouldBeEmpty();
    }
}
