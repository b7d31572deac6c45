using Deconflict.Core.Geodesy;

namespace Deconflict.Core.Strategic;

/// <summary>
/// Every point within <paramref name="HalfWidthM"/> metres (geodesic) of a path of great-circle arcs, with
/// round caps at both ends. A two-point corridor is an orbit (racetrack).
/// </summary>
public sealed record CorridorShape(IReadOnlyList<GeoPoint> Path, double HalfWidthM) : VolumeShape;
