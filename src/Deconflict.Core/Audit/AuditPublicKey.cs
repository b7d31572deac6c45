using System.Buffers.Text;
using NSec.Cryptography;

namespace Deconflict.Core.Audit;

/// <summary>The hub's Ed25519 public key, as published at <c>GET /api/v1/audit/key</c> (raw 32 bytes, base64).</summary>
public sealed class AuditPublicKey
{
    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private readonly PublicKey _key;

    public AuditPublicKey(ReadOnlySpan<byte> raw)
    {
        if (!PublicKey.TryImport(Algorithm, raw, KeyBlobFormat.RawPublicKey, out var key) || key is null)
        {
            throw new FormatException("not a 32-byte Ed25519 public key");
        }
        _key = key;
        Base64 = Convert.ToBase64String(raw);
    }

    public const string AlgorithmName = "Ed25519";

    /// <summary>Standard base64 of the raw 32-byte key.</summary>
    public string Base64 { get; }

    /// <summary>Parses standard or url-safe base64 of the raw key.</summary>
    public static AuditPublicKey Parse(string text)
    {
        var trimmed = text.Trim();
        byte[] raw;
        try
        {
            raw = trimmed.Contains('-', StringComparison.Ordinal) || trimmed.Contains('_', StringComparison.Ordinal) || trimmed.Length % 4 != 0
                ? Base64Url.DecodeFromChars(trimmed.TrimEnd('='))
                : Convert.FromBase64String(trimmed);
        }
        catch (FormatException)
        {
            throw new FormatException("public key is not base64");
        }
        return new AuditPublicKey(raw);
    }

    /// <summary>Checks a base64url Ed25519 signature over the 32 bytes of <paramref name="entryHashHex"/>.</summary>
    public bool Verify(string entryHashHex, string signature)
    {
        if (!AuditEncoding.IsHash(entryHashHex))
        {
            return false;
        }
        byte[] raw;
        try
        {
            raw = Base64Url.DecodeFromChars(signature);
        }
        catch (FormatException)
        {
            return false;
        }
        return raw.Length == Algorithm.SignatureSize
            && Algorithm.Verify(_key, Convert.FromHexString(entryHashHex), raw);
    }

    public override string ToString() => Base64;
}
