namespace Deconflict.Core.Hotline;

/// <summary>
/// Acknowledgement deadlines and escalation as pure functions of (message, now, acknowledgements), so the hub's
/// background service, its tests and a restart all reach the same answer. A message escalates exactly once: the
/// decision is "escalate" only while <see cref="HotlineAckState.EscalatedAt"/> is unset, and the store records that
/// time in the same transaction (with a conditional update) as the escalation events.
/// </summary>
public static class HotlineEscalation
{
    /// <summary>The deadline for a message sent at <paramref name="sentAt"/> under an agreement allowing <paramref name="ackWindow"/>.</summary>
    public static DateTimeOffset? AckDeadline(HotlineTemplate template, DateTimeOffset sentAt, TimeSpan ackWindow) =>
        template.NeedsAck ? sentAt + ackWindow : null;

    public static IReadOnlyList<string> Unacknowledged(HotlineAckState state) =>
        state.NeedsAck ? state.Recipients.Where(r => !state.AckedBy.Contains(r)).Order(StringComparer.Ordinal).ToList() : [];

    /// <summary>Past the deadline and not acknowledged by every recipient (whether or not escalation has run yet).</summary>
    public static bool IsOverdue(HotlineAckState state, DateTimeOffset now) =>
        state.AckDeadline is { } deadline && now >= deadline && Unacknowledged(state).Count > 0;

    public static HotlineEscalationDecision Decide(HotlineAckState state, DateTimeOffset now)
    {
        if (!state.NeedsAck || state.AckDeadline is not { } deadline || state.EscalatedAt is not null)
        {
            return new HotlineEscalationDecision(false, [], null);
        }
        var missing = Unacknowledged(state);
        if (missing.Count == 0)
        {
            return new HotlineEscalationDecision(false, [], null);
        }
        return now < deadline
            ? new HotlineEscalationDecision(false, [], deadline)
            : new HotlineEscalationDecision(true, missing, null);
    }
}
