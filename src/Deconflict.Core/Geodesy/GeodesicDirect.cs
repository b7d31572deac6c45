namespace Deconflict.Core.Geodesy;

/// <summary>
/// Solution of the direct geodesic problem: the point reached after travelling a distance along a
/// geodesic, and the azimuth of travel there (degrees clockwise from north, in [-180, 180]).
/// </summary>
public readonly record struct GeodesicDirect(double LatDeg, double LonDeg, double Azimuth2Deg);
