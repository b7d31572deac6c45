using System.Text.Json;

namespace Deconflict.Hub.Conflicts;

/// <summary>A conflict as a party sees it; <see cref="Detail"/> (e.g. the overlap window) is omitted when it would reveal another party's unshared data.</summary>
public sealed record ConflictView(
    string Id,
    string Kind,
    IReadOnlyList<string> Parties,
    IReadOnlyList<string> Objects,
    string Level,
    string Status,
    DateTimeOffset DetectedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClearedAt,
    JsonElement? Detail);
