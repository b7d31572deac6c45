namespace Deconflict.Core.Hotline;

/// <summary>What escalation needs to know about one message: who must acknowledge, by when, who has, and whether it was already escalated.</summary>
public sealed record HotlineAckState(
    string MessageId,
    bool NeedsAck,
    DateTimeOffset? AckDeadline,
    IReadOnlyCollection<string> Recipients,
    IReadOnlyCollection<string> AckedBy,
    DateTimeOffset? EscalatedAt);
