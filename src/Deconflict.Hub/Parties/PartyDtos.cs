namespace Deconflict.Hub.Parties;

/// <summary>
/// Body of <c>POST /api/v1/parties</c>; <c>id</c> is optional (default: derived from the name); <c>f3548_subject</c>
/// maps an F3548 token subject (a USS) to this party, which must then be of kind <c>operator</c>.
/// </summary>
public sealed record NewParty(string? Name, string? Kind, string? Id = null, string? F3548Subject = null);

public sealed record PartyView(string Id, string Name, string Kind);

public sealed record PartyCreated(string Id, string Name, string Kind, string ApiKey, string KeyId);

public sealed record KeyIssued(string KeyId, string ApiKey);

public sealed record KeyView(string KeyId, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
