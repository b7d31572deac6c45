using Deconflict.Hub.Agreements;
using Deconflict.Hub.Auth;
using Deconflict.Hub.Access;
using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;
using Deconflict.Hub.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deconflict.Hub.Conflicts;

/// <summary>Conflicts of every kind; a party sees only those it is part of.</summary>
public static class ConflictsApi
{
    public static IEndpointRouteBuilder MapConflictsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/conflicts").WithTags("Conflicts");
        group.MapGet("/", ListAsync).WithName("ListConflicts").WithSummary("The caller's conflicts: ?state=open (default), cleared or all.").Problems(StatusCodes.Status400BadRequest);
        group.MapGet("/{id}", GetAsync).WithName("GetConflict").WithSummary("One of the caller's conflicts.").Problems(StatusCodes.Status404NotFound);
        return routes;
    }


    private static async Task<Results<Ok<IReadOnlyList<ConflictView>>, HubProblem>> ListAsync(string? state, CallerParty caller, IHubStore store, AgreementBook book, CancellationToken ct)
    {
        string? status = (state ?? "open") switch
        {
            "open" => "open",
            "cleared" => "cleared",
            "all" => null,
            _ => "invalid",
        };
        if (status == "invalid")
        {
            return Problems.Validation("state", "One of: open, cleared, all.");
        }
        if (caller.PartyId is null)
        {
            return TypedResults.Ok<IReadOnlyList<ConflictView>>([]);
        }
        return TypedResults.Ok(await Exports.VisibleReads.ConflictsAsync(caller, status, store, book, ct).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<ConflictView>, HubProblem>> GetAsync(string id, CallerParty caller, IHubStore store, AgreementBook book, CancellationToken ct)
    {
        var c = await store.GetConflictAsync(id, ct).ConfigureAwait(false);
        return c is null || !NeedToKnow.CanSeeConflict(caller.Id, c)
            ? Problems.NotFound("The conflict")
            : TypedResults.Ok(ConflictViews.For(c, caller.Id, book));
    }
}
