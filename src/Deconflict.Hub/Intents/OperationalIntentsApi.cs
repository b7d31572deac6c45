using System.Globalization;
using System.Text.Json;
using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic;

using Deconflict.Hub.Access;
using Deconflict.Hub.Auth;
using Deconflict.Hub.Http;
using Deconflict.Hub.Json;
using Deconflict.Hub.OpenApi;
using Deconflict.Hub.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deconflict.Hub.Intents;

/// <summary>Operational intents: PUT (create or change, with the strategic check), GET, list, state changes, DELETE (end).</summary>
public static class OperationalIntentsApi
{
    public static IEndpointRouteBuilder MapOperationalIntentsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/intents").WithTags("Intents");
        group.MapPut("/{id}", PutAsync).WithName("PutIntent")
            .WithSummary("Create (201) or change (200, If-Match required) an intent; 409 lists blocking conflicts and conflict-free alternatives.")
            .AcceptsJson<IntentDocument>("application/geo+json", "application/json", "application/vnd.google-earth.kml+xml")
            .Problems(StatusCodes.Status403Forbidden, StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired,
                StatusCodes.Status429TooManyRequests)
            .Problem<IntentBlockedProblem, RouteHandlerBuilder>(StatusCodes.Status409Conflict);
        group.MapGet("/{id}", GetAsync).WithName("GetIntent").WithSummary("The intent as a GeoJSON FeatureCollection, with its ETag.")
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapGet("/", ListAsync).WithName("ListIntents").WithSummary("Intents the caller may see: ?bbox=minLon,minLat,maxLon,maxLat&from=&to=.")
            .Problems(StatusCodes.Status400BadRequest);
        group.MapPost("/{id}/state", ChangeStateAsync).WithName("ChangeIntentState").WithSummary("Move an intent to another state (legal transitions only).")
            .AcceptsJson<StateChange>()
            .Problems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
        group.MapDelete("/{id}", EndAsync).WithName("EndIntent").WithSummary("End the intent (204).")
            .Problems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
        return routes;
    }

    private static async Task<Results<Created<IntentWritten>, Ok<IntentWritten>, HubProblem>> PutAsync(string id, CallerParty caller, HttpRequest request, IntentDesk desk, CancellationToken ct)
    {
        if (caller.PartyId is null)
        {
            return Problems.Forbidden("Intents are declared by parties, not the admin.");
        }
        var read = await IntentBodyRead.ReadAsync(request, id, caller.PartyId, ct).ConfigureAwait(false);
        if (read.Problem is not null)
        {
            return read.Problem;
        }
        var candidate = read.Value!;
        var outcome = await desk.PutOfferingAsync(caller, candidate, IfMatch(request), ct).ConfigureAwait(false);
        return Written(outcome, request.HttpContext.Response);
    }

    private static async Task<Results<Ok<IntentWritten>, HubProblem>> ChangeStateAsync(string id, CallerParty caller, HttpRequest request, IntentDesk desk, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<StateChange>(request, ct).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        if (body.Value!.State is not { } text || !Enum.TryParse<IntentState>(text, ignoreCase: false, out var to) || !Enum.IsDefined(to) || char.IsDigit(text[0]))
        {
            return Problems.Validation("state", $"One of: {string.Join(", ", Enum.GetNames<IntentState>())}.");
        }
        var outcome = await desk.ChangeStateAsync(caller, id, to, IfMatch(request), ct).ConfigureAwait(false);
        if (outcome.Kind is IntentOutcomeKind.Changed or IntentOutcomeKind.Ended)
        {
            request.HttpContext.Response.Headers.ETag = IntentDesk.ETag(outcome.Written!.Version);
            AuditReceiptHeader.Set(request.HttpContext.Response, outcome.Receipt!);
            return TypedResults.Ok(outcome.Written);
        }
        return Refusal(outcome, request.HttpContext.Response);
    }

    private static async Task<Results<NoContent, HubProblem>> EndAsync(string id, CallerParty caller, HttpRequest request, IntentDesk desk, CancellationToken ct)
    {
        var outcome = await desk.ChangeStateAsync(caller, id, IntentState.Ended, IfMatch(request), ct).ConfigureAwait(false);
        if (outcome.Kind == IntentOutcomeKind.Ended)
        {
            AuditReceiptHeader.Set(request.HttpContext.Response, outcome.Receipt!);
            return TypedResults.NoContent();
        }
        return Refusal(outcome, request.HttpContext.Response);
    }

    /// <summary>
    /// An intent by id: the caller's own, else (ids being unique per party only) the one of <c>?party=</c>, else the
    /// only one with that id among those the caller may see. Hidden intents answer 404 exactly as absent ones.
    /// </summary>
    private static async Task<Results<GeoJsonText<IntentDocument>, HubProblem>> GetAsync(string id, string? party, CallerParty caller, HttpResponse response, IHubStore store, NeedToKnow needToKnow, CancellationToken ct)
    {
        if (party is not null && !ObjectIds.IsValid(party))
        {
            return Problems.Validation("party", ObjectIds.Rule);
        }
        var visible = await needToKnow.VisibleByIdAsync(caller, party, p => store.GetIntentAsync(p, id, ct),
            () => store.FindIntentsByIdAsync(id, ct), r => r.State == nameof(IntentState.Ended) ? null : StrategicConflictSync.Ref(r.Party, r.Id), ct).ConfigureAwait(false);
        if (visible.Count == 0)
        {
            return Problems.NotFound("The intent");
        }
        if (visible.Count > 1)
        {
            return Problems.Validation("party", $"Several parties you may see have an intent '{id}': name one with ?party= ({string.Join(", ", visible.Select(v => v.Party))}).");
        }
        response.Headers.ETag = IntentDesk.ETag(visible[0].Version);
        return new GeoJsonText<IntentDocument>(visible[0].GeoJson);
    }

    private static async Task<Results<Ok<IReadOnlyList<IntentSummary>>, HubProblem>> ListAsync(string? bbox, string? from, string? to, CallerParty caller, IHubStore store, IntentDesk desk, NeedToKnow needToKnow, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        double[]? box = null;
        if (bbox is not null)
        {
            var parts = bbox.Split(',');
            box = parts.Length == 4 ? new double[4] : null;
            for (var i = 0; box is not null && i < 4; i++)
            {
                if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out box[i]) || !double.IsFinite(box[i]))
                {
                    box = null;
                }
            }
            if (box is null || box[0] < -180 || box[2] > 180 || box[0] > 180 || box[2] < -180 || box[1] < -90 || box[3] > 90 || box[1] > box[3])
            {
                errors["bbox"] = ["minLon,minLat,maxLon,maxLat in degrees, minLat ≤ maxLat (minLon > maxLon crosses the antimeridian)."];
            }
        }
        var (fromTime, toTime) = QueryWindow.Parse(from, to, errors);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        if (caller.PartyId is null)
        {
            return TypedResults.Ok<IReadOnlyList<IntentSummary>>([]);
        }
        var rows = await Exports.VisibleReads.IntentsAsync(caller, fromTime, toTime, store, needToKnow, ct).ConfigureAwait(false);
        // The box is tested on the core's shapes (antimeridian and poles included), on the live intents in memory.
        var area = box is null ? (GeoBox?)null : new GeoBox(box[1], box[0], box[3], box[2] == box[0] ? box[2] + 1e-9 : box[2]);
        return TypedResults.Ok<IReadOnlyList<IntentSummary>>(rows
            .Where(r => area is not { } a || (desk.Index.Get(r.Party, r.Id) is { } live && ShapeBounds.MayReach(live, a)))
            .Select(r => new IntentSummary(r.Id, r.Party, r.State, r.Version, r.Priority, r.TimeStart, r.TimeEnd))
            .ToList());
    }

    private static string Describe(ConflictRef c) =>
        c.IntentId is null
            ? c.Party is null ? "Blocking conflict with an intent of a party that shares nothing with you." : $"Blocking conflict with an intent of {c.Party}."
            : $"Blocking conflict with intent {c.IntentId} of {c.Party}.";

    private static string? IfMatch(HttpRequest request) =>
        request.Headers.IfMatch.Count == 0 ? null : request.Headers.IfMatch.ToString();

    /// <summary>The reply of an intent write that may create or change it: 201/200 with ETag and receipt, else the refusal.</summary>
    internal static Results<Created<IntentWritten>, Ok<IntentWritten>, HubProblem> Written(IntentOutcome outcome, HttpResponse response)
    {
        if (outcome.Kind is not (IntentOutcomeKind.Created or IntentOutcomeKind.Changed))
        {
            return Refusal(outcome, response);
        }
        response.Headers.ETag = IntentDesk.ETag(outcome.Written!.Version);
        AuditReceiptHeader.Set(response, outcome.Receipt!);
        return outcome.Kind == IntentOutcomeKind.Created
            ? TypedResults.Created($"/api/v1/intents/{Uri.EscapeDataString(outcome.Written.Id)}", outcome.Written)
            : TypedResults.Ok(outcome.Written);
    }

    /// <summary>The problem for an outcome that wrote nothing.</summary>
    internal static HubProblem Refusal(IntentOutcome outcome, HttpResponse response)
    {
        switch (outcome.Kind)
        {
            case IntentOutcomeKind.NotFound when outcome.Field is { } field:
                return Problems.NotFound(outcome.Detail ?? "The intent", field);
            case IntentOutcomeKind.NotFound:
                return Problems.NotFound("The intent");
            case IntentOutcomeKind.Forbidden:
                return Problems.Forbidden(outcome.Detail ?? "Only the owning party changes an intent.");
            case IntentOutcomeKind.Blocked:
                var blocking = outcome.Blocking!;
                return Problems.Conflict(
                    $"The intent conflicts with {blocking.Count} intent(s) of equal or higher priority; nothing was stored.",
                    new Dictionary<string, object?>
                    {
                        ["conflicts"] = blocking.Select(c => new { intent_id = c.IntentId, party = c.Party, blocking = true }).ToList(),
                        ["alternatives"] = outcome.Alternatives ?? [],
                        ["errors"] = new Dictionary<string, string[]> { ["features"] = [.. blocking.Select(Describe)] },
                    });
            case IntentOutcomeKind.Invalid:
                return Problems.Validation(outcome.Field ?? "body", outcome.Detail ?? "Invalid.");
            case IntentOutcomeKind.TooManyRequests:
                response.Headers.RetryAfter = ((long)Math.Ceiling(outcome.RetryAfter!.Value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return Problems.TooManyRequests(outcome.Detail!, outcome.RetryAfter.Value, "features");
            case IntentOutcomeKind.IllegalTransition:
                return Problems.Conflict(outcome.Detail!,
                    new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["state"] = [outcome.Detail!] } });
            case IntentOutcomeKind.Stale:
                return Problems.PreconditionFailed(outcome.Detail!);
            default:
                return Problems.PreconditionRequired(outcome.Detail!);
        }
    }
}
