namespace Deconflict.Hub.Hotline;

/// <summary>A hotline thread: opened by a conflict (<see cref="ConflictId"/>) or by a party on a shared object or none.</summary>
public sealed record ThreadRecord(
    string Id,
    string? ConflictId,
    string? SubjectType,
    string? SubjectId,
    string Title,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? OverdueAt,
    IReadOnlyList<string> Parties);

/// <summary>A stored message: template id, canonical parameter JSON, free-text remark, and the sender's language.</summary>
public sealed record MessageRecord(
    long Seq,
    string Id,
    string ThreadId,
    string Sender,
    string Template,
    string ParamsJson,
    string? Remark,
    string Language,
    bool NeedsAck,
    DateTimeOffset? AckDeadline,
    DateTimeOffset? EscalatedAt,
    DateTimeOffset CreatedAt);

/// <summary>Who acknowledged a message, when, with which key, and the audit receipt of that acknowledgement.</summary>
public sealed record AckRecord(string MessageId, string PartyId, DateTimeOffset AckedAt, string? KeyId, string Receipt);

/// <summary>A party's escalation contact and named observer under one agreement.</summary>
public sealed record ContactRecord(string AgreementId, string PartyId, string? EscalationContact, string? Observer, DateTimeOffset UpdatedAt);

/// <summary>One inbox line as counted by the store.</summary>
public sealed record InboxCount(string ThreadId, int Unread, int Overdue, DateTimeOffset? LastMessageAt);
