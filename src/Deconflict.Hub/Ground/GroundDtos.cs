namespace Deconflict.Hub.Ground;

/// <summary>Reply to a site, movement or zone PUT: who was notified, and the conflicts with fire areas it is in.</summary>
public sealed record GroundWritten(string Id, string Kind, string Party, long Version, IReadOnlyList<string> NotifiedParties, IReadOnlyList<GroundConflictRef> Conflicts);

/// <summary>A ground conflict as listed in replies: the conflict, the other object and its party.</summary>
public sealed record GroundConflictRef(string ConflictId, string ObjectKind, string ObjectId, string Party, double? DistanceM);

/// <summary>The body of <c>POST /api/v1/strikes</c>: a position as lat/lon or MGRS, a time, optional effects radius and id.</summary>
public sealed record StrikeBody(string? IntentId, double? LatDeg, double? LonDeg, string? Mgrs, DateTimeOffset? T, double? RadiusM, string? Id);

/// <summary>
/// A reported strike and its assessment as one reader sees it: <see cref="Hits"/> only on objects the reader may see;
/// the striker is told no more of a hidden protected object than <see cref="ProtectedObjectHit"/> and the notice.
/// </summary>
public sealed record StrikeView(
    string Id,
    string Party,
    string IntentId,
    double LatDeg,
    double LonDeg,
    string Mgrs,
    DateTimeOffset T,
    double RadiusM,
    bool InsideDeclaredZone,
    IReadOnlyList<string> ZoneIds,
    double? OutsideNearestZoneM,
    bool InsideIntent,
    IReadOnlyList<GroundConflictRef> Hits,
    bool? ProtectedObjectHit = null,
    string? Notice = null);

/// <summary>One party's acknowledgement of a site notification.</summary>
public sealed record SiteAckView(string SiteId, string Party, long Version, DateTimeOffset AckedAt, bool Current);

/// <summary>Reply to designating an intent as a fire/strike area.</summary>
public sealed record FireAreaView(string IntentId, string Party, bool FireArea, IReadOnlyList<GroundConflictRef> Conflicts);
