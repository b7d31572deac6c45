using System.Globalization;
using System.Text;
using Deconflict.Core.Formats.Aco;
using Deconflict.Hub.Auth;
using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deconflict.Hub.Intents;

/// <summary>
/// <c>POST /api/v1/intents/aco</c> (text/plain): an Airspace Control Order becomes the caller's intents, one per
/// measure (measures of one name are volumes of one intent). The whole message is read first: a malformed one is 400
/// naming the set, its line and the field, and nothing is stored. Each intent then goes through the same desk as a
/// PUT (strategic check, audit entry, 409 for blocking conflicts); an intent that already exists is replaced (the
/// latest order stands). The reply lists every measure's outcome: 201 when all were stored, 207 when only some were
/// (<c>"partial": true</c>, each refusal with its reason), 409 when none was.
/// </summary>
public static class AcoImportApi
{
    public static IEndpointRouteBuilder MapAcoImportApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/intents/aco", ImportAsync).WithTags("Intents").WithName("ImportAco")
            .WithSummary("Import a USMTF Airspace Control Order (text/plain) as the caller's intents, one per measure; ?priority= (default 0).")
            .Accepts<string>("text/plain")
            .Produces<AcoImportReply>(StatusCodes.Status201Created)
            .Produces<AcoImportReply>(StatusCodes.Status207MultiStatus)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    /// <summary>The outcome of one intent of the order.</summary>
    public sealed record AcoMeasureOutcome(string IntentId, int Set, int Line, int Volumes, int Status, bool Stored, long? Version, string? Problem);

    /// <summary>What the order came to: every measure's outcome, and sets read but not used.</summary>
    public sealed record AcoImportReply(string AcoId, int Stored, int Refused, bool Partial, IReadOnlyList<AcoMeasureOutcome> Intents, IReadOnlyList<string> IgnoredSets);

    private static async Task<Results<Created<AcoImportReply>, JsonHttpResult<AcoImportReply>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        string? priority, CallerParty caller, HttpRequest request, IntentDesk desk, IHubStore store, CancellationToken ct)
    {
        if (caller.PartyId is null)
        {
            return TypedResults.Problem(detail: "Intents are declared by parties, not the admin.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        }
        var level = 0;
        if (priority is not null && !int.TryParse(priority, NumberStyles.Integer, CultureInfo.InvariantCulture, out level))
        {
            return Invalid("priority", "An integer.");
        }
        var body = await JsonBody.ReadTextAsync(request, ct).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return Invalid("body", "A USMTF ACO message as UTF-8 text (at most the hub's body limit) is required.");
        }
        AcoMessage message;
        IReadOnlyList<Core.Strategic.OperationalIntent> intents;
        try
        {
            message = AcoReader.Read(body.Value!);
            intents = AcoIntents.ToIntents(message, caller.PartyId, level);
        }
        catch (AcoFormatException e)
        {
            return Invalid(e.Set > 0 ? $"set {e.Set} (line {e.Line}) {e.Field}" : e.Field, e.Describe() + " Nothing was stored.");
        }
        foreach (var intent in intents)
        {
            if (!ObjectIds.IsValid(intent.Id))
            {
                var m = message.Measures.First(x => x.Name == intent.Id);
                return Invalid($"set {m.Set} (line {m.Line}) NAME", $"'{intent.Id}' cannot be an intent id: {ObjectIds.Rule} Nothing was stored.");
            }
        }
        var outcomes = new List<AcoMeasureOutcome>();
        foreach (var intent in intents)
        {
            var first = message.Measures.First(x => x.Name == intent.Id);
            // The latest order of a measure stands: an existing intent is changed at the version just read.
            var existing = await store.GetIntentAsync(caller.PartyId, intent.Id, ct).ConfigureAwait(false);
            var ifMatch = existing is null || existing.State == nameof(Core.Strategic.IntentState.Ended) ? null : IntentDesk.ETag(existing.Version);
            var outcome = await desk.PutAsync(caller, intent, ifMatch, ct).ConfigureAwait(false);
            var (status, problem) = outcome.Kind switch
            {
                IntentOutcomeKind.Created => (201, (string?)null),
                IntentOutcomeKind.Changed => (200, null),
                IntentOutcomeKind.Blocked => (409, $"Blocking conflict with {outcome.Blocking!.Count} intent(s) of equal or higher priority."),
                IntentOutcomeKind.Invalid => (400, $"{outcome.Field}: {outcome.Detail}"),
                IntentOutcomeKind.TooManyRequests => (429, outcome.Detail),
                IntentOutcomeKind.Stale => (412, outcome.Detail),
                IntentOutcomeKind.PreconditionRequired => (428, outcome.Detail),
                IntentOutcomeKind.Forbidden => (403, outcome.Detail),
                _ => (409, outcome.Detail),
            };
            outcomes.Add(new AcoMeasureOutcome(intent.Id, first.Set, first.Line, intent.Volumes.Count, status, status < 300, outcome.Written?.Version, problem));
        }
        var stored = outcomes.Count(o => o.Stored);
        var reply = new AcoImportReply($"{message.Area}/{message.AcoSerial}", stored, outcomes.Count - stored, stored > 0 && stored < outcomes.Count, outcomes, message.Ignored);
        if (stored == outcomes.Count)
        {
            return TypedResults.Created("/api/v1/intents", reply);
        }
        if (stored > 0)
        {
            return TypedResults.Json(reply, HubJson.Options, statusCode: StatusCodes.Status207MultiStatus);
        }
        return TypedResults.Problem(detail: $"None of the order's {outcomes.Count} intent(s) was stored: " + string.Join("; ", outcomes.Select(o => $"{o.IntentId} (set {o.Set}, line {o.Line}): {o.Problem}")),
            statusCode: StatusCodes.Status409Conflict, title: "Conflict",
            extensions: new Dictionary<string, object?> { ["intents"] = outcomes, ["errors"] = outcomes.ToDictionary(o => $"set {o.Set} (line {o.Line})", o => new[] { o.Problem ?? "" }) });
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: $"{field}: {message}", title: "The request is invalid.");
}
