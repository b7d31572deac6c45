namespace Deconflict.Hub.Ground;

/// <summary>The transparency report: one entry per party the caller may see something of (always the caller itself).</summary>
public sealed record TransparencyReport(DateTimeOffset From, DateTimeOffset To, List<PartyTransparency> Parties);

/// <summary>One party's declared and reported activity in the window, with the mismatches called out.</summary>
public sealed record PartyTransparency(
    string Party,
    IReadOnlyList<DeclaredZone> DeclaredZones,
    IReadOnlyList<DeclaredIntent> DeclaredIntents,
    IReadOnlyList<StrikeView> Strikes,
    IReadOnlyList<string> StrikesOutsideDeclaredZones,
    IReadOnlyList<string> StrikesOutsideIntent,
    IReadOnlyList<string> StrikesNearProtectedObjects,
    IReadOnlyList<UnacknowledgedNotification> UnacknowledgedNotifications,
    IReadOnlyList<NonconformingTrack> NonconformingTracks);

/// <summary>A declared zone of operations as listed in the report.</summary>
public sealed record DeclaredZone(string Id, DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo, long Version);

/// <summary>A declared intent as listed in the report; <see cref="FireArea"/> when designated as a fire/strike area.</summary>
public sealed record DeclaredIntent(string Id, string State, DateTimeOffset TimeStart, DateTimeOffset TimeEnd, bool FireArea);

/// <summary>A site notification (current version) the party has not acknowledged.</summary>
public sealed record UnacknowledgedNotification(string SiteId, string Organisation, long Version, DateTimeOffset NotifiedAt);

/// <summary>A live track that left its declared intent (a conformance conflict the caller is part of) in the window.</summary>
public sealed record NonconformingTrack(string ConflictId, IReadOnlyList<string> Objects, string Status, DateTimeOffset DetectedAt);
