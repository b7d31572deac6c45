using Deconflict.Core.Strategic;
using Deconflict.Hub.Access;
using Deconflict.Hub.Auth;
using Deconflict.Hub.Json;
using Deconflict.Hub.OpenApi;
using Deconflict.Hub.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deconflict.Hub.Intents;

/// <summary>
/// <c>POST /api/v1/intents/{id}/check</c>: the strategic check of a draft intent without storing anything, so a
/// planner sees before submitting what would block it and which moves of band or window would not. The reply
/// names the other intents as a 409 would, the overlap only where the other parties share everything with the caller,
/// and the conflict-free alternatives a 409 would offer (accepted by name like those). Like a PUT, the answer is told
/// to the parties whose hidden intents it involves and counted against the caller's probe budget.
/// </summary>
public static class IntentCheckApi
{
    public static IEndpointRouteBuilder MapIntentCheckApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/intents/{id}/check", CheckAsync).WithTags("Intents").WithName("CheckIntent")
            .WithSummary("Strategic check of a draft intent (same body as PUT), nothing stored: its conflicts and, when it conflicts, conflict-free alternatives.")
            .AcceptsJson<IntentDocument>("application/geo+json", "application/json", "application/vnd.google-earth.kml+xml")
            .Problems(StatusCodes.Status403Forbidden, StatusCodes.Status429TooManyRequests);
        return routes;
    }

    private static async Task<Results<Ok<IntentCheck>, HubProblem>> CheckAsync(string id, CallerParty caller, HttpRequest request, IntentDesk desk,
        IHubStore store, NeedToKnow needToKnow, CancellationToken ct)
    {
        if (caller.PartyId is null)
        {
            return Problems.Forbidden("Intents are declared by parties, not the admin.");
        }
        var party = caller.PartyId;
        var read = await IntentBodyRead.ReadAsync(request, id, party, ct).ConfigureAwait(false);
        if (read.Problem is not null)
        {
            return read.Problem;
        }
        var candidate = read.Value!;
        // A check is an answer about other parties' intents like a PUT: told to them, counted against the same budget.
        return await store.WriteAsync<Results<Ok<IntentCheck>, HubProblem>>(async w =>
        {
            var answer = await desk.AnswerAsync(w, candidate, c => c.Blocking).ConfigureAwait(false);
            var (found, blocked, refusal) = (answer.Found, answer.Blocked, answer.Refusal);
            if (refusal is { } wait)
            {
                return Problems.TooManyRequests(
                    "This party has received its budget of conflict answers about another party's hidden intents; checks are refused until the window has passed.", wait, "features");
            }
            // Alternatives whenever it conflicts, offered (told, counted, stored by name) as a 409 offers them.
            var alternatives = found.Count > 0 ? await desk.OfferAsync(w, candidate, desk.Index.Get(party, id)?.Version, answer.Counts).ConfigureAwait(false) : [];
            return TypedResults.Ok(new IntentCheck(id, party, blocked, Views(found, party, desk, needToKnow), alternatives));
        }, ct).ConfigureAwait(false);
    }

    /// <summary>Each conflict named as a refused PUT would name it; the overlap only when its owner shares everything.</summary>
    private static List<IntentCheckConflict> Views(IReadOnlyList<StrategicConflict> found, string reader, IntentDesk desk, NeedToKnow needToKnow) =>
        [.. found.Select(c =>
        {
            var named = desk.Disclosed(reader, new ConflictRef(c.IntentId2, c.Party2, c.Blocking), stored: false);
            return needToKnow.SharesAll(c.Party2, reader)
                ? new IntentCheckConflict(named.IntentId, named.Party, c.Blocking, c.OverlapStart, c.OverlapEnd, c.OverlapLowerFt, c.OverlapUpperFt)
                : new IntentCheckConflict(named.IntentId, named.Party, c.Blocking, null, null, null, null);
        })];
}

/// <summary>Reply of the check: would it be refused, its conflicts, and the alternatives that would not be.</summary>
public sealed record IntentCheck(string Id, string Party, bool Blocked, IReadOnlyList<IntentCheckConflict> Conflicts, IReadOnlyList<IntentAlternativeView> Alternatives);

/// <summary>A conflict found by the check; the overlap is null when the other party shares nothing with the caller.</summary>
public sealed record IntentCheckConflict(string? IntentId, string? Party, bool Blocking, DateTimeOffset? OverlapStart, DateTimeOffset? OverlapEnd,
    double? OverlapLowerFt, double? OverlapUpperFt);
