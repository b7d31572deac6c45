using System.Text.Json;

namespace Deconflict.Hub.Conflicts;

/// <summary>
/// A conflict as one reader sees it. <see cref="ObjectRefs"/> names every object by (kind, party, id), the id left
/// out (null) for an object whose owner shares nothing with the reader; <see cref="Objects"/> lists the ids the
/// reader may learn. <see cref="Detail"/> (e.g. the overlap window) is omitted when it would reveal another party's
/// unshared data.
/// </summary>
public sealed record ConflictView(
    string Id,
    string Kind,
    IReadOnlyList<string> Parties,
    IReadOnlyList<string> Objects,
    IReadOnlyList<ObjectRefView> ObjectRefs,
    string Level,
    string Status,
    DateTimeOffset DetectedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClearedAt,
    JsonElement? Detail);

/// <summary>An object of a conflict as a reader sees it: the id is null when its owner shares nothing with the reader.</summary>
public sealed record ObjectRefView(string Kind, string Party, string? Id);
