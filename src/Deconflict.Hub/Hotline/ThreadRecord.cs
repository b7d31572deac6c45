namespace Deconflict.Hub.Hotline;

/// <summary>
/// A hotline thread: opened by a conflict (<see cref="ConflictId"/>) or by a party on a shared object or none. An
/// intent subject is (type, <see cref="SubjectParty"/>, id), as every object is named.
/// </summary>

public sealed record ThreadRecord(
    string Id,
    string? ConflictId,
    string? SubjectType,
    string? SubjectId,
    string Title,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? OverdueAt,
    IReadOnlyList<string> Parties,
    string? SubjectParty = null);
