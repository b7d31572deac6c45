using System.Globalization;
using System.Text.Json;
using Deconflict.Hub.Access;
using Deconflict.Hub.Agreements;
using Deconflict.Hub.Conflicts;
using Deconflict.Hub.Auth;
using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;
using Deconflict.Hub.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deconflict.Hub.Ground;

/// <summary>
/// <c>GET /api/v1/transparency?from=&amp;to=</c>: per party, what it declared (zones of operations, intents) against
/// what it reported doing (strikes, live tracks) in the window: strikes outside its declared zones or its own intent, tracks
/// that left their intent, strikes
/// that reached notified sites or movements, and site notifications it has not acknowledged. Only what the caller
/// may see under the hub's visibility rule.
/// </summary>
public static class TransparencyApi
{
    private static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(7);

    public static IEndpointRouteBuilder MapTransparencyApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/transparency", ReportAsync).WithTags("Ground: transparency").WithName("Transparency")
            .WithSummary("Declared (zones, intents) against reported (strikes, nonconforming tracks) per party in [from, to) (default: the last 7 days), limited to what the caller may see.")
            .Problems(StatusCodes.Status400BadRequest);
        return routes;
    }

    private static async Task<Results<Ok<TransparencyReport>, HubProblem>> ReportAsync(string? from, string? to, CallerParty caller, IHubStore store, GroundStore ground, GroundDesk desk,
        NeedToKnow needToKnow, AgreementBook book, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var toTime = ParseTime(to, "to", errors) ?? clock.GetUtcNow();
        var fromTime = ParseTime(from, "from", errors) ?? toTime - DefaultWindow;
        if (errors.Count == 0 && fromTime >= toTime)
        {
            errors["to"] = ["Must be after from."];
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        var viewer = caller.Id;
        var report = new TransparencyReport(fromTime, toTime, []);
        if (viewer.Length == 0)
        {
            return TypedResults.Ok(report);
        }
        var seen = await needToKnow.ConflictObjectsAsync(viewer, ct).ConfigureAwait(false);
        bool CanSee(ObjectRef o) => needToKnow.CanSee(viewer, o, seen);

        var zones = (await ground.ListAsync(GroundStore.Zone, null, ct).ConfigureAwait(false))
            .Where(z => (z.ValidFrom is null || z.ValidFrom < toTime) && (z.ValidTo is null || fromTime < z.ValidTo) && CanSee(new ObjectRef(ObjectRef.Zone, z.Party, z.Id))).ToList();
        var intents = (await store.ListIntentsAsync(new IntentQuery(null, null, null, null, fromTime, toTime), ct).ConfigureAwait(false))
            .Where(i => CanSee(new ObjectRef(ObjectRef.Intent, i.Party, i.Id))).ToList();
        var fire = (await ground.FireIntentsAsync(ct).ConfigureAwait(false)).Select(f => (f.Party, f.IntentId)).ToHashSet();
        var strikes = (await ground.StrikesAsync(fromTime, toTime, ct).ConfigureAwait(false)).Where(s => CanSee(new ObjectRef(ObjectRef.Strike, s.Party, s.Id))).ToList();
        var unacknowledged = await UnacknowledgedAsync(viewer, ground, desk, ct).ConfigureAwait(false);
        var nonconforming = (await store.ListConflictsAsync(viewer, null, ct).ConfigureAwait(false))
            .Where(c => c.Kind == "conformance" && c.DetectedAt >= fromTime && c.DetectedAt < toTime).ToList();

        var parties = zones.Select(z => z.Party).Concat(intents.Select(i => i.Party)).Concat(strikes.Select(s => s.Party))
            .Concat(unacknowledged.Select(u => u.Party)).Append(viewer).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var party in parties)
        {
            var partyStrikes = strikes.Where(s => s.Party == party).Select(s => View(s, viewer, CanSee)).ToList();
            report.Parties.Add(new PartyTransparency(
                party,
                zones.Where(z => z.Party == party).Select(z => new DeclaredZone(z.Id, z.ValidFrom, z.ValidTo, z.Version)).ToList(),
                intents.Where(i => i.Party == party).Select(i => new DeclaredIntent(i.Id, i.State, i.TimeStart, i.TimeEnd, fire.Contains((i.Party, i.Id)))).ToList(),
                partyStrikes,
                partyStrikes.Where(s => !s.InsideDeclaredZone).Select(s => s.Id).ToList(),
                partyStrikes.Where(s => !s.InsideIntent).Select(s => s.Id).ToList(),
                partyStrikes.Where(s => s.Hits.Count > 0 || s.ProtectedObjectHit == true).Select(s => s.Id).ToList(),
                unacknowledged.Where(u => u.Party == party).Select(u => u.Notification).ToList(),
                nonconforming.Where(c => c.Parties.Contains(party))
                    .Select(c => new NonconformingTrack(c.Id, ConflictViews.For(c, viewer, book).Objects, c.Status, c.DetectedAt)).ToList()));
        }
        return TypedResults.Ok(report);
    }

    private static StrikeView View(StrikeRecord s, string viewer, Func<ObjectRef, bool> canSee) =>
        StrikeViews.For(JsonSerializer.Deserialize<StrikeView>(s.AssessmentJson, HubJson.Options)!, viewer, canSee);

    /// <summary>Sites notified to a party whose current version it has not acknowledged: the caller's own, and those of the caller's sites.</summary>
    private static async Task<List<(string Party, UnacknowledgedNotification Notification)>> UnacknowledgedAsync(
        string viewer, GroundStore ground, GroundDesk desk, CancellationToken ct)
    {
        var list = new List<(string, UnacknowledgedNotification)>();
        var sites = await ground.ListAsync(GroundStore.Site, null, ct).ConfigureAwait(false);
        var acks = (await ground.AllAcksAsync(ct).ConfigureAwait(false)).Select(a => (a.SiteParty, a.SiteId, a.PartyId, a.Version)).ToHashSet();
        var notifiedBy = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var site in sites)
        {
            if (!notifiedBy.TryGetValue(site.Party, out var notified))
            {
                notified = notifiedBy[site.Party] = await desk.NotifiedPartiesAsync(site.Party, ct).ConfigureAwait(false);
            }
            foreach (var party in notified)
            {
                if ((viewer == party || viewer == site.Party) && !acks.Contains((site.Party, site.Id, party, site.Version))
)
                {
                    list.Add((party, new UnacknowledgedNotification(site.Id, site.Party, site.Version, site.UpdatedAt)));
                }
            }
        }
        return list;
    }

    private static DateTimeOffset? ParseTime(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }
        if (text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
        {
            return t;
        }
        errors[field] = ["An RFC 3339 time such as 2026-03-01T12:00:00Z."];
        return null;
    }
}
