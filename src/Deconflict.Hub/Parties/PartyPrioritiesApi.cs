using Deconflict.Hub.Auth;
using Deconflict.Hub.Intents;
using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;
using Deconflict.Hub.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deconflict.Hub.Parties;

/// <summary>
/// The admin bounds the priorities each party may declare, so no party can claim to outrank everyone (or to yield to
/// everyone, which makes every check an oracle) beyond what was agreed for it.
/// </summary>
public static class PartyPrioritiesApi
{
    public static IEndpointRouteBuilder MapPartyPrioritiesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/parties").WithTags("Parties");
        group.MapGet("/{id}/priorities", GetAsync).WithName("GetPartyPriorities")
            .WithSummary("The priorities the party may declare (admin or the party).").Problems(StatusCodes.Status404NotFound);
        group.MapPut("/{id}/priorities", PutAsync).WithName("SetPartyPriorities")
            .WithSummary("Set the priorities the party may declare {min, max} (admin); null falls back to the hub default.")
            .AcceptsJson<PriorityBoundsBody>().Problems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Ok<PriorityBoundsView>, HubProblem>> GetAsync(string id, CallerParty caller, IHubStore store, IntentDesk desk, CancellationToken ct)
    {
        if (!caller.IsAdmin && caller.PartyId != id || await store.GetPartyAsync(id, ct).ConfigureAwait(false) is not { } party)
        {
            return Problems.NotFound("The party");
        }
        var (min, max) = desk.PriorityBounds(party);
        return TypedResults.Ok(new PriorityBoundsView(id, min, max));
    }

    private static async Task<Results<Ok<PriorityBoundsView>, HubProblem>> PutAsync(string id, CallerParty caller, HttpRequest request, IHubStore store, IntentDesk desk, CancellationToken ct)
    {
        if (!caller.IsAdmin)
        {
            return Problems.Forbidden("Only the admin bounds a party's priorities.");
        }
        var body = await JsonBody.ReadAsync<PriorityBoundsBody>(request, ct).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        var b = body.Value!;
        if (b.Min is { } lo && b.Max is { } hi && lo > hi)
        {
            return Problems.Validation("min", "Must not exceed max.");
        }
        var outcome = await store.WriteAsync(async w =>
        {
            if (await w.GetPartyAsync(id).ConfigureAwait(false) is not { } party)
            {
                return ((PartyRecord?)null, "");
            }
            await w.SetPriorityBoundsAsync(id, b.Min, b.Max).ConfigureAwait(false);
            var receipt = await w.AppendAuditAsync("admin", "party.priorities", "party", id, [id], HubJson.Serialize(new { id, min = b.Min, max = b.Max })).ConfigureAwait(false);
            return (party with { PriorityMin = b.Min, PriorityMax = b.Max }, receipt);
        }, ct).ConfigureAwait(false);
        if (outcome.Item1 is not { } updated)
        {
            return Problems.NotFound("The party");
        }
        AuditReceiptHeader.Set(request.HttpContext.Response, outcome.Item2);
        var (min, max) = desk.PriorityBounds(updated);
        return TypedResults.Ok(new PriorityBoundsView(id, min, max));
    }
}

/// <summary>Body of <c>PUT /api/v1/parties/{id}/priorities</c>.</summary>
public sealed record PriorityBoundsBody(int? Min, int? Max);

/// <summary>The priorities a party may declare.</summary>
public sealed record PriorityBoundsView(string Party, int Min, int Max);
