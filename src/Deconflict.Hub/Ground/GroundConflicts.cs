using Deconflict.Core.Ground;
using Deconflict.Core.Strategic;
using Deconflict.Hub.Conflicts;
using Deconflict.Hub.Intents;
using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Ground;

/// <summary>
/// Ground conflicts (kind <c>ground</c>) between a strike or a fire/strike-area intent and a notified site or
/// movement. Strike conflicts are opened once per (strike, object) and stay on record; fire-area conflicts are
/// kept in line with the current intent and objects: opened, refreshed or cleared. Each change is an event to the
/// parties involved and an audit entry, in the caller's transaction.
/// </summary>
public static class GroundConflicts
{
    public const string Kind = "ground";
    public const string StrikePrefix = "ground-strike:";
    public const string FirePrefix = "ground-fire:";

    public static async Task<GroundConflictRef> OpenStrikeAsync(IHubWriter w, StrikeReport strike, GroundHit hit)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(strike);
        ArgumentNullException.ThrowIfNull(hit);
        var kind = KindName(hit.Kind);
        var detail = HubJson.Serialize(new
        {
            source = "strike",
            strike_id = strike.Id,
            intent_id = strike.IntentId,
            t = strike.Time,
            object_kind = kind,
            object_id = hit.ObjectId,
            distance_m = Math.Round(hit.DistanceM, 1),
            strike_radius_m = strike.RadiusM,
        });
        var record = new ConflictRecord(ConflictChanges.NewId(), Kind, "open", "alert", Parties(strike.Party, hit.Party), [strike.Id, hit.ObjectId],
            StrikePrefix + strike.Id + "|" + hit.ObjectId, w.Now, w.Now, null, detail);
        await ConflictChanges.SaveAsync(w, record, "conflict.open").ConfigureAwait(false);
        return new GroundConflictRef(record.Id, kind, hit.ObjectId, hit.Party, Math.Round(hit.DistanceM, 1));
    }

    /// <summary>Brings the fire-area conflicts of one intent in line with <paramref name="hits"/> (empty when the intent ended or is no longer a fire area).</summary>
    public static async Task<IReadOnlyList<GroundConflictRef>> ReconcileIntentAsync(IHubWriter w, string intentId, string party, IReadOnlyList<GroundHit> hits)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(hits);
        var wanted = hits.ToDictionary(h => h.ObjectId, StringComparer.Ordinal);
        var refs = new List<GroundConflictRef>();
        foreach (var open in await w.OpenConflictsWithObjectAsync(Kind, intentId).ConfigureAwait(false))
        {
            if (!open.PairKey.StartsWith(FirePrefix + intentId + "|", StringComparison.Ordinal))
            {
                continue;
            }
            var other = open.PairKey[(FirePrefix.Length + intentId.Length + 1)..];
            if (wanted.Remove(other, out var still))
            {
                refs.Add(new GroundConflictRef(open.Id, KindName(still.Kind), still.ObjectId, still.Party, null));
            }
            else
            {
                await ConflictChanges.ClearAsync(w, open).ConfigureAwait(false);
            }
        }
        foreach (var hit in wanted.Values)
        {
            refs.Add(await OpenFireAsync(w, intentId, party, hit).ConfigureAwait(false));
        }
        return refs;
    }

    /// <summary>Brings the fire-area conflicts of one site or movement in line with the fire-area intents that reach it now.</summary>
    public static async Task<IReadOnlyList<GroundConflictRef>> ReconcileObjectAsync(IHubWriter w, string objectId, IReadOnlyList<(OperationalIntent Intent, GroundHit Hit)> reaching)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(reaching);
        var wanted = reaching.ToDictionary(r => r.Intent.Id, StringComparer.Ordinal);
        var refs = new List<GroundConflictRef>();
        foreach (var open in await w.OpenConflictsWithObjectAsync(Kind, objectId).ConfigureAwait(false))
        {
            if (!open.PairKey.StartsWith(FirePrefix, StringComparison.Ordinal) || !open.PairKey.EndsWith("|" + objectId, StringComparison.Ordinal))
            {
                continue;
            }
            var intentId = open.PairKey[FirePrefix.Length..^(objectId.Length + 1)];
            if (wanted.Remove(intentId, out var still))
            {
                refs.Add(new GroundConflictRef(open.Id, "intent", intentId, still.Intent.Party, null));
            }
            else
            {
                await ConflictChanges.ClearAsync(w, open).ConfigureAwait(false);
            }
        }
        foreach (var (intent, hit) in wanted.Values)
        {
            var opened = await OpenFireAsync(w, intent.Id, intent.Party, hit).ConfigureAwait(false);
            refs.Add(opened with { ObjectKind = "intent", ObjectId = intent.Id, Party = intent.Party });
        }
        return refs;
    }

    public static string KindName(GroundObjectKind kind) => kind == GroundObjectKind.Site ? GroundStore.Site : GroundStore.Movement;

    private static async Task<GroundConflictRef> OpenFireAsync(IHubWriter w, string intentId, string party, GroundHit hit)
    {
        var kind = KindName(hit.Kind);
        var detail = HubJson.Serialize(new { source = "fire_area", intent_id = intentId, object_kind = kind, object_id = hit.ObjectId });
        var record = new ConflictRecord(ConflictChanges.NewId(), Kind, "open", "warning", Parties(party, hit.Party), [intentId, hit.ObjectId],
            FirePrefix + intentId + "|" + hit.ObjectId, w.Now, w.Now, null, detail);
        await ConflictChanges.SaveAsync(w, record, "conflict.open").ConfigureAwait(false);
        return new GroundConflictRef(record.Id, kind, hit.ObjectId, hit.Party, null);
    }

    private static IReadOnlyList<string> Parties(string a, string b) => a == b ? [a] : [a, b];
}
