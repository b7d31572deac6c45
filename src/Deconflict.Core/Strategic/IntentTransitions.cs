namespace Deconflict.Core.Strategic;

/// <summary>
/// The legal state transitions of an operational intent (ASTM F3548-21 as enforced by the InterUSS
/// validators). A new intent must start Accepted: the DSS requires that before Activated, so we do too.
/// Ended is final.
/// </summary>
public static class IntentTransitions
{
    /// <summary>True when an intent may move from <paramref name="from"/> (null = not yet created) to <paramref name="to"/>.</summary>
    public static bool IsAllowed(IntentState? from, IntentState to) => from switch
    {
        null => to == IntentState.Accepted,
        IntentState.Accepted => true,
        IntentState.Activated => to is not IntentState.Accepted,
        IntentState.Nonconforming => to is not IntentState.Accepted,
        IntentState.Contingent => to is IntentState.Contingent or IntentState.Ended,
        IntentState.Ended => false,
        _ => false,
    };

    /// <summary>The states reachable from <paramref name="from"/>, for error messages.</summary>
    public static IReadOnlyList<IntentState> AllowedFrom(IntentState? from) =>
        [.. Enum.GetValues<IntentState>().Where(to => IsAllowed(from, to))];
}
