namespace Deconflict.Core.Geodesy;

/// <summary>A position on the WGS-84 ellipsoid in degrees (latitude positive north, longitude positive east).</summary>
public readonly record struct GeoPoint(double LatDeg, double LonDeg);
