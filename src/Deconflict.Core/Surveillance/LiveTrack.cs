namespace Deconflict.Core.Surveillance;

/// <summary>The latest known state of one live track, as read out of <see cref="LiveTrackStore"/> (NaN = never reported).</summary>
public readonly record struct LiveTrack(
    string Id,
    string? Party,
    string? IntentId,
    string? Callsign,
    double TimeS,
    double LatDeg,
    double LonDeg,
    double AltFt,
    double GsKt,
    double TrkDeg,
    double VsFpm);
