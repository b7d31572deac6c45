namespace Deconflict.Hub.Ground;

/// <summary>What a ground write came to; the API turns it into a reply (<see cref="Body"/> for 2xx, <see cref="Field"/>/<see cref="Detail"/> for problems).</summary>
public sealed record GroundOutcome(GroundOutcomeKind Kind, object? Body = null, string? Receipt = null, string? Detail = null, string? Field = null);

/// <summary>The kinds of <see cref="GroundOutcome"/>.</summary>
public enum GroundOutcomeKind
{
    Created,
    Changed,
    Ended,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
}
