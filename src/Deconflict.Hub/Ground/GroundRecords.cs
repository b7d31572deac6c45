namespace Deconflict.Hub.Ground;

/// <summary>A stored site, movement or zone: <see cref="Kind"/> is <c>site</c>, <c>movement</c> or <c>zone</c>; the Feature is in <see cref="GeoJson"/>.</summary>
public sealed record GroundObjectRecord(
    string Kind,
    string Id,
    string Party,
    long Version,
    string? Category,
    string GeoJson,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidTo,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? EndedAt);

/// <summary>A party's acknowledgement that it received one version of the site (<see cref="SiteParty"/>, <see cref="SiteId"/>).</summary>
public sealed record SiteAckRecord(string SiteParty, string SiteId, string PartyId, long Version, DateTimeOffset AckedAt, string Receipt);

/// <summary>A reported strike with its assessment (JSON) at the time it was reported.</summary>
public sealed record StrikeRecord(
    string Id,
    string Party,
    string IntentId,
    double LatDeg,
    double LonDeg,
    DateTimeOffset Time,
    double RadiusM,
    bool InsideZone,
    string AssessmentJson,
    DateTimeOffset CreatedAt);
