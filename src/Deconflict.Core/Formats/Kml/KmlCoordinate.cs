namespace Deconflict.Core.Formats.Kml;

/// <summary>One KML position: longitude and latitude in degrees, altitude in metres (null: on the ground).</summary>
public readonly record struct KmlCoordinate(double LonDeg, double LatDeg, double? AltitudeM);
