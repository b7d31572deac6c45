using System.Globalization;

namespace Deconflict.Core.Audit;

/// <summary>
/// Proof a caller keeps that the hub wrote an entry: <c>&lt;seq&gt;.&lt;entry hash hex&gt;.&lt;signature base64url&gt;</c>,
/// sent as the <c>Audit-Receipt</c> header. The signature is the hub's Ed25519 signature over the entry hash,
/// so a later log that lacks this entry, or ends before it, is proven altered.
/// </summary>
public readonly record struct AuditReceipt(long Sequence, string EntryHash, string Signature)
{
    public const string HeaderName = "Audit-Receipt";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Sequence}.{EntryHash}.{Signature}");

    public static AuditReceipt Parse(string text) =>
        TryParse(text, out var receipt, out var problem) ? receipt : throw new FormatException(problem);

    public static bool TryParse(string? text, out AuditReceipt receipt) => TryParse(text, out receipt, out _);

    private static bool TryParse(string? text, out AuditReceipt receipt, out string problem)
    {
        receipt = default;
        var parts = (text ?? "").Trim().Split('.');
        if (parts.Length != 3)
        {
            problem = "receipt must be <sequence>.<entry hash hex>.<signature base64url>";
            return false;
        }
        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence < 1)
        {
            problem = $"receipt sequence '{parts[0]}' is not a positive integer";
            return false;
        }
        var hash = parts[1].ToLowerInvariant();
        if (!AuditEncoding.IsHash(hash))
        {
            problem = "receipt entry hash must be 64 hex digits";
            return false;
        }
        if (parts[2].Length == 0 || !parts[2].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            problem = "receipt signature must be base64url";
            return false;
        }
        receipt = new AuditReceipt(sequence, hash, parts[2]);
        problem = "";
        return true;
    }
}
