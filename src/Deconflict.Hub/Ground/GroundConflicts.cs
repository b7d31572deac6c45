using Deconflict.Core.Ground;
using Deconflict.Core.Strategic;
using Deconflict.Hub.Access;
using Deconflict.Hub.Agreements;
using Deconflict.Hub.Conflicts;
using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Ground;

/// <summary>
/// Ground conflicts (kind <c>ground</c>) between a strike or a fire/strike-area intent and a notified site or
/// movement, each object named by (kind, party, id). Strike conflicts are opened once per (strike, object) and stay on
/// record; fire-area conflicts are kept in line with the current intent and objects: opened, refreshed or cleared.
/// Each change is an event to the parties involved and an audit entry, in the caller's transaction.
/// </summary>
public static class GroundConflicts
{
    public const string Kind = "ground";
    private const string StrikeKey = "ground-strike";
    private const string FireKey = "ground-fire";

    public static async Task<GroundConflictRef> OpenStrikeAsync(IHubWriter w, StrikeReport strike, GroundHit hit, AgreementBook book)
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
        var objects = new[] { new ObjectRef(ObjectRef.Strike, strike.Party, strike.Id), HitRef(hit) };
        var record = new ConflictRecord(ConflictChanges.NewId(), Kind, "open", "alert", Parties(strike.Party, hit.Party), objects,
            ObjectRef.KeyOf(StrikeKey, objects), w.Now, w.Now, null, detail);
        await ConflictChanges.SaveAsync(w, record, "conflict.open", book).ConfigureAwait(false);
        return new GroundConflictRef(record.Id, kind, hit.ObjectId, hit.Party, Math.Round(hit.DistanceM, 1));
    }

    /// <summary>Brings the fire-area conflicts of one intent in line with <paramref name="hits"/> (empty when the intent ended or is no longer a fire area).</summary>
    public static async Task<IReadOnlyList<GroundConflictRef>> ReconcileIntentAsync(IHubWriter w, string intentId, string party, IReadOnlyList<GroundHit> hits, AgreementBook book)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(hits);
        var intent = new ObjectRef(ObjectRef.Intent, party, intentId);
        var wanted = new Dictionary<ObjectRef, GroundHit>();
        foreach (var h in hits)
        {
            wanted.TryAdd(HitRef(h), h);
        }
        var refs = new List<GroundConflictRef>();
        foreach (var open in await w.OpenConflictsWithObjectAsync(Kind, intent).ConfigureAwait(false))
        {
            if (!IsFire(open, intent, out var other))
            {
                continue;
            }
            if (wanted.Remove(other, out var still))
            {
                refs.Add(new GroundConflictRef(open.Id, KindName(still.Kind), still.ObjectId, still.Party, null));
            }
            else
            {
                await ConflictChanges.ClearAsync(w, open, book).ConfigureAwait(false);
            }
        }
        foreach (var hit in wanted.Values)
        {
            refs.Add(await OpenFireAsync(w, intentId, party, hit, book).ConfigureAwait(false));
        }
        return refs;
    }

    /// <summary>Brings the fire-area conflicts of one site or movement in line with the fire-area intents that reach it now.</summary>
    public static async Task<IReadOnlyList<GroundConflictRef>> ReconcileObjectAsync(IHubWriter w, ObjectRef obj, IReadOnlyList<(OperationalIntent Intent, GroundHit Hit)> reaching, AgreementBook book)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(reaching);
        var wanted = new Dictionary<ObjectRef, (OperationalIntent Intent, GroundHit Hit)>();
        foreach (var r in reaching)
        {
            wanted.TryAdd(new ObjectRef(ObjectRef.Intent, r.Intent.Party, r.Intent.Id), r);
        }
        var refs = new List<GroundConflictRef>();
        foreach (var open in await w.OpenConflictsWithObjectAsync(Kind, obj).ConfigureAwait(false))
        {
            var intent = open.Objects[0];
            if (!IsFire(open, intent, out var other) || other != obj)
            {
                continue;
            }
            if (wanted.Remove(intent, out var still))
            {
                refs.Add(new GroundConflictRef(open.Id, "intent", intent.Id, intent.Party, null));
            }
            else
            {
                await ConflictChanges.ClearAsync(w, open, book).ConfigureAwait(false);
            }
        }
        foreach (var (intent, hit) in wanted.Values)
        {
            var opened = await OpenFireAsync(w, intent.Id, intent.Party, hit, book).ConfigureAwait(false);
            refs.Add(opened with { ObjectKind = "intent", ObjectId = intent.Id, Party = intent.Party });
        }
        return refs;
    }

    /// <summary>The pair key of a ground conflict from a strike (<c>strike</c>) or a fire area (<c>fire_area</c>): (source object, site or movement).</summary>
    public static string PairKey(string source, ObjectRef from, ObjectRef obj) => ObjectRef.KeyOf(source == "strike" ? StrikeKey : FireKey, from, obj);

    public static string KindName(GroundObjectKind kind) => kind == GroundObjectKind.Site ? GroundStore.Site : GroundStore.Movement;

    private static ObjectRef HitRef(GroundHit hit) => new(KindName(hit.Kind), hit.Party, hit.ObjectId);

    /// <summary>A fire-area conflict is (intent, object) in that order under the fire key; <paramref name="other"/> is the object.</summary>
    private static bool IsFire(ConflictRecord c, ObjectRef intent, out ObjectRef other)
    {
        other = c.Objects.Count == 2 ? c.Objects[1] : intent;
        return c.Objects.Count == 2 && c.Objects[0] == intent && c.PairKey == ObjectRef.KeyOf(FireKey, intent, other);
    }

    private static async Task<GroundConflictRef> OpenFireAsync(IHubWriter w, string intentId, string party, GroundHit hit, AgreementBook book)
    {
        var kind = KindName(hit.Kind);
        var detail = HubJson.Serialize(new { source = "fire_area", intent_id = intentId, object_kind = kind, object_id = hit.ObjectId });
        var objects = new[] { new ObjectRef(ObjectRef.Intent, party, intentId), HitRef(hit) };
        var record = new ConflictRecord(ConflictChanges.NewId(), Kind, "open", "warning", Parties(party, hit.Party), objects,
            ObjectRef.KeyOf(FireKey, objects), w.Now, w.Now, null, detail);
        await ConflictChanges.SaveAsync(w, record, "conflict.open", book).ConfigureAwait(false);
        return new GroundConflictRef(record.Id, kind, hit.ObjectId, hit.Party, null);
    }

    private static IReadOnlyList<string> Parties(string a, string b) => a == b ? [a] : [a, b];
}
