using Deconflict.Core.Strategic;
using Deconflict.Hub.Access;
using Deconflict.Hub.Agreements;
using Deconflict.Hub.Auth;
using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Intents;

/// <summary>
/// <c>POST /api/v1/intents/{id}/check</c>: the strategic check of a draft intent without storing anything, so a
/// planner sees before submitting what would block it and which moves of band or window would not. The reply
/// names the other intents as a 409 would; the overlap of a conflict is shown only when the other party shares
/// something with the caller (the rule of the conflicts list).
/// </summary>
public static class IntentCheckApi
{
    public static IEndpointRouteBuilder MapIntentCheckApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/intents/{id}/check", CheckAsync).WithTags("Intents").WithName("CheckIntent")
            .WithSummary("Strategic check of a draft intent (same body as PUT), nothing stored: its conflicts and, when blocked, alternatives.");
        return routes;
    }

    private static async Task<IResult> CheckAsync(string id, CallerParty caller, HttpRequest request, IntentDesk desk, AgreementBook book,
        IHubStore store, NeedToKnow needToKnow, CancellationToken ct)
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
        var existing = await store.GetIntentAsync(id, ct).ConfigureAwait(false);
        if (existing is not null && existing.Party != caller.PartyId && existing.State != nameof(IntentState.Ended))
        {
            return await needToKnow.CanSeeAsync(caller, existing.Party, id, ct).ConfigureAwait(false)
                ? Problems.Forbidden("The intent id belongs to another party.")
                : Problems.NotFound("The intent");
        }
        var found = desk.Index.FindConflicts(candidate, desk.BuffersFor);
        var refusable = candidate.State is IntentState.Accepted or IntentState.Activated;
        var alternatives = refusable ? StrategicAlternatives.Suggest(desk.Index, candidate, desk.BuffersFor) : [];
        return TypedResults.Ok(new IntentCheck(
            id,
            caller.PartyId,
            refusable && found.Any(c => c.Blocking),
            Views(found, caller.PartyId, book),
            [.. alternatives.Select(a => new IntentAlternativeView(a.Change, a.ShiftFt, a.ShiftS,
                a.Intent.Volumes.Min(v => v.AltLowerFt), a.Intent.Volumes.Max(v => v.AltUpperFt),
                a.Intent.Volumes.Min(v => v.TimeStart), a.Intent.Volumes.Max(v => v.TimeEnd), Views(a.Conflicts, caller.PartyId, book)))]));
    }

    private static List<IntentCheckConflict> Views(IReadOnlyList<StrategicConflict> found, string viewer, AgreementBook book) =>
        [.. found.Select(c => book.SharingOf(c.Party2, viewer) == Sharing.None
            ? new IntentCheckConflict(c.IntentId2, c.Party2, c.Blocking, null, null, null, null)
            : new IntentCheckConflict(c.IntentId2, c.Party2, c.Blocking, c.OverlapStart, c.OverlapEnd, c.OverlapLowerFt, c.OverlapUpperFt))];
}

/// <summary>Reply of the check: would it be refused, its conflicts, and the alternatives that would not be.</summary>
public sealed record IntentCheck(string Id, string Party, bool Blocked, IReadOnlyList<IntentCheckConflict> Conflicts, IReadOnlyList<IntentAlternativeView> Alternatives);

/// <summary>A conflict found by the check; the overlap is null when the other party shares nothing with the caller.</summary>
public sealed record IntentCheckConflict(string IntentId, string Party, bool Blocking, DateTimeOffset? OverlapStart, DateTimeOffset? OverlapEnd,
    double? OverlapLowerFt, double? OverlapUpperFt);

/// <summary>An alternative: the shift to apply to every volume, the resulting band and window, and its remaining conflicts.</summary>
public sealed record IntentAlternativeView(string Change, double ShiftFt, double ShiftS, double AltLowerFt, double AltUpperFt,
    DateTimeOffset TimeStart, DateTimeOffset TimeEnd, IReadOnlyList<IntentCheckConflict> Conflicts);
