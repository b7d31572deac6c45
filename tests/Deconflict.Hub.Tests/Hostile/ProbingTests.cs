using System.Globalization;
using System.Net;
using Deconflict.Core.Geodesy;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Hostile;

/// <summary>
/// Finding 4: conflict answers are information. A party without an agreement bisects the edges of a hidden circle
/// intent with probe intents (409 = the probe reaches it); the test measures how many requests place the centre
/// within 1 km, and checks that the victim is told of every conflict answer (an SSE event of type <c>probe</c>),
/// that a 409 names the blocking intent and party only when its owner shares with the prober, and that beyond the
/// per-pair budget of conflict answers every intent write of the prober gets 429 and the victim is told.
/// </summary>
public sealed class ProbingTests(HostileHub hub) : IClassFixture<HostileHub>
{
    private const int MaxBisectionSteps = 14;
    private static readonly DateTimeOffset T = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(5).AddHours(8);

    [Fact]
    public async Task Finding_4_bisection_places_a_hidden_circle_and_the_victim_is_told_of_every_conflict_answer()
    {
        await using var own = HostileHub.With(environment: new Dictionary<string, string> { ["DECONFLICT_PROBE_BUDGET"] = "100000" });
        await own.InitializeAsync();
        var victim = await own.NewPartyAsync("victim");
        var prober = await own.NewPartyAsync("prober");
        const double centreLat = 34.27183, centreLon = 43.61297;
        using (var v = victim.Client())
        {
            await (await v.PutIntentAsync("hidden-orbit", HostileGeoJson.CircleIntent(centreLat, centreLon, 7_500, 12_000, 15_000, T.AddHours(1), T.AddHours(3)))).ShouldBeAsync(HttpStatusCode.Created);
        }

        // The prober knows only a 1°×1° box. Four interleaved bisections: east, west, north and south edges of
        // the hidden disk, each with a strip reaching from the tested line to the side of the box.
        using var p = prober.Client();
        var probes = 0;
        var conflictAnswers = 0;
        int? requestsToOneKm = null;
        var error = double.PositiveInfinity;
        double eLo = 43, eHi = 44, wLo = 43, wHi = 44, nLo = 34, nHi = 35, sLo = 34, sHi = 35;
        async Task<bool> Reaches(double south, double west, double north, double east)
        {
            var body = HostileGeoJson.Intent(HostileGeoJson.Polygon([(south, west), (south, east), (north, east), (north, west)]), new Dictionary<string, object>(),
                0, 60_000, T, T.AddHours(12));
            using var response = await p.PutIntentAsync($"probe-{probes++}", body);
            var status = (int)response.StatusCode;
            (status is 201 or 409).ShouldBeTrue($"probe {probes}: {status} {await response.Content.ReadAsStringAsync()}");
            var reached = response.StatusCode == HttpStatusCode.Conflict;
            conflictAnswers += reached ? 1 : 0;
            return reached;
        }
        for (var step = 0; step < MaxBisectionSteps; step++)
        {
            var x = (eLo + eHi) / 2;
            (eLo, eHi) = await Reaches(34, x, 35, 44) ? (x, eHi) : (eLo, x);
            Record();
            x = (wLo + wHi) / 2;
            (wLo, wHi) = await Reaches(34, 43, 35, x) ? (wLo, x) : (x, wHi);
            Record();
            var y = (nLo + nHi) / 2;
            (nLo, nHi) = await Reaches(y, 43, 35, 44) ? (y, nHi) : (nLo, y);
            Record();
            y = (sLo + sHi) / 2;
            (sLo, sHi) = await Reaches(34, 43, y, 44) ? (sLo, y) : (y, sHi);
            Record();
        }
        void Record()
        {
            var lat = (((nLo + nHi) / 2) + ((sLo + sHi) / 2)) / 2;
            var lon = (((eLo + eHi) / 2) + ((wLo + wHi) / 2)) / 2;
            error = Geodesic.Inverse(centreLat, centreLon, lat, lon).DistanceM;
            if (error < 1_000)
            {
                requestsToOneKm ??= probes;
            }
            else
            {
                requestsToOneKm = null;
            }
        }
        var figure = string.Create(CultureInfo.InvariantCulture,
            $"probing figure: {(requestsToOneKm is { } n ? $"{n} requests" : "not within " + probes + " requests")} placed the hidden centre within 1 km; after {probes} requests ({conflictAnswers} conflict answers) the error was {error:0} m");
        TestContext.Current.TestOutputHelper?.WriteLine(figure);
        Console.WriteLine(figure);

        var told = (await HostileCalls.ReplayEventsAsync(own, victim.Key, TimeSpan.FromSeconds(5))).Count(e => e.Type == "probe");
        told.ShouldBeGreaterThanOrEqualTo(conflictAnswers, $"the victim was told of {told} probes of {conflictAnswers} conflict answers ({figure})");
    }

    [Fact]
    public async Task Finding_4_beyond_the_probe_budget_every_intent_write_of_the_prober_is_429_and_the_victim_is_told()
    {
        const int budget = 10;
        await using var own = HostileHub.With(environment: new Dictionary<string, string> { ["DECONFLICT_PROBE_BUDGET"] = budget.ToString(CultureInfo.InvariantCulture) });
        await own.InitializeAsync();
        var victim = await own.NewPartyAsync("victim");
        var prober = await own.NewPartyAsync("prober");
        using (var v = victim.Client())
        {
            await (await v.PutIntentAsync("guarded", HostileGeoJson.CircleIntent(-3.3, 29.9, 5_000, 0, 10_000, T, T.AddHours(2)))).ShouldBeAsync(HttpStatusCode.Created);
        }
        using var p = prober.Client();
        var conflicts = 0;
        HttpResponseMessage? refused = null;
        for (var i = 0; i < (budget * 3) + 5 && refused is null; i++)
        {
            var response = await p.PutIntentAsync($"probe-{i}", HostileGeoJson.CircleIntent(-3.3 + (i * 0.0001), 29.9, 100, 0, 10_000, T, T.AddHours(2)));
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                conflicts++;
                response.Dispose();
            }
            else
            {
                refused = response;
            }
        }
        refused.ShouldNotBeNull($"no 429 after {conflicts} conflict answers (budget {budget})");
        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        conflicts.ShouldBeLessThanOrEqualTo(budget);
        // Whatever the geometry: a probe far from everything is refused too.
        await (await p.PutIntentAsync("far-away", HostileGeoJson.CircleIntent(60.1, -150.1, 100, 0, 10_000, T, T.AddHours(2)))).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        var told = (await HostileCalls.ReplayEventsAsync(own, victim.Key, TimeSpan.FromSeconds(5))).Count(e => e.Type == "probe");
        told.ShouldBeGreaterThan(conflicts, "the victim is told of every conflict answer and of the prober reaching its budget");
    }

    [Fact]
    public async Task Finding_4_a_409_names_the_blocking_intent_and_party_only_to_parties_its_owner_shares_with()
    {
        var victim = await hub.NewPartyAsync("blocker");
        var stranger = await hub.NewPartyAsync("stranger");
        var noneParty = await hub.NewPartyAsync("nonesharer");
        var partner = await hub.NewPartyAsync("cfpartner");
        await HostileHub.AgreeAsync(victim, noneParty, "none", "full");
        await HostileHub.AgreeAsync(victim, partner, "conflicts_only", "full");
        var intent = "blocker-" + Guid.NewGuid().ToString("N")[..6];
        using (var v = victim.Client())
        {
            await (await v.PutIntentAsync(intent, HostileGeoJson.CircleIntent(-20.1, -60.1, 5_000, 0, 10_000, T, T.AddHours(2)))).ShouldBeAsync(HttpStatusCode.Created);
        }
        var probe = HostileGeoJson.CircleIntent(-20.1, -60.1, 100, 0, 10_000, T, T.AddHours(2));
        foreach (var hidden in new[] { stranger, noneParty })
        {
            using var c = hidden.Client();
            using var response = await c.PutIntentAsync("p-" + hidden.Id, probe);
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.Conflict, text);
            text.ShouldNotContain(intent, Case.Sensitive, $"the 409 to {hidden.Id} names the hidden intent");
            text.ShouldNotContain(victim.Id, Case.Sensitive, $"the 409 to {hidden.Id} names the hidden intent's party");
        }
        using (var c = partner.Client())
        {
            using var response = await c.PutIntentAsync("p-" + partner.Id, probe);
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.Conflict, text);
            text.ShouldContain(intent, Case.Sensitive, "a conflicts_only partner is told which intent blocks it");
            text.ShouldContain(victim.Id, Case.Sensitive);
        }
    }
}
