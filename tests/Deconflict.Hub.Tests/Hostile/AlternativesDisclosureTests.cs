using System.Globalization;
using System.Net;
using System.Text.Json;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Hostile;

/// <summary>
/// Alternatives offered against an intent of a party that shares nothing: they say only the move and the moved
/// intent (never the hidden intent's id, party or any of its own values), the hidden intent's owner is told of each
/// one as of a conflict answer, each counts against the per-pair budget, and the offer never uses the budget up, so
/// the prober can still accept what it was offered.
/// </summary>
public sealed class AlternativesDisclosureTests
{
    private static readonly DateTimeOffset T = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(6).AddHours(8);

    private static readonly string[] ViewMembers =
        ["alt_lower_ft", "alt_upper_ft", "change", "direction", "id", "intent", "shift_ft", "shift_m", "shift_s", "side", "steps", "time_end", "time_start"];

    [Fact]
    public async Task Alternatives_around_a_hidden_intent_tell_only_the_move_are_told_to_its_owner_and_are_counted_without_using_up_the_budget()
    {
        const int budget = 5;
        await using var own = HostileHub.With(environment: new Dictionary<string, string> { ["DECONFLICT_PROBE_BUDGET"] = budget.ToString(CultureInfo.InvariantCulture) });
        await own.InitializeAsync();
        var victim = await own.NewPartyAsync("victim");
        var prober = await own.NewPartyAsync("prober");
        const string hiddenId = "hidden-7f3e91";
        // Values found nowhere else: none of them may reach the prober.
        using (var v = victim.Client())
        {
            await (await v.PutIntentAsync(hiddenId, HostileGeoJson.CircleIntent(-12.34567, 45.6789, 7_321, 3_000, 12_345, T, T.AddSeconds(5_000)))).ShouldBeAsync(HttpStatusCode.Created);
        }
        using var p = prober.Client();
        using var refused = await p.PutIntentAsync("mine", HostileGeoJson.CircleIntent(-12.35, 45.68, 2_000, 10_000, 11_000, T, T.AddHours(1)));
        var text = await refused.Content.ReadAsStringAsync();
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict, text);
        foreach (var secret in new[] { hiddenId, victim.Id, "12345", "7321", "45.6789", "-12.34567", "09:23:20", "5000" })
        {
            text.ShouldNotContain(secret, Case.Sensitive, $"the 409 with alternatives leaks {secret}: {text}");
        }
        var alternatives = JsonDocument.Parse(text).RootElement.GetProperty("alternatives").EnumerateArray().ToList();
        // The 409 was answer 1 of 5; each alternative one more, and the offer stops before the 5th.
        alternatives.Select(a => a.GetProperty("id").GetString()).ShouldBe(["delay", "advance", "above"]);
        foreach (var a in alternatives)
        {
            a.EnumerateObject().Select(m => m.Name).Order(StringComparer.Ordinal).ShouldBe(ViewMembers);
            foreach (var f in a.GetProperty("intent").GetProperty("features").EnumerateArray())
            {
                f.GetProperty("properties").GetProperty("party").GetString().ShouldBe(prober.Id);
                f.GetProperty("properties").GetProperty("intent_id").GetString().ShouldBe("mine");
            }
        }
        // Delay: the first whole minute at or after the hidden end (09:23:20), nothing finer.
        alternatives[0].GetProperty("time_start").GetDateTimeOffset().ShouldBe(T.AddMinutes(84));

        // Accepting what was offered is a write like any other: not refused, and conflict-free, so not counted.
        var accepted = await p.SendJsonAsync(HttpMethod.Post, "/api/v1/intents/mine/alternatives/accept", """{"alternative":"above"}""");
        (await accepted.ShouldBeAsync(HttpStatusCode.Created)).GetProperty("conflicts").GetArrayLength().ShouldBe(0);

        // The 5th answer uses up the budget: no alternative is offered with it, then every write is 429.
        using var last = await p.PutIntentAsync("again", HostileGeoJson.CircleIntent(-12.35, 45.68, 2_000, 10_000, 11_000, T, T.AddHours(1)));
        var lastBody = await last.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        lastBody.GetProperty("alternatives").GetArrayLength().ShouldBe(0);
        await (await p.SendJsonAsync(HttpMethod.Post, "/api/v1/intents/again/alternatives", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await p.PutIntentAsync("far", HostileGeoJson.CircleIntent(60.1, -150.1, 100, 0, 1_000, T, T.AddHours(1)))).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);

        var told = (await HostileCalls.ReplayEventsAsync(own, victim.Key, TimeSpan.FromSeconds(5))).Where(e => e.Type == "probe")
            .Select(e => JsonDocument.Parse(e.Data).RootElement).ToList();
        told.Count(e => e.GetProperty("outcome").GetString() == "alternative").ShouldBe(3);
        told.Where(e => e.GetProperty("outcome").GetString() == "alternative").Select(e => e.GetProperty("alternative").GetString()).ShouldBe(["delay", "advance", "above"]);
        told.ShouldAllBe(e => e.GetProperty("prober").GetString() == prober.Id);
        told.Count(e => e.GetProperty("outcome").GetString() == "blocked").ShouldBe(2);
        told.Count(e => e.GetProperty("outcome").GetString() == "budget_exhausted").ShouldBe(1);
    }
}
