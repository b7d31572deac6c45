namespace Deconflict.Core.Surveillance;

/// <summary>
/// A track flying a named intent left all of that intent's volumes (<see cref="Conforming"/> false)
/// or returned inside (true). <see cref="DistanceOutsideM"/> is the horizontal distance to the
/// nearest volume active at the time (0 when the breach is vertical or temporal only).
/// </summary>
public readonly record struct ConformanceChange(
    string TrackId,
    string IntentId,
    string? Party,
    bool Conforming,
    double TimeS,
    double LatDeg,
    double LonDeg,
    double AltFt,
    double DistanceOutsideM);
