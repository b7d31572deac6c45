namespace Deconflict.Hub.Intents;

/// <summary>One conflict as listed in a write reply or a 409: the other intent's id and party only as far as its owner shares with the reader.</summary>
public sealed record ConflictRef(string? IntentId, string? Party, bool Blocking, string? ConflictId = null);

/// <summary>
/// Reply to a successful PUT or state change. <paramref name="Alternatives"/>: on a PUT, the conflict-free variants of
/// an intent stored with conflicts (empty when it has none); null on other writes.
/// </summary>
public sealed record IntentWritten(string Id, string Party, long Version, string State, int Priority, IReadOnlyList<ConflictRef> Conflicts,
    IReadOnlyList<IntentAlternativeView>? Alternatives = null);

/// <summary>An entry of <c>GET /api/v1/intents</c>.</summary>
public sealed record IntentSummary(string Id, string Party, string State, long Version, int Priority, DateTimeOffset TimeStart, DateTimeOffset TimeEnd);

/// <summary>Body of <c>POST /api/v1/intents/{id}/state</c>.</summary>
public sealed record StateChange(string? State);
