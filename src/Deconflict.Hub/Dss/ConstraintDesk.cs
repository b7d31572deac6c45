using System.Text.Json;
using System.Text.Json.Nodes;
using Deconflict.Hub.Storage;
using Microsoft.Extensions.Options;

namespace Deconflict.Hub.Dss;

/// <summary>
/// Constraint references through the DSS: created, updated (with the current OVN) and deleted by their manager, found
/// by area; each change names the subscribers that asked for constraints. Constraints stay in the DSS: the hub's
/// strategic check is about intents.
/// </summary>
public sealed class ConstraintDesk(IHubStore store, DssState state, IOptions<F3548Options> options)
{
    public Task<DssReply> PutAsync(DssCaller caller, string entityId, string? ovn, JsonElement body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var id = DssIds.Check(entityId, "entityid");
        var extents = DssJsonRead.Volumes(body, "extents", "extents", options.Value.MaxRadiusM);
        for (var i = 0; i < extents.Count; i++)
        {
            if (extents[i].TimeStart is null || extents[i].TimeEnd is null)
            {
                throw new DssInputException($"extents[{i}].{(extents[i].TimeStart is null ? "time_start" : "time_end")}", "is required for a constraint");
            }
        }
        var url = DssJsonRead.BaseUrl(body, "uss_base_url", "uss_base_url");
        return store.WriteAsync(async w =>
        {
            for (var i = 0; i < extents.Count; i++)
            {
                if (extents[i].TimeEnd <= w.Now)
                {
                    return DssReply.BadRequest($"extents[{i}].time_end: {extents[i].TimeEnd:O} is in the past.");
                }
            }
            state.Constraints.TryGetValue(id, out var existing);
            if (ovn is null && existing is not null)
            {
                return DssReply.Conflict($"Constraint reference {id} already exists.");
            }
            if (ovn is not null && Precondition(caller, id, ovn, existing) is { } refused)
            {
                return refused;
            }
            var next = new DssConstraint(id, caller.Subject, caller.PartyId, (existing?.Version ?? 0) + 1, DssIds.NewOvn(), url, extents, w.Now);
            await DssStore.UpsertAsync(w, next).ConfigureAwait(false);
            w.AfterCommit(() => state.Constraints[id] = next);
            var subscribers = await DssSubscribers.NotifyAsync(w, state, existing is null ? extents : [.. existing.Extents, .. extents], operationalIntents: false).ConfigureAwait(false);
            var reference = DssViews.Reference(next, caller.Subject, state);
            await w.AppendAuditAsync(caller.PartyId, existing is null ? "dss.constraint.create" : "dss.constraint.update", "dss_constraint", id, [caller.PartyId],
                new JsonObject { ["reference"] = reference.DeepClone(), ["extents"] = JsonNode.Parse(DssWire.Extents(extents)) }.ToJsonString()).ConfigureAwait(false);
            var reply = new JsonObject { ["subscribers"] = subscribers, ["constraint_reference"] = reference };
            return existing is null ? DssReply.Created(reply) : DssReply.Ok(reply);
        }, ct);
    }

    public Task<DssReply> DeleteAsync(DssCaller caller, string entityId, string ovn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var id = DssIds.Check(entityId, "entityid");
        return store.WriteAsync(async w =>
        {
            state.Constraints.TryGetValue(id, out var existing);
            if (Precondition(caller, id, ovn, existing) is { } refused)
            {
                return refused;
            }
            await DssStore.DeleteAsync(w, "dss_constraints", id).ConfigureAwait(false);
            w.AfterCommit(() => state.Constraints.TryRemove(id, out _));
            var subscribers = await DssSubscribers.NotifyAsync(w, state, existing!.Extents, operationalIntents: false).ConfigureAwait(false);
            var reference = DssViews.Reference(existing, caller.Subject, state);
            await w.AppendAuditAsync(caller.PartyId, "dss.constraint.delete", "dss_constraint", id, [caller.PartyId], reference.ToJsonString()).ConfigureAwait(false);
            return DssReply.Ok(new JsonObject { ["subscribers"] = subscribers, ["constraint_reference"] = reference });
        }, ct);
    }

    public DssReply Get(DssCaller caller, string entityId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var id = DssIds.Check(entityId, "entityid");
        return state.Constraints.TryGetValue(id, out var c)
            ? DssReply.Ok(new JsonObject { ["constraint_reference"] = DssViews.Reference(c, caller.Subject, state) })
            : DssReply.NotFound($"Constraint reference {id} was not found.");
    }

    public DssReply Query(DssCaller caller, JsonElement body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var area = DssJsonRead.Volume4D(DssJsonRead.Object(body, "area_of_interest", "area_of_interest"), "area_of_interest", options.Value.MaxRadiusM);
        return DssReply.Ok(new JsonObject
        {
            ["constraint_references"] = DssViews.Array(state.ConstraintsIn([area], now).Select(c => DssViews.Reference(c, caller.Subject, state))),
        });
    }

    private static DssReply? Precondition(DssCaller caller, string id, string ovn, DssConstraint? existing) =>
        existing is null ? DssReply.NotFound($"Constraint reference {id} was not found.")
        : existing.Manager != caller.Subject ? DssReply.Forbidden($"Constraint reference {id} is managed by another USS.")
        : existing.Ovn != ovn ? DssReply.Conflict($"ovn '{ovn}' is not the current OVN of constraint reference {id}.")
        : null;
}
