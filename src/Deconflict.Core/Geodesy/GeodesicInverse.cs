namespace Deconflict.Core.Geodesy;

/// <summary>
/// Solution of the inverse geodesic problem: the length of the shortest path between two points
/// and the azimuths (degrees clockwise from north, in [-180, 180]) at both ends. <see cref="Azimuth2Deg"/>
/// is the direction of travel on arrival at point 2, as in GeographicLib.
/// </summary>
public readonly record struct GeodesicInverse(double DistanceM, double Azimuth1Deg, double Azimuth2Deg);
