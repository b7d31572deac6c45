using Deconflict.Hub.Auth;
using Deconflict.Hub.Json;
using Deconflict.Hub.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deconflict.Hub.Intents;

/// <summary>
/// <c>POST /api/v1/intents/{id}/alternatives</c>: the nearest conflict-free variants of the caller's stored intent
/// (empty body) or of a candidate (the body of a PUT), offered as a 409 offers them; and
/// <c>POST /api/v1/intents/{id}/alternatives/accept</c> <c>{"alternative":"delay"}</c>: the offered variant stored in
/// one request, through the write of a PUT (checked again inside it).
/// </summary>
public static class IntentAlternativesApi
{
    public static IEndpointRouteBuilder MapIntentAlternativesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/intents/{id}/alternatives", AlternativesAsync).WithTags("Intents").WithName("IntentAlternatives")
            .WithSummary("The nearest conflict-free variants (delay, advance, band above and below, lateral offset of corridors) of the stored intent (empty body) or of a candidate (same body as PUT).")
            .AcceptsJson<IntentDocument>("application/geo+json", "application/json", "application/vnd.google-earth.kml+xml")
            .Problems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests);
        routes.MapPost("/api/v1/intents/{id}/alternatives/accept", AcceptAsync).WithTags("Intents").WithName("AcceptIntentAlternative")
            .WithSummary("Store an offered alternative by name: 201 (new) or 200 (changed) as for PUT; 409 if it is no longer conflict-free; 404 if no such offer is current.")
            .AcceptsJson<AlternativeChoice>()
            .Problems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired,
                StatusCodes.Status429TooManyRequests)
            .Problem<IntentBlockedProblem, RouteHandlerBuilder>(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Results<Ok<IntentAlternatives>, HubProblem>> AlternativesAsync(string id, CallerParty caller, HttpRequest request, IntentDesk desk, CancellationToken ct)
    {
        if (caller.PartyId is null)
        {
            return Problems.Forbidden("Intents are declared by parties, not the admin.");
        }
        var party = caller.PartyId;
        if (!ObjectIds.IsValid(id))
        {
            return Problems.Validation("id", "An intent id of 1 to 200 printable characters is required.");
        }
        var text = await JsonBody.ReadOptionalTextAsync(request, ct).ConfigureAwait(false);
        if (text.Problem is not null)
        {
            return text.Problem;
        }
        Core.Strategic.OperationalIntent? candidate = null;
        if (!string.IsNullOrWhiteSpace(text.Value))
        {
            var read = IntentBodyRead.Read(text.Value, request.ContentType, id, party);
            if (read.Problem is not null)
            {
                return read.Problem;
            }
            candidate = read.Value!;
        }
        var answer = await desk.AlternativesAsync(party, id, candidate, ct).ConfigureAwait(false);
        if (answer is null)
        {
            return Problems.NotFound("The intent");
        }
        if (answer.Answer.Refusal is { } wait)
        {
            request.HttpContext.Response.Headers.RetryAfter = ((long)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problems.TooManyRequests(
                "This party has received its budget of conflict answers about another party's hidden intents; alternatives are refused until the window has passed.", wait, "features");
        }
        return TypedResults.Ok(new IntentAlternatives(id, party, answer.Answer.Blocked, answer.Answer.Found.Count, answer.Alternatives));
    }

    private static async Task<Results<Created<IntentWritten>, Ok<IntentWritten>, HubProblem>> AcceptAsync(string id, CallerParty caller, HttpRequest request, IntentDesk desk,
        CancellationToken ct)
    {
        if (caller.PartyId is null)
        {
            return Problems.Forbidden("Intents are declared by parties, not the admin.");
        }
        if (!ObjectIds.IsValid(id))
        {
            return Problems.Validation("id", "An intent id of 1 to 200 printable characters is required.");
        }
        var body = await JsonBody.ReadAsync<AlternativeChoice>(request, ct).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        if (body.Value!.Alternative is not { } name || !IntentAlternativeView.AllIds.Contains(name, StringComparer.Ordinal))
        {
            return Problems.Validation("alternative", $"One of: {string.Join(", ", IntentAlternativeView.AllIds)} (the id of an offered alternative).");
        }
        var outcome = await desk.AcceptAlternativeAsync(caller, id, name, ct).ConfigureAwait(false);
        return OperationalIntentsApi.Written(outcome, request.HttpContext.Response);
    }
}
