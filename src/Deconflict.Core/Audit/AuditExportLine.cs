namespace Deconflict.Core.Audit;

/// <summary>
/// One line of an exported log. A full line carries the whole <see cref="Entry"/>; a redacted line
/// (the reader may not see the entry) carries only the sequence, the previous and entry hashes and the
/// signature, so the chain still verifies while nothing of the entry is revealed.
/// </summary>
public sealed record AuditExportLine(long Sequence, string PreviousHash, string EntryHash, string? Signature, AuditEntry? Entry)
{
    public bool IsRedacted => Entry is null;

    public static AuditExportLine Full(AuditEntry entry) =>
        new(entry.Sequence, entry.PreviousHash, entry.EntryHash, entry.Signature, entry);

    public static AuditExportLine Redacted(AuditEntry entry) =>
        new(entry.Sequence, entry.PreviousHash, entry.EntryHash, entry.Signature, null);

    /// <summary>The line <paramref name="reader"/> may receive (null: the hub operator, who sees everything).</summary>
    public static AuditExportLine For(AuditEntry entry, string? reader) =>
        entry.IsVisibleTo(reader) ? Full(entry) : Redacted(entry);
}
