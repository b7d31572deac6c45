namespace Deconflict.Hub.Parties;

/// <summary>Body of <c>POST /api/v1/parties</c>; <c>id</c> is optional (default: derived from the name).</summary>
public sealed record NewParty(string? Name, string? Kind, string? Id = null);

public sealed record PartyView(string Id, string Name, string Kind);

public sealed record PartyCreated(string Id, string Name, string Kind, string ApiKey, string KeyId);

public sealed record KeyIssued(string KeyId, string ApiKey);

public sealed record KeyView(string KeyId, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
