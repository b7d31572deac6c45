namespace Deconflict.Hub.Storage;

/// <summary>
/// A detected conflict of any kind (strategic, tactical, ground, conformance). <see cref="PairKey"/> identifies
/// the situation (kind + objects) so that a re-detected conflict updates the open record instead of adding one.
/// </summary>
public sealed record ConflictRecord(
    string Id,
    string Kind,
    string Status,
    string Level,
    IReadOnlyList<string> Parties,
    IReadOnlyList<string> Objects,
    string PairKey,
    DateTimeOffset DetectedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClearedAt,
    string DetailJson);
