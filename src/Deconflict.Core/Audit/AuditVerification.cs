namespace Deconflict.Core.Audit;

/// <summary>
/// Outcome of checking a log. When invalid, <see cref="FirstBadSequence"/> is the first sequence number at which
/// the log stops being the one the hub signed (for a dropped or reordered entry: the sequence that should have come next)
/// and <see cref="Problem"/> says why.
/// </summary>
public sealed record AuditVerification(
    bool IsValid,
    long? FirstBadSequence,
    string? Problem,
    long Entries,
    long FullEntries,
    long RedactedEntries,
    long? FirstSequence,
    long? LastSequence,
    string? LastEntryHash,
    bool SignaturesChecked,
    int ReceiptsChecked);
