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
/// Where sites, movements and zones are written: ownership, versioning (a changed notification is a new version and
/// needs new acknowledgements), the parties notified (those the owner shares everything with under an active
/// agreement), fire-area conflicts, events without coordinates, and audit entries naming who was told what and when.
/// </summary>
public sealed class GroundDesk(GroundStore ground, IHubStore store, AgreementBook book, NeedToKnow needToKnow)
{
    public GroundStore Ground => ground;

    /// <summary>
    /// The live object a caller names by id: its own, else (ids being unique per owner only) the one of
    /// <paramref name="party"/>, else the only one with that id the caller may see; null when there is none it may see.
    /// </summary>
    public async Task<GroundObjectRecord?> ResolveAsync(CallerParty caller, string kind, string id, string? party, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var visible = await needToKnow.VisibleByIdAsync(caller, party, p => ground.GetAsync(kind, p, id, ct),
            () => ground.FindByIdAsync(kind, id, ct), o => o.EndedAt is null ? new ObjectRef(kind, o.Party, o.Id) : null, ct).ConfigureAwait(false);
        return visible.Count == 1 ? visible[0] : null;
    }

    /// <summary>Parties an owner's ground objects are disclosed to: active agreements with full sharing towards them.</summary>
    public async Task<IReadOnlyList<string>> NotifiedPartiesAsync(string owner, CancellationToken ct)
    {
        var agreements = await store.ListAgreementsAsync(owner, ct).ConfigureAwait(false);
        return agreements
            .Select(a => a.Proposer == owner ? a.Counterparty : a.Proposer)
            .Where(other => other != owner && book.SharingOf(owner, other) == Sharing.Full)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public Task<GroundOutcome> PutSiteAsync(CallerParty caller, HumanitarianSite site, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(site);
        return PutAsync(caller, GroundStore.Site, site.Id, site.Category, GroundGeoJson.Write(site), site.ValidFrom, site.ValidTo, ct);
    }

    public Task<GroundOutcome> PutMovementAsync(CallerParty caller, GroundMovement movement, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(movement);
        return PutAsync(caller, GroundStore.Movement, movement.Id, movement.Category, GroundGeoJson.Write(movement), movement.ValidFrom, movement.ValidTo, ct);
    }

    public Task<GroundOutcome> PutZoneAsync(CallerParty caller, OperationsZone zone, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return PutAsync(caller, GroundStore.Zone, zone.Id, null, GroundGeoJson.Write(zone), zone.ValidFrom, zone.ValidTo, ct);
    }

    /// <summary>Withdraws a site, movement or zone (the organisation leaves the list for it); its fire-area conflicts clear.</summary>
    public Task<GroundOutcome> WithdrawAsync(CallerParty caller, string kind, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return store.WriteAsync(async w =>
        {
            // Only the owner withdraws, and a caller names only its own objects: another party's id is absent.
            var existing = caller.PartyId is { } own ? await GroundStore.GetAsync(w, kind, own, id).ConfigureAwait(false) : null;
            if (existing is null || existing.EndedAt is not null)
            {
                return new GroundOutcome(GroundOutcomeKind.NotFound);
            }
            var ended = existing with { Version = existing.Version + 1, UpdatedAt = w.Now, EndedAt = w.Now };
            await GroundStore.UpsertAsync(w, ended).ConfigureAwait(false);
            if (kind != GroundStore.Zone)
            {
                await GroundConflicts.ReconcileObjectAsync(w, new ObjectRef(kind, existing.Party, id), [], book).ConfigureAwait(false);
            }
            await w.AppendEventAsync(kind, id, existing.Party, [], HubJson.Serialize(Summary(ended, "withdrawn"))).ConfigureAwait(false);
            var notified = await NotifiedPartiesAsync(existing.Party, ct).ConfigureAwait(false);
            var receipt = await w.AppendAuditAsync(existing.Party, kind + ".withdraw", kind, id, [existing.Party, .. notified],
                HubJson.Serialize(new { id, version = ended.Version })).ConfigureAwait(false);
            return new GroundOutcome(GroundOutcomeKind.Ended, Receipt: receipt);
        }, ct);
    }

    /// <summary>Records that the caller received the current version of a site's notification.</summary>
    public Task<GroundOutcome> AcknowledgeAsync(CallerParty caller, string siteId, string? siteParty, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return store.WriteAsync(async w =>
        {
            var site = await ResolveAsync(caller, GroundStore.Site, siteId, siteParty, ct).ConfigureAwait(false);
            if (site is null)
            {
                return new GroundOutcome(GroundOutcomeKind.NotFound);
            }
            if (site.Party == caller.PartyId)
            {
                return new GroundOutcome(GroundOutcomeKind.Conflict, Detail: "The notifying organisation does not acknowledge its own site.", Field: "id");
            }
            var ack = new SiteAckRecord(site.Party, siteId, caller.PartyId!, site.Version, w.Now, "");
            if (!await GroundStore.InsertAckAsync(w, ack).ConfigureAwait(false))
            {
                var earlier = (await ground.AcksAsync(site.Party, siteId, ct).ConfigureAwait(false)).First(a => a.PartyId == caller.PartyId && a.Version == site.Version);
                return new GroundOutcome(GroundOutcomeKind.Changed, new SiteAckView(siteId, earlier.PartyId, earlier.Version, earlier.AckedAt, true), earlier.Receipt);
            }
            var receipt = await w.AppendAuditAsync(caller.PartyId!, "site.ack", GroundStore.Site, siteId, [caller.PartyId!, site.Party],
                HubJson.Serialize(new { site_id = siteId, version = site.Version, party = caller.PartyId })).ConfigureAwait(false);
            await GroundStore.SetAckReceiptAsync(w, ack with { Receipt = receipt }).ConfigureAwait(false);
            await w.AppendEventAsync(GroundStore.Site, siteId, site.Party, [caller.PartyId!, site.Party],
                HubJson.Serialize(new { id = siteId, version = site.Version, status = "acknowledged", acknowledged_by = caller.PartyId })).ConfigureAwait(false);
            return new GroundOutcome(GroundOutcomeKind.Changed, new SiteAckView(siteId, caller.PartyId!, site.Version, w.Now, true), receipt);
        }, ct);
    }

    /// <summary>
    /// Records in the audit log that <paramref name="viewer"/> was shown other parties' ground objects (their ids
    /// and versions, one entry per owner); returns the last receipt, or null when nothing of others was shown.
    /// </summary>
    public async Task<string?> RecordDisclosureAsync(string viewer, IReadOnlyList<GroundObjectRecord> shown, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shown);
        var byOwner = shown.Where(o => o.Party != viewer).GroupBy(o => o.Party, StringComparer.Ordinal).ToList();
        if (byOwner.Count == 0)
        {
            return null;
        }
        return await store.WriteAsync(async w =>
        {
            string? receipt = null;
            foreach (var g in byOwner)
            {
                receipt = await w.AppendAuditAsync(viewer, "ground.disclose", g.First().Kind, g.First().Id, [viewer, g.Key],
                    HubJson.Serialize(new { viewer, owner = g.Key, objects = g.Select(o => new { kind = o.Kind, id = o.Id, version = o.Version }).ToList() })).ConfigureAwait(false);
            }
            return receipt;
        }, ct).ConfigureAwait(false);
    }

    /// <summary>Fire-area intents that are live, read from the intents table.</summary>
    public async Task<IReadOnlyList<OperationalIntent>> FireIntentsAsync(CancellationToken ct)
    {
        var list = new List<OperationalIntent>();
        foreach (var (intentId, party) in await ground.FireIntentsAsync(ct).ConfigureAwait(false))
        {
            if (await store.GetIntentAsync(party, intentId, ct).ConfigureAwait(false) is { } r && r.State != nameof(IntentState.Ended))
            {
                list.Add(IntentDesk.FromRecord(r));
            }
        }
        return list;
    }

    public static object Summary(GroundObjectRecord o, string status) =>
        new { id = o.Id, kind = o.Kind, party = o.Party, version = o.Version, category = o.Category, valid_from = o.ValidFrom, valid_to = o.ValidTo, status };

    private Task<GroundOutcome> PutAsync(CallerParty caller, string kind, string id, string? category, string geojson,
        DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return store.WriteAsync(async w =>
        {
            var existing = await GroundStore.GetAsync(w, kind, caller.PartyId!, id).ConfigureAwait(false);
            var live = existing is not null && existing.EndedAt is null;
            var unchanged = live && existing!.GeoJson == geojson;
            var record = new GroundObjectRecord(kind, id, caller.PartyId!, unchanged ? existing!.Version : (existing?.Version ?? 0) + 1,
                category, geojson, from, to, unchanged ? existing!.UpdatedAt : w.Now, null);
            if (!unchanged)
            {
                await GroundStore.UpsertAsync(w, record).ConfigureAwait(false);
            }
            var notified = kind == GroundStore.Zone ? [] : await NotifiedPartiesAsync(caller.PartyId!, ct).ConfigureAwait(false);
            IReadOnlyList<GroundConflictRef> conflicts = [];
            if (kind != GroundStore.Zone)
            {
                conflicts = await ReconcileAgainstFireAreasAsync(w, kind, record, ct).ConfigureAwait(false);
            }
            var action = unchanged ? kind + ".confirm" : live ? kind + ".renotify" : kind + ".notify";
            if (!unchanged)
            {
                await w.AppendEventAsync(kind, id, record.Party, [], HubJson.Serialize(Summary(record, live ? "changed" : "notified"))).ConfigureAwait(false);
            }
            var receipt = await w.AppendAuditAsync(record.Party, action, kind, id, [record.Party, .. notified],
                HubJson.Serialize(new { version = record.Version, notified, feature = System.Text.Json.JsonDocument.Parse(geojson).RootElement })).ConfigureAwait(false);
            var written = new GroundWritten(id, kind, record.Party, record.Version, notified, conflicts);
            return new GroundOutcome(live ? GroundOutcomeKind.Changed : GroundOutcomeKind.Created, written, receipt);
        }, ct);
    }

    private async Task<IReadOnlyList<GroundConflictRef>> ReconcileAgainstFireAreasAsync(IHubWriter w, string kind, GroundObjectRecord record, CancellationToken ct)
    {
        var sites = kind == GroundStore.Site ? [GroundGeoJson.ReadSite(record.GeoJson, record.Id, record.Party, trusted: true)] : Array.Empty<HumanitarianSite>();
        var movements = kind == GroundStore.Movement ? [GroundGeoJson.ReadMovement(record.GeoJson, record.Id, record.Party, trusted: true)] : Array.Empty<GroundMovement>();
        var reaching = new List<(OperationalIntent, GroundHit)>();
        foreach (var intent in await FireIntentsAsync(ct).ConfigureAwait(false))
        {
            foreach (var hit in GroundProximity.FireAreaHits(intent, sites, movements))
            {
                reaching.Add((intent, hit));
            }
        }
        return await GroundConflicts.ReconcileObjectAsync(w, new ObjectRef(kind, record.Party, record.Id), reaching, book).ConfigureAwait(false);

    }
}
