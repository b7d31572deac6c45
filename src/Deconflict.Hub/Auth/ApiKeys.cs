using System.Security.Cryptography;
using System.Text;

namespace Deconflict.Hub.Auth;

/// <summary>
/// API keys look like <c>dcf_&lt;key id&gt;_&lt;secret&gt;</c>: a public key id (to find the row) and a random
/// 256-bit secret of which only the SHA-256 is stored and compared in constant time.
/// </summary>
public static class ApiKeys
{
    public const string Prefix = "dcf_";

    public static (string KeyId, string ApiKey, byte[] SecretHash) Generate()
    {
        var keyId = "k" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        return (keyId, $"{Prefix}{keyId}_{secret}", Hash(secret));
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static bool TryParse(string apiKey, out string keyId, out string secret)
    {
        keyId = "";
        secret = "";
        if (!apiKey.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var parts = apiKey[Prefix.Length..].Split('_');
        if (parts.Length != 2 || parts[0].Length is 0 or > 64 || parts[1].Length is 0 or > 256)
        {
            return false;
        }
        keyId = parts[0];
        secret = parts[1];
        return true;
    }

    /// <summary>Constant-time comparison of a presented secret with a stored hash.</summary>
    public static bool Matches(string secret, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(secret), storedHash);
}
