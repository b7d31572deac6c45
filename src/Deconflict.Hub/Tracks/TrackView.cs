namespace Deconflict.Hub.Tracks;

/// <summary>A live track as <c>GET /api/v1/tracks</c> and the <c>track</c> event show it (absent values are null).</summary>
public sealed record TrackView(
    string Id,
    string Party,
    DateTimeOffset T,
    double LatDeg,
    double LonDeg,
    double? AltFt,
    double? GsKt,
    double? TrkDeg,
    double? VsFpm,
    string? IntentId,
    string? Callsign);
