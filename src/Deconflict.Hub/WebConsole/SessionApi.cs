using Deconflict.Hub.Auth;
using Deconflict.Hub.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Deconflict.Hub.Json;
using Deconflict.Hub.OpenApi;

namespace Deconflict.Hub.WebConsole;

/// <summary>
/// <c>GET /api/v1/me</c>: who the presented key belongs to, so a client (the console) can name the signed-in
/// party and tell its own objects from others'. Reveals nothing the caller does not already hold.
/// </summary>
public static class SessionApi
{
    public static IEndpointRouteBuilder MapSessionApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/me", GetAsync).WithTags("Parties").WithName("Me")
            .WithSummary("The caller's own party (id, name, kind), or the admin.").Problems(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Ok<SessionView>, HubProblem>> GetAsync(CallerParty caller, IHubStore store, CancellationToken ct)
    {
        if (caller.IsAdmin)
        {
            return TypedResults.Ok(new SessionView(null, "admin", "admin", true));
        }
        var party = await store.GetPartyAsync(caller.Id, ct).ConfigureAwait(false);
        return party is null ? Problems.NotFound("The party") : TypedResults.Ok(new SessionView(party.Id, party.Name, party.Kind, false));
    }
}
