using Deconflict.Core.Coordinates;
using Deconflict.Core.Ground;
using Deconflict.Core.Strategic;
using Deconflict.Hub.Access;
using Deconflict.Hub.Agreements;

using Deconflict.Hub.Auth;
using Deconflict.Hub.Intents;
using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Ground;

/// <summary>
/// Reported strikes and fire/strike-area intents. A strike is assessed against every notified site and every
/// movement active at its time (whoever notified them: un-shared sites are protected too) and against the striking
/// party's own declared zones; each site or movement reached opens a ground conflict to both sides.
/// </summary>
public sealed class StrikeDesk(GroundStore ground, IHubStore store, NeedToKnow needToKnow, AgreementBook book)
{
    public Task<GroundOutcome> ReportAsync(CallerParty caller, string id, string intentId, double latDeg, double lonDeg, DateTimeOffset t, double radiusM, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return store.WriteAsync(async w =>
        {
            var party = caller.PartyId!;
            var intent = await w.GetIntentAsync(party, intentId).ConfigureAwait(false);
            if (intent is null)
            {
                return new GroundOutcome(GroundOutcomeKind.Invalid, Detail: "Not an intent of the caller's party.", Field: "intent_id");
            }
            if (await GroundStore.StrikeExistsAsync(w, party, id).ConfigureAwait(false))
            {
                return new GroundOutcome(GroundOutcomeKind.Conflict, Detail: "A strike with this id was already reported.", Field: "id");
            }
            var strike = new StrikeReport(id, caller.PartyId!, intentId, new(latDeg, lonDeg), t, radiusM);
            var sites = (await ground.ListAsync(GroundStore.Site, null, ct).ConfigureAwait(false)).Select(r => GroundGeoJson.ReadSite(r.GeoJson, r.Id, r.Party, trusted: true));
            var movements = (await ground.ListAsync(GroundStore.Movement, null, ct).ConfigureAwait(false)).Select(r => GroundGeoJson.ReadMovement(r.GeoJson, r.Id, r.Party, trusted: true));
            var zones = (await ground.ListAsync(GroundStore.Zone, caller.PartyId, ct).ConfigureAwait(false)).Select(r => GroundGeoJson.ReadZone(r.GeoJson, r.Id, r.Party, trusted: true));
            var assessment = GroundProximity.Assess(strike, sites.ToList(), movements.ToList(), zones.ToList());
            var declared = IntentDesk.FromRecord(intent);
            var insideIntent = declared.Volumes.Any(v => v.TimeStart <= t && t < v.TimeEnd
                && VolumeProximity.HorizontalDistanceOutsideM(v.Shape, latDeg, lonDeg) <= radiusM);
            var hits = new List<GroundConflictRef>();
            foreach (var hit in assessment.Hits)
            {
                hits.Add(await GroundConflicts.OpenStrikeAsync(w, strike, hit, book).ConfigureAwait(false));
            }
            var view = new StrikeView(id, strike.Party, intentId, latDeg, lonDeg, Mgrs.Format(latDeg, lonDeg), t, radiusM,
                assessment.InsideDeclaredZone, assessment.ZoneIds, assessment.OutsideNearestZoneM is { } o ? Math.Round(o, 1) : null, insideIntent, hits);
            var json = HubJson.Serialize(view);
            await GroundStore.InsertStrikeAsync(w, new StrikeRecord(id, strike.Party, intentId, latDeg, lonDeg, t, radiusM,
                assessment.InsideDeclaredZone, json, w.Now)).ConfigureAwait(false);
            // The striker is told what it may learn (a hit on an object it may not see only as such); each owner of an
            // object reached is told at once by its ground conflict (event and audit entry).
            var own = StrikeViews.For(view, strike.Party, o => needToKnow.MayName(strike.Party, o));
            await w.AppendEventAsync("strike", id, strike.Party, [strike.Party],
                HubJson.Serialize(new { id, party = strike.Party, intent_id = intentId, t, hits = own.Hits.Count, protected_object_hit = own.ProtectedObjectHit })).ConfigureAwait(false);
            var receipt = await w.AppendAuditAsync(strike.Party, "strike.report", "strike", id, [strike.Party], HubJson.Serialize(own)).ConfigureAwait(false);
            return new GroundOutcome(GroundOutcomeKind.Created, own, receipt);
        }, ct);
    }

    /// <summary>Designates the caller's intent as a fire/strike area (or clears the designation) and checks it against sites and movements.</summary>
    public Task<GroundOutcome> MarkFireAreaAsync(CallerParty caller, string intentId, bool mark, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return store.WriteAsync(async w =>
        {
            // A caller names only its own intents here: another party's id is absent.
            var intent = caller.PartyId is { } own ? await w.GetIntentAsync(own, intentId).ConfigureAwait(false) : null;
            if (intent is null || intent.State == nameof(IntentState.Ended))
            {
                return new GroundOutcome(GroundOutcomeKind.NotFound);
            }
            await GroundStore.MarkFireIntentAsync(w, intentId, intent.Party, mark).ConfigureAwait(false);
            var conflicts = await ReconcileIntentAsync(w, IntentDesk.FromRecord(intent), mark, ct).ConfigureAwait(false);
            var receipt = await w.AppendAuditAsync(intent.Party, mark ? "intent.fire_area" : "intent.fire_area_clear", "intent", intentId, [intent.Party],
                HubJson.Serialize(new { intent_id = intentId, fire_area = mark })).ConfigureAwait(false);
            return new GroundOutcome(mark ? GroundOutcomeKind.Changed : GroundOutcomeKind.Ended, new FireAreaView(intentId, intent.Party, mark, conflicts), receipt);
        }, ct);
    }

    /// <summary>Re-checks a fire-area intent after it changed (called for every committed intent event).</summary>
    public async Task RecheckIntentAsync(string party, string intentId, CancellationToken ct)
    {
        var marked = (await ground.FireIntentsAsync(ct).ConfigureAwait(false)).Any(f => f.IntentId == intentId && f.Party == party);
        if (!marked)
        {
            return;
        }
        await store.WriteAsync(async w =>
        {
            var intent = await w.GetIntentAsync(party, intentId).ConfigureAwait(false);
            if (intent is not null)
            {
                await ReconcileIntentAsync(w, IntentDesk.FromRecord(intent), intent.State != nameof(IntentState.Ended), ct).ConfigureAwait(false);
            }
            return 0;
        }, ct).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<GroundConflictRef>> ReconcileIntentAsync(IHubWriter w, OperationalIntent intent, bool active, CancellationToken ct)
    {
        IReadOnlyList<GroundHit> hits = [];
        if (active)
        {
            var sites = (await ground.ListAsync(GroundStore.Site, null, ct).ConfigureAwait(false)).Select(r => GroundGeoJson.ReadSite(r.GeoJson, r.Id, r.Party, trusted: true)).ToList();
            var movements = (await ground.ListAsync(GroundStore.Movement, null, ct).ConfigureAwait(false)).Select(r => GroundGeoJson.ReadMovement(r.GeoJson, r.Id, r.Party, trusted: true)).ToList();
            hits = GroundProximity.FireAreaHits(intent, sites, movements);
        }
        return await GroundConflicts.ReconcileIntentAsync(w, intent.Id, intent.Party, hits, book).ConfigureAwait(false);
    }
}
