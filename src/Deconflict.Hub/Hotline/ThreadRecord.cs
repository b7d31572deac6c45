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
