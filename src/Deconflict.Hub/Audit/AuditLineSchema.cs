using System.ComponentModel;

namespace Deconflict.Hub.Audit;

/// <summary>
/// The schema of one line of the audit export (format version 1, written by Core's <c>AuditExport</c>): an entry
/// the reader may see in full, or reduced to its hashes (<c>redacted: true</c>, the other members absent).
/// </summary>
public sealed record AuditLineSchema(
    [property: Description("Format version: 1.")] int V,
    long Seq,
    string PrevHash,
    string EntryHash,
    [property: Description("Ed25519 signature of entry_hash, base64url; null on entries written before signing.")] string? Signature,
    [property: Description("Present and true on an entry the reader may not see.")] bool? Redacted = null,
    DateTimeOffset? Time = null,
    string? Actor = null,
    string? Action = null,
    string? ObjectType = null,
    string? ObjectId = null,
    IReadOnlyList<string>? Visibility = null,
    [property: Description("The exact content text, so its hash can be recomputed byte for byte.")] string? ContentJson = null,
    string? ContentHash = null);
