namespace Deconflict.Hub.Storage;

/// <summary>An issued API key; only the SHA-256 of its secret is kept.</summary>
public sealed record ApiKeyRecord(string KeyId, string PartyId, byte[] SecretHash, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
