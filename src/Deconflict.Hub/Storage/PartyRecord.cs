namespace Deconflict.Hub.Storage;

public sealed record PartyRecord(string Id, string Name, string Kind, DateTimeOffset CreatedAt);
