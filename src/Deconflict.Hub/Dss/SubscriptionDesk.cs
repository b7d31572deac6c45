using System.Text.Json;
using System.Text.Json.Nodes;
using Deconflict.Core.Utm;
using Deconflict.Hub.Storage;
using Microsoft.Extensions.Options;

namespace Deconflict.Hub.Dss;

/// <summary>
/// Subscriptions through the DSS: one Volume4D (start defaults to now, end to start plus the longest duration; the
/// end may not be past, nor the span longer), at least one kind of notification (each needing its scope), managed by
/// their USS with a version that changes on every update; one an operational intent depends on keeps covering it.
/// </summary>
public sealed class SubscriptionDesk(IHubStore store, DssState state, HubIntentReferences hubReferences, IOptions<F3548Options> options)
{
    public Task<DssReply> PutAsync(DssCaller caller, string subscriptionId, string? version, JsonElement body, string selfUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var id = DssIds.Check(subscriptionId, "subscriptionid");
        var extent = DssJsonRead.Volume4D(DssJsonRead.Object(body, "extents", "extents"), "extents", options.Value.MaxRadiusM);
        var url = DssJsonRead.BaseUrl(body, "uss_base_url", "uss_base_url");
        var forIntents = DssJsonRead.Bool(body, "notify_for_operational_intents", "notify_for_operational_intents");
        var forConstraints = DssJsonRead.Bool(body, "notify_for_constraints", "notify_for_constraints");
        if (!forIntents && !forConstraints)
        {
            throw new DssInputException("notify_for_operational_intents", "or notify_for_constraints must be true");
        }
        if (forIntents && !caller.Has(DssScopes.StrategicCoordination))
        {
            return Task.FromResult(DssReply.Forbidden($"notify_for_operational_intents needs the {DssScopes.StrategicCoordination} scope."));
        }
        if (forConstraints && !caller.Has(DssScopes.ConstraintProcessing))
        {
            return Task.FromResult(DssReply.Forbidden($"notify_for_constraints needs the {DssScopes.ConstraintProcessing} scope."));
        }
        return store.WriteAsync(async w =>
        {
            var max = options.Value.MaxSubscriptionDuration;
            var start = extent.TimeStart ?? w.Now;
            var end = extent.TimeEnd ?? start + max;
            if (end <= w.Now)
            {
                return DssReply.BadRequest($"extents.time_end: {end:O} is in the past.");
            }
            if (start >= end)
            {
                return DssReply.BadRequest("extents.time_start: must be before time_end.");
            }
            if (end - start > max)
            {
                return DssReply.BadRequest($"extents: a subscription may last at most {max.TotalHours:0.#} hours.");
            }
            var timed = extent with { TimeStart = start, TimeEnd = end };
            state.Subscriptions.TryGetValue(id, out var existing);
            if (version is null && existing is not null)
            {
                return DssReply.Conflict($"Subscription {id} already exists.");
            }
            if (version is not null && Precondition(caller, id, version, existing) is { } refused)
            {
                return refused;
            }
            var dependents = state.DependentsOf(id);
            if (dependents.Count > 0)
            {
                if (!forIntents)
                {
                    return DssReply.BadRequest($"notify_for_operational_intents: operational intents {string.Join(", ", dependents)} depend on this subscription.");
                }
                var uncovered = dependents.Where(d => !UtmBounds.CoversInTime(timed, state.OperationalIntents[d].Extents)).ToList();
                if (uncovered.Count > 0)
                {
                    return DssReply.BadRequest($"extents: the subscription would no longer cover operational intents {string.Join(", ", uncovered)}.");
                }
            }
            var next = new DssSubscription(id, caller.Subject, DssIds.NewVersion(), existing?.NotificationIndex ?? 0, url, forIntents, forConstraints,
                existing?.Implicit ?? false, timed, w.Now);
            await DssStore.UpsertAsync(w, next).ConfigureAwait(false);
            w.AfterCommit(() => state.Subscriptions[id] = next);
            var view = DssViews.Subscription(next, dependents);
            await w.AppendAuditAsync(caller.PartyId, existing is null ? "dss.subscription.create" : "dss.subscription.update", "dss_subscription", id, [caller.PartyId],
                view.ToJsonString()).ConfigureAwait(false);
            var reply = new JsonObject { ["subscription"] = view };
            if (forIntents)
            {
                var refs = state.IntentsIn([timed], w.Now).Select(o => DssViews.Reference(o, caller.Subject, state)).ToList();
                refs.AddRange((await hubReferences.InAsync([timed], caller.PartyId, w.Now, ct).ConfigureAwait(false)).Select(h => hubReferences.Reference(h, selfUrl)));
                reply["operational_intent_references"] = DssViews.Array(refs);
            }
            if (forConstraints)
            {
                reply["constraint_references"] = DssViews.Array(state.ConstraintsIn([timed], w.Now).Select(c => DssViews.Reference(c, caller.Subject, state)));
            }
            return DssReply.Ok(reply);
        }, ct);
    }

    public Task<DssReply> DeleteAsync(DssCaller caller, string subscriptionId, string version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var id = DssIds.Check(subscriptionId, "subscriptionid");
        return store.WriteAsync(async w =>
        {
            state.Subscriptions.TryGetValue(id, out var existing);
            if (Precondition(caller, id, version, existing) is { } refused)
            {
                return refused;
            }
            var dependents = state.DependentsOf(id);
            if (dependents.Count > 0)
            {
                return DssReply.BadRequest($"subscriptionid: operational intents {string.Join(", ", dependents)} depend on this subscription.");
            }
            await DssStore.DeleteAsync(w, "dss_subscriptions", id).ConfigureAwait(false);
            w.AfterCommit(() => state.Subscriptions.TryRemove(id, out _));
            var view = DssViews.Subscription(existing!, dependents);
            await w.AppendAuditAsync(caller.PartyId, "dss.subscription.delete", "dss_subscription", id, [caller.PartyId], view.ToJsonString()).ConfigureAwait(false);
            return DssReply.Ok(new JsonObject { ["subscription"] = view });
        }, ct);
    }

    public DssReply Get(DssCaller caller, string subscriptionId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var id = DssIds.Check(subscriptionId, "subscriptionid");
        if (!state.Subscriptions.TryGetValue(id, out var s))
        {
            return DssReply.NotFound($"Subscription {id} was not found.");
        }
        return s.Manager != caller.Subject
            ? DssReply.Forbidden($"Subscription {id} is managed by another USS.")
            : DssReply.Ok(new JsonObject { ["subscription"] = DssViews.Subscription(s, state.DependentsOf(id)) });
    }

    public DssReply Query(DssCaller caller, JsonElement body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var area = DssJsonRead.Volume4D(DssJsonRead.Object(body, "area_of_interest", "area_of_interest"), "area_of_interest", options.Value.MaxRadiusM);
        var mine = state.SubscriptionsIn([area], now).Where(s => s.Manager == caller.Subject).Select(s => DssViews.Subscription(s, state.DependentsOf(s.Id)));
        return DssReply.Ok(new JsonObject { ["subscriptions"] = DssViews.Array(mine) });
    }

    private static DssReply? Precondition(DssCaller caller, string id, string version, DssSubscription? existing) =>
        existing is null ? DssReply.NotFound($"Subscription {id} was not found.")
        : existing.Manager != caller.Subject ? DssReply.Conflict($"Subscription {id} is managed by another USS.")
        : existing.Version != version ? DssReply.Conflict($"version '{version}' is not the current version of subscription {id}.")
        : null;
}
