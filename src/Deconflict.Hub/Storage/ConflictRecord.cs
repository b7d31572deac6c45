using Deconflict.Hub.Access;

namespace Deconflict.Hub.Storage;

/// <summary>
/// A detected conflict of any kind (strategic, tactical, ground, conformance). <see cref="Objects"/> names each
/// object by (kind, owner party, id); <see cref="PairKey"/> identifies the situation (kind + objects, see
/// <see cref="ObjectRef.KeyOf"/>) so that a re-detected conflict updates the open record instead of adding one.
/// </summary>
public sealed record ConflictRecord(
    string Id,
    string Kind,
    string Status,
    string Level,
    IReadOnlyList<string> Parties,
    IReadOnlyList<ObjectRef> Objects,
    string PairKey,
    DateTimeOffset DetectedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClearedAt,
    string DetailJson);
