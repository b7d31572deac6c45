namespace Deconflict.Core.Hotline;

/// <summary>
/// Whether to escalate now, which recipients are overdue, and when to look again (null: never — acknowledged,
/// escalated already, or nothing to acknowledge).
/// </summary>
public sealed record HotlineEscalationDecision(bool Escalate, IReadOnlyList<string> OverdueParties, DateTimeOffset? NextCheck);
