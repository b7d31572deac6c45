namespace Deconflict.Core.Strategic;

/// <summary>
/// The horizontal outline of a volume on the WGS-84 ellipsoid. Edges and paths are great-circle arcs
/// between the given geodetic positions; radii and half-widths are geodesic distances in metres.
/// </summary>
public abstract record VolumeShape;
