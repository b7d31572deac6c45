namespace Deconflict.Hub.Hotline;

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
