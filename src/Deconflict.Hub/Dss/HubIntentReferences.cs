using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Deconflict.Core.Strategic;
using Deconflict.Core.Utm;
using Deconflict.Hub.Access;
using Deconflict.Hub.Intents;
using Deconflict.Hub.Storage;
using Microsoft.Extensions.Options;

namespace Deconflict.Hub.Dss;

/// <summary>
/// The hub's own intents (those of parties that do not speak F3548) as a USS sees them through the DSS: operational
/// intent references managed by the hub, which the USS must key like any other, with details served at
/// <c>/uss/v1/operational_intents/{id}</c>. Only intents the USS's party may see under need-to-know appear at all
/// (<c>full</c>, or <c>conflicts_only</c> once in an open conflict with it); the others still block the USS's intent in
/// the hub's strategic check, which then answers 409 without naming what it may not describe.
/// Ids are name-based UUIDs of the hub intents' (party, id) (F3548 ids are UUIDv4), OVNs a digest of id, version and time.
/// </summary>
public sealed class HubIntentReferences(IHubStore store, DssState state, NeedToKnow needToKnow, IOptions<F3548Options> options)
{
    public const string ManagerPrefix = "deconflict-hub/";

    public sealed record HubReference(string EntityId, string Ovn, OperationalIntent Intent, IReadOnlyList<UtmVolume> Volumes);

    /// <summary>Live hub intents visible to <paramref name="party"/> whose volumes meet <paramref name="area"/>.</summary>
    public async Task<IReadOnlyList<HubReference>> InAsync(IReadOnlyList<UtmVolume> area, string party, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(area);
        var from = area.All(a => a.TimeStart is not null) ? area.Min(a => a.TimeStart) : null;
        var to = area.All(a => a.TimeEnd is not null) ? area.Max(a => a.TimeEnd) : null;
        if (from is null || from < now)
        {
            from = now;
        }
        var records = await store.ListIntentsAsync(new IntentQuery(null, null, null, null, from, to), ct).ConfigureAwait(false);
        return await VisibleAsync(records, party, r => UtmOverlap.Intersects(Volumes(IntentDesk.FromRecord(r)), area), ct).ConfigureAwait(false);
    }

    /// <summary>The hub intent behind an entity id, when <paramref name="party"/> may see it.</summary>
    public async Task<HubReference?> FindAsync(string entityId, string party, CancellationToken ct)
    {
        var records = await store.ListIntentsAsync(new IntentQuery(null, null, null, null, null, null), ct).ConfigureAwait(false);
        return (await VisibleAsync(records, party, r => EntityIdOf(r.Party, r.Id) == entityId, ct).ConfigureAwait(false)).FirstOrDefault();
    }

    public JsonObject Reference(HubReference h, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(h);
        return new JsonObject
        {
            ["id"] = h.EntityId,
            ["manager"] = ManagerPrefix + h.Intent.Party,
            ["uss_availability"] = "Normal",
            ["version"] = h.Intent.Version,
            ["state"] = h.Intent.State.ToString(),
            ["time_start"] = DssWire.Time(h.Volumes.Min(v => v.TimeStart!.Value)),
            ["time_end"] = DssWire.Time(h.Volumes.Max(v => v.TimeEnd!.Value)),
            ["uss_base_url"] = options.Value.BaseUrl?.TrimEnd('/') ?? baseUrl,
            ["subscription_id"] = DssViews.NoSubscription,
        };
    }

    /// <summary>F3548 details: the intent's volumes (nominal or off-nominal by state) and its priority.</summary>
    public JsonObject Details(HubReference h, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(h);
        var reference = Reference(h, baseUrl);
        reference["ovn"] = h.Ovn;
        var volumes = DssViews.Array(DssWire.Volumes4D(h.Volumes));
        var offNominal = h.Intent.State is IntentState.Nonconforming or IntentState.Contingent;
        return new JsonObject
        {
            ["reference"] = reference,
            ["details"] = new JsonObject
            {
                ["volumes"] = h.Intent.State == IntentState.Contingent ? new JsonArray() : volumes,
                ["off_nominal_volumes"] = offNominal ? DssViews.Array(DssWire.Volumes4D(h.Volumes)) : new JsonArray(),
                ["priority"] = h.Intent.Priority,
            },
        };
    }

    /// <summary>The F3548 entity id of the hub intent (<paramref name="party"/>, <paramref name="hubIntentId"/>).</summary>
    public static string EntityIdOf(string party, string hubIntentId)
    {
        ArgumentNullException.ThrowIfNull(party);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(ObjectRef.KeyOf("deconflict-hub-intent", new ObjectRef(ObjectRef.Intent, party, hubIntentId))))[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }

    public static IReadOnlyList<UtmVolume> Volumes(OperationalIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return [.. intent.Volumes.Select(v => new UtmVolume(v.Shape, v.AltLowerFt / UtmVolume.FeetPerMetre, v.AltUpperFt / UtmVolume.FeetPerMetre, v.TimeStart, v.TimeEnd))];
    }

    private async Task<IReadOnlyList<HubReference>> VisibleAsync(IReadOnlyList<IntentRecord> records, string party, Func<IntentRecord, bool> wanted, CancellationToken ct)
    {
        var conflicts = await needToKnow.ConflictObjectsAsync(party, ct).ConfigureAwait(false);
        var list = new List<HubReference>();
        foreach (var r in records)
        {
            if (state.IsUssParty(r.Party) || !needToKnow.CanSee(party, new ObjectRef(ObjectRef.Intent, r.Party, r.Id), conflicts) || !wanted(r))
            {
                continue;
            }
            list.Add(Describe(r));
        }
        return list;
    }

    /// <summary>The reference of a hub intent, whoever may see it (callers decide visibility).</summary>
    public static HubReference Describe(IntentRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var intent = IntentDesk.FromRecord(r);
        var ovn = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes($"{ObjectRef.KeyOf("ovn", new ObjectRef(ObjectRef.Intent, r.Party, r.Id))}|{r.Version}|{r.UpdatedAt.ToUnixTimeMilliseconds()}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_')[..32];
        return new HubReference(EntityIdOf(r.Party, r.Id), ovn, intent, Volumes(intent));
    }

    /// <summary>Whether the subscriber's party may see a hub intent.</summary>
    public async Task<bool> VisibleToAsync(IntentRecord r, string party, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(r);
        return needToKnow.CanSee(party, new ObjectRef(ObjectRef.Intent, r.Party, r.Id), await needToKnow.ConflictObjectsAsync(party, ct).ConfigureAwait(false));
    }
}
