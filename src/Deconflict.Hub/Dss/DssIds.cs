using System.Security.Cryptography;

namespace Deconflict.Hub.Dss;

/// <summary>F3548 identifiers: entity and subscription ids are UUIDv4 strings; OVNs and versions are opaque and new on every change.</summary>
public static class DssIds
{
    public static string Check(string id, string field)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.Length != 36 || !Guid.TryParseExact(id, "D", out _))
        {
            throw new DssInputException(field, $"'{(id.Length > 64 ? id[..64] + "…" : id)}' is not a UUID");
        }
        return id.ToLowerInvariant();
    }

    /// <summary>A new OVN: 128 random bits, base64url (22 characters, within F3548's 16–128).</summary>
    public static string NewOvn() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A new subscription or availability version.</summary>
    public static string NewVersion() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
