namespace Deconflict.Hub.Intents;

public enum IntentOutcomeKind
{
    Created,
    Changed,
    Ended,
    NotFound,
    Forbidden,
    Blocked,
    IllegalTransition,
    Stale,
    PreconditionRequired,
    Invalid,
    TooManyRequests,
}

/// <summary>What an intent write came to; the API turns it into a status code.</summary>
public sealed record IntentOutcome(
    IntentOutcomeKind Kind,
    IntentWritten? Written = null,
    IReadOnlyList<ConflictRef>? Blocking = null,
    string? Receipt = null,
    string? Detail = null,
    string? Field = null,
    TimeSpan? RetryAfter = null,
    IReadOnlyList<IntentAlternativeView>? Alternatives = null);

/// <summary>
/// What the strategic check answered a party (<see cref="IntentDesk.AnswerAsync"/>): its conflicts and whether they
/// refuse it, or, while the party's probe budget is used up, only how long until it may ask again.
/// </summary>
/// <paramref name="Counts"/>: the party's answers per other party within the window, this one included (null when refused).
public sealed record StrategicAnswer(IReadOnlyList<Deconflict.Core.Strategic.StrategicConflict> Found, bool Blocked, TimeSpan? Refusal,
    IReadOnlyDictionary<string, int>? Counts = null);
