namespace Deconflict.Hub.Tracks;

/// <summary>An aircraft's current altitude (ft), ground speed (kt), track (deg) and vertical speed (ft/min).</summary>
public sealed record BandValues(double AltFt, double GsKt, double TrkDeg, double VsFpm);
