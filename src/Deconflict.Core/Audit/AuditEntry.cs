namespace Deconflict.Core.Audit;

/// <summary>
/// One link of the tamper-evident log. <see cref="EntryHash"/> commits to every other field
/// (see <see cref="AuditEncoding"/>), <see cref="PreviousHash"/> ties it to the link before, and
/// <see cref="Signature"/> (Ed25519 over the 32 entry-hash bytes, base64url) proves the hub issued it.
/// <see cref="Visibility"/> lists the party ids allowed to read the entry in full
/// (<see cref="AuditEncoding.Everyone"/> for all parties); everyone else sees only its hashes.
/// </summary>
public sealed record AuditEntry(
    long Sequence,
    DateTimeOffset Time,
    string Actor,
    string Action,
    string ObjectType,
    string ObjectId,
    IReadOnlyList<string> Visibility,
    string ContentJson,
    string ContentHash,
    string PreviousHash,
    string EntryHash,
    string? Signature)
{
    /// <summary>Whether <paramref name="party"/> may read this entry in full; null means the hub operator (sees all).</summary>
    public bool IsVisibleTo(string? party) =>
        party is null || Visibility.Contains(AuditEncoding.Everyone) || Visibility.Contains(party);

    /// <summary>The receipt a caller keeps as proof that this entry was written.</summary>
    public AuditReceipt ToReceipt() => new(Sequence, EntryHash,
        Signature ?? throw new InvalidOperationException($"audit entry {Sequence} is not signed"));
}
