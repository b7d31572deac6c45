namespace Deconflict.Hub.Storage;

/// <summary>A persisted hub event, replayed to SSE clients that resume with <c>Last-Event-ID</c>.</summary>
public sealed record EventRecord(long Sequence, string Type, string ObjectId, string OwnerParty, IReadOnlyList<string> Parties, string DataJson, DateTimeOffset Time);
