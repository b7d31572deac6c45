using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace Deconflict.Core.Audit;

/// <summary>
/// Builds the next link of the log: canonical bytes, SHA-256 content and entry hashes, Ed25519 signature.
/// Stateless apart from the signer: the caller (the store, inside its write transaction) passes the last
/// stored entry, so the chain is continued from what is durably in the database and never from memory.
/// <para>
/// Blinding: the content gets a leading <c>"audit_nonce"</c> member of 128 random bits. A redacted export shows an
/// entry's hash; without the nonce a reader could confirm a guess of a hidden entry (actor, action, object, time,
/// content) by hashing it. With it the hash reveals nothing, while the chain and signatures verify as before.
/// </para>
/// </summary>
public sealed class AuditChain(AuditSigner signer, bool blind = true)
{
    public const string NonceMember = "audit_nonce";

    public AuditSigner Signer { get; } = signer;

    /// <summary>
    /// The entry following <paramref name="last"/> (null: the first entry, previous hash = 64 zeros).
    /// The time is normalised to UTC microseconds and, to keep the log monotonic, never precedes the last entry's.
    /// Visibility is sorted and de-duplicated so equal sets hash equally.
    /// </summary>
    public AuditEntry Next(AuditEntry? last, DateTimeOffset time, string actor, string action,
        string objectType, string objectId, IEnumerable<string> visibility, string contentJson) =>
        Next(last?.Sequence ?? 0, last?.EntryHash ?? AuditEncoding.GenesisHash, last?.Time,
            time, actor, action, objectType, objectId, visibility, contentJson);

    /// <summary>As <see cref="Next(AuditEntry?, DateTimeOffset, string, string, string, string, IEnumerable{string}, string)"/>
    /// when the store keeps only the last sequence, hash and time.</summary>
    public AuditEntry Next(long lastSequence, string lastEntryHash, DateTimeOffset? lastTime, DateTimeOffset time,
        string actor, string action, string objectType, string objectId, IEnumerable<string> visibility, string contentJson)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(objectType);
        ArgumentNullException.ThrowIfNull(objectId);
        ArgumentNullException.ThrowIfNull(contentJson);
        if (!AuditEncoding.IsHash(lastEntryHash))
        {
            throw new ArgumentException("previous entry hash must be 64 lowercase hex digits", nameof(lastEntryHash));
        }
        var normalized = AuditEncoding.NormalizeTime(time);
        if (lastTime is { } previous && normalized < previous)
        {
            normalized = AuditEncoding.NormalizeTime(previous);
        }
        var parties = visibility.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var sequence = lastSequence + 1;
        if (blind)
        {
            contentJson = Blind(contentJson);
        }
        var contentHash = AuditEncoding.ContentHash(contentJson);
        var entryHash = AuditEncoding.EntryHash(sequence, normalized, actor, action, objectType, objectId, parties, contentHash, lastEntryHash);
        return new AuditEntry(sequence, normalized, actor, action, objectType, objectId, parties, contentJson,
            contentHash, lastEntryHash, entryHash, Signer.Sign(entryHash));
    }

    /// <summary>The content with a random <c>audit_nonce</c> first: spliced into a JSON object, otherwise wrapping the content.</summary>
    internal static string Blind(string contentJson)
    {
        var nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        var trimmed = contentJson.Trim();
        var isJson = true;
        try
        {
            using var document = JsonDocument.Parse(trimmed);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                var rest = trimmed[1..].TrimStart();
                return $"{{\"{NonceMember}\":\"{nonce}\"" + (rest.StartsWith('}') ? "}" : "," + rest);
            }
        }
        catch (JsonException)
        {
            isJson = false;
        }
        return isJson
            ? $"{{\"{NonceMember}\":\"{nonce}\",\"content\":{trimmed}}}"
            : $"{{\"{NonceMember}\":\"{nonce}\",\"content_text\":{JsonSerializer.Serialize(contentJson)}}}";
    }
}
