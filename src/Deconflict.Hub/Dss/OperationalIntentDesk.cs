using System.Text.Json;
using System.Text.Json.Nodes;
using Deconflict.Core.Strategic;
using Deconflict.Core.Utm;
using Deconflict.Hub.Auth;
using Deconflict.Hub.Intents;
using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;
using Microsoft.Extensions.Options;

namespace Deconflict.Hub.Dss;

/// <summary>
/// Operational intent references through the DSS, each one also the hub intent of the USS's party: ownership and OVN
/// preconditions, F3548 state rules (new ones Accepted; Nonconforming and Contingent only with the conformance
/// monitoring scope), time rules, the key (every other intersecting reference the USS may see, and constraints when
/// its subscription asks for them), implicit subscriptions, then the hub's strategic check against every other
/// party's intents, all in one write; the reply names the subscribers to notify.
/// </summary>
public sealed class OperationalIntentDesk(IHubStore store, DssState state, IntentDesk intents, HubIntentReferences hubReferences, IOptions<F3548Options> options)
{
    private static readonly string[] States = ["Accepted", "Activated", "Nonconforming", "Contingent"];

    private sealed record Request(IReadOnlyList<UtmVolume> Extents, string State, string UssBaseUrl, IReadOnlySet<string> Key,
        string? SubscriptionId, string? NewSubscriptionUrl, bool NewSubscriptionConstraints, bool WantsNewSubscription);

    public Task<DssReply> PutAsync(DssCaller caller, string entityId, string? ovn, JsonElement body, string selfUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var id = DssIds.Check(entityId, "entityid");
        var request = Read(body);
        var offNominal = request.State is "Nonconforming" or "Contingent";
        if (offNominal && !caller.Has(DssScopes.ConformanceMonitoring))
        {
            return Task.FromResult(DssReply.Forbidden($"state {request.State} needs the {DssScopes.ConformanceMonitoring} scope."));
        }
        if (!offNominal && !caller.Has(DssScopes.StrategicCoordination))
        {
            return Task.FromResult(DssReply.Forbidden($"state {request.State} needs the {DssScopes.StrategicCoordination} scope."));
        }
        if (request.NewSubscriptionConstraints && !caller.Has(DssScopes.ConstraintProcessing))
        {
            return Task.FromResult(DssReply.Forbidden($"new_subscription.notify_for_constraints needs the {DssScopes.ConstraintProcessing} scope."));
        }
        return store.WriteAsync(w => PutInAsync(w, caller, id, ovn, request, selfUrl, ct), ct);
    }

    public Task<DssReply> DeleteAsync(DssCaller caller, string entityId, string ovn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var id = DssIds.Check(entityId, "entityid");
        return store.WriteAsync(async w =>
        {
            if (!state.OperationalIntents.TryGetValue(id, out var existing))
            {
                return DssReply.NotFound($"Operational intent reference {id} was not found.");
            }
            if (existing.Manager != caller.Subject)
            {
                return DssReply.Forbidden($"Operational intent reference {id} is managed by another USS.");
            }
            if (existing.Ovn != ovn)
            {
                return DssReply.Conflict($"ovn '{ovn}' is not the current OVN of operational intent reference {id}.");
            }
            if (state.AvailabilityOf(caller.Subject) == "Down")
            {
                return DssReply.Error(StatusCodes.Status412PreconditionFailed, $"USS {caller.Subject} is marked Down and may not delete operational intents.");
            }
            await intents.ChangeStateInAsync(w, Party(caller), id, IntentState.Ended, null, ct).ConfigureAwait(false);
            var removed = new HashSet<string>(StringComparer.Ordinal);
            await DropImplicitAsync(w, existing.SubscriptionId, id, removed).ConfigureAwait(false);
            await DssStore.DeleteAsync(w, "dss_operational_intents", id).ConfigureAwait(false);
            w.AfterCommit(() => state.OperationalIntents.TryRemove(id, out _));
            var subscribers = await DssSubscribers.NotifyAsync(w, state, existing.Extents, operationalIntents: true, removed: removed).ConfigureAwait(false);
            var reference = DssViews.Reference(existing, caller.Subject, state);
            await w.AppendAuditAsync(caller.PartyId, "dss.oir.delete", "dss_operational_intent", id, [caller.PartyId], reference.ToJsonString()).ConfigureAwait(false);
            return DssReply.Ok(new JsonObject { ["subscribers"] = subscribers, ["operational_intent_reference"] = reference });
        }, ct);
    }

    public async Task<DssReply> GetAsync(DssCaller caller, string entityId, string selfUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var id = DssIds.Check(entityId, "entityid");
        if (state.OperationalIntents.TryGetValue(id, out var o))
        {
            return DssReply.Ok(new JsonObject { ["operational_intent_reference"] = DssViews.Reference(o, caller.Subject, state) });
        }
        if (await hubReferences.FindAsync(id, caller.PartyId, ct).ConfigureAwait(false) is { } h)
        {
            return DssReply.Ok(new JsonObject { ["operational_intent_reference"] = hubReferences.Reference(h, selfUrl) });
        }
        return DssReply.NotFound($"Operational intent reference {id} was not found.");
    }

    public async Task<DssReply> QueryAsync(DssCaller caller, JsonElement body, string selfUrl, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var area = DssJsonRead.Volume4D(DssJsonRead.Object(body, "area_of_interest", "area_of_interest"), "area_of_interest", options.Value.MaxRadiusM);
        var found = state.IntentsIn([area], now).Select(o => DssViews.Reference(o, caller.Subject, state)).ToList();
        found.AddRange((await hubReferences.InAsync([area], caller.PartyId, now, ct).ConfigureAwait(false)).Select(h => hubReferences.Reference(h, selfUrl)));
        return DssReply.Ok(new JsonObject { ["operational_intent_references"] = DssViews.Array(found) });
    }

    private async Task<DssReply> PutInAsync(IHubWriter w, DssCaller caller, string id, string? ovn, Request request, string selfUrl, CancellationToken ct)
    {
        var now = w.Now;
        for (var i = 0; i < request.Extents.Count; i++)
        {
            if (request.Extents[i].TimeEnd <= now)
            {
                return DssReply.BadRequest($"extents[{i}].time_end: {request.Extents[i].TimeEnd:O} is in the past.");
            }
        }
        state.OperationalIntents.TryGetValue(id, out var existing);
        if (ovn is null && existing is not null)
        {
            return DssReply.Conflict($"Operational intent reference {id} already exists; update it at /dss/v1/operational_intent_references/{id}/{{ovn}}.");
        }
        if (ovn is not null)
        {
            if (existing is null)
            {
                return DssReply.NotFound($"Operational intent reference {id} was not found.");
            }
            if (existing.Manager != caller.Subject)
            {
                return DssReply.Forbidden($"Operational intent reference {id} is managed by another USS.");
            }
            if (existing.Ovn != ovn)
            {
                return DssReply.Conflict($"ovn '{ovn}' is not the current OVN of operational intent reference {id}.");
            }
        }
        IntentState? from = existing is null ? null : Enum.Parse<IntentState>(existing.State);
        var to = Enum.Parse<IntentState>(request.State);
        if (!IntentTransitions.IsAllowed(from, to))
        {
            return DssReply.BadRequest(from is null
                ? $"state: a new operational intent must be Accepted, not {to}."
                : $"state: {from} → {to} is not an allowed transition.");
        }
        if (to is IntentState.Accepted or IntentState.Activated && state.AvailabilityOf(caller.Subject) == "Down")
        {
            return DssReply.Error(StatusCodes.Status412PreconditionFailed, $"USS {caller.Subject} is marked Down and may not plan or activate operational intents.");
        }

        // The subscription that keeps the USS informed: given, implicit (new or kept), or none while Accepted.
        var staged = new Dictionary<string, DssSubscription>(StringComparer.Ordinal);
        var removed = new HashSet<string>(StringComparer.Ordinal);
        string? subscriptionId;
        if (request.SubscriptionId is { } sid)
        {
            if (!state.Subscriptions.TryGetValue(sid, out var sub) || sub.TimeEnd <= now)
            {
                return DssReply.BadRequest($"subscription_id: subscription {sid} does not exist.");
            }
            if (sub.Manager != caller.Subject)
            {
                return DssReply.BadRequest($"subscription_id: subscription {sid} belongs to another USS.");
            }
            if (!sub.NotifyForOperationalIntents)
            {
                return DssReply.BadRequest($"subscription_id: subscription {sid} does not notify for operational intents.");
            }
            if (!UtmBounds.CoversInTime(sub.Extent, request.Extents))
            {
                if (!sub.Implicit)
                {
                    return DssReply.BadRequest($"subscription_id: subscription {sid} does not cover the operational intent's time span.");
                }
                staged[sid] = sub with { Extent = UtmBounds.Of([sub.Extent, .. request.Extents]), Version = DssIds.NewVersion(), UpdatedAt = now };
            }
            subscriptionId = sid;
        }
        else if (request.WantsNewSubscription)
        {
            var exact = UtmBounds.Of(request.Extents);
            if (existing?.SubscriptionId is { } old && state.Subscriptions.TryGetValue(old, out var mine) && mine.Implicit
                && state.DependentsOf(old).All(d => d == id))
            {
                staged[old] = mine with
                {
                    Extent = exact,
                    UssBaseUrl = request.NewSubscriptionUrl!,
                    NotifyForConstraints = request.NewSubscriptionConstraints,
                    Version = DssIds.NewVersion(),
                    UpdatedAt = now,
                };
                subscriptionId = old;
            }
            else
            {
                subscriptionId = Guid.NewGuid().ToString();
                staged[subscriptionId] = new DssSubscription(subscriptionId, caller.Subject, DssIds.NewVersion(), 0, request.NewSubscriptionUrl!,
                    true, request.NewSubscriptionConstraints, true, exact, now);
            }
        }
        else
        {
            if (to != IntentState.Accepted)
            {
                return DssReply.BadRequest($"subscription_id: an operational intent in state {to} needs subscription_id or new_subscription.");
            }
            subscriptionId = null;
        }

        // The key: proof that the USS knows every relevant entity it may see.
        if (to is IntentState.Accepted or IntentState.Activated)
        {
            var missing = state.IntentsIn(request.Extents, now).Where(o => o.Id != id && !request.Key.Contains(o.Ovn))
                .Select(o => DssViews.Reference(o, caller.Subject, state)).ToList();
            missing.AddRange((await hubReferences.InAsync(request.Extents, caller.PartyId, now, ct).ConfigureAwait(false))
                .Where(h => !request.Key.Contains(h.Ovn)).Select(h => hubReferences.Reference(h, selfUrl)));
            var constraintsWanted = subscriptionId is not null
                && (staged.TryGetValue(subscriptionId, out var s) ? s : state.Subscriptions[subscriptionId]).NotifyForConstraints;
            var missingConstraints = constraintsWanted
                ? state.ConstraintsIn(request.Extents, now).Where(c => !request.Key.Contains(c.Ovn)).Select(c => DssViews.Reference(c, caller.Subject, state)).ToList()
                : [];
            if (missing.Count > 0 || missingConstraints.Count > 0)
            {
                return DssReply.AirspaceConflict(
                    $"The key misses the OVNs of {missing.Count} operational intent(s) and {missingConstraints.Count} constraint(s).", missing, missingConstraints);
            }
        }

        // The hub's strategic check against every other party; USSs deconflict with each other by keys.
        var candidate = new OperationalIntent(id, caller.PartyId, to, options.Value.Priority, 0, [.. request.Extents.Select(e => e.ToVolume4D())]);
        var outcome = await intents.PutInAsync(w, Party(caller), candidate, "*", c => c.Blocking && !state.IsUssParty(c.Party2), ct).ConfigureAwait(false);
        switch (outcome.Kind)
        {
            case IntentOutcomeKind.Blocked:
                // Named only as far as their owners share with this USS's party (the hub's disclosure rule).
                var named = outcome.Blocking!.Where(b => b.IntentId is not null).Select(b => $"{b.Party}/{b.IntentId}").ToList();
                return DssReply.AirspaceConflict(
                    "The hub refuses the operational intent: it conflicts with higher-priority intent(s) of other parties"
                    + (named.Count > 0 ? $" ({string.Join(", ", named)})." : " that the hub may not describe."), [], []);
            case IntentOutcomeKind.Invalid:
                return DssReply.BadRequest($"{outcome.Field ?? "body"}: {outcome.Detail}");
            case IntentOutcomeKind.TooManyRequests:
                return DssReply.Error(StatusCodes.Status429TooManyRequests, outcome.Detail ?? "Too many requests.");
            case IntentOutcomeKind.Forbidden:
                return DssReply.Conflict($"The id {id} is taken by another party's intent in the hub.");
            case IntentOutcomeKind.IllegalTransition:
                return DssReply.BadRequest("state: " + outcome.Detail);
            case IntentOutcomeKind.Created or IntentOutcomeKind.Changed:
                break;
            default:
                return DssReply.Conflict("The hub could not store the operational intent: " + (outcome.Detail ?? outcome.Kind.ToString()));
        }

        if (existing?.SubscriptionId is { } previous && previous != subscriptionId)
        {
            await DropImplicitAsync(w, previous, id, removed).ConfigureAwait(false);
        }
        foreach (var sub in staged.Values)
        {
            await DssStore.UpsertAsync(w, sub).ConfigureAwait(false);
            w.AfterCommit(() => state.Subscriptions[sub.Id] = sub);
        }
        var next = new DssOperationalIntent(id, caller.Subject, caller.PartyId, request.State, (existing?.Version ?? 0) + 1, DssIds.NewOvn(),
            request.UssBaseUrl, subscriptionId, request.Extents, now);
        await DssStore.UpsertAsync(w, next).ConfigureAwait(false);
        w.AfterCommit(() => state.OperationalIntents[id] = next);
        IReadOnlyList<UtmVolume> touched = existing is null ? request.Extents : [.. existing.Extents, .. request.Extents];
        var subscribers = await DssSubscribers.NotifyAsync(w, state, touched, operationalIntents: true, staged, removed).ConfigureAwait(false);
        var reference = DssViews.Reference(next, caller.Subject, state);
        await w.AppendAuditAsync(caller.PartyId, existing is null ? "dss.oir.create" : "dss.oir.update", "dss_operational_intent", id, [caller.PartyId],
            HubJson.Serialize(new { reference = JsonSerializer.Deserialize<JsonElement>(reference.ToJsonString()), extents = JsonSerializer.Deserialize<JsonElement>(DssWire.Extents(request.Extents)) })).ConfigureAwait(false);
        var reply = new JsonObject { ["subscribers"] = subscribers, ["operational_intent_reference"] = reference };
        return existing is null ? DssReply.Created(reply) : DssReply.Ok(reply);
    }

    /// <summary>Deletes an implicit subscription once no other operational intent depends on it.</summary>
    private async Task DropImplicitAsync(IHubWriter w, string? subscriptionId, string leaving, HashSet<string> removed)
    {
        if (subscriptionId is null || !state.Subscriptions.TryGetValue(subscriptionId, out var sub) || !sub.Implicit
            || state.DependentsOf(subscriptionId).Any(d => d != leaving))
        {
            return;
        }
        await DssStore.DeleteAsync(w, "dss_subscriptions", subscriptionId).ConfigureAwait(false);
        removed.Add(subscriptionId);
        w.AfterCommit(() => state.Subscriptions.TryRemove(subscriptionId, out _));
    }

    private static CallerParty Party(DssCaller caller) => new(caller.PartyId, null, false);

    private Request Read(JsonElement body)
    {
        var extents = DssJsonRead.Volumes(body, "extents", "extents", options.Value.MaxRadiusM);
        for (var i = 0; i < extents.Count; i++)
        {
            var e = extents[i];
            var missing = e.AltLowerM is null ? "volume.altitude_lower" : e.AltUpperM is null ? "volume.altitude_upper"
                : e.TimeStart is null ? "time_start" : e.TimeEnd is null ? "time_end" : null;
            if (missing is not null)
            {
                throw new DssInputException($"extents[{i}].{missing}", "is required for an operational intent");
            }
        }
        var st = DssJsonRead.String(body, "state", "state");
        if (!States.Contains(st))
        {
            throw new DssInputException("state", $"must be one of {string.Join(", ", States)}");
        }
        var url = DssJsonRead.BaseUrl(body, "uss_base_url", "uss_base_url");
        var key = DssJsonRead.Key(body, "key");
        var sid = DssJsonRead.OptionalString(body, "subscription_id", "subscription_id") is { Length: > 0 } s ? DssIds.Check(s, "subscription_id") : null;
        string? newUrl = null;
        var newConstraints = false;
        var wantsNew = false;
        if (DssJsonRead.Member(body, "new_subscription") is { } ns)
        {
            if (ns.ValueKind != JsonValueKind.Object)
            {
                throw new DssInputException("new_subscription", "must be an object");
            }
            newUrl = DssJsonRead.BaseUrl(ns, "uss_base_url", "new_subscription.uss_base_url");
            newConstraints = DssJsonRead.Bool(ns, "notify_for_constraints", "new_subscription.notify_for_constraints");
            wantsNew = sid is null;
        }
        return new Request(extents, st, url, key, sid, newUrl, newConstraints, wantsNew);
    }
}
