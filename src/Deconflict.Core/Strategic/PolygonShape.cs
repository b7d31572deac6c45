using Deconflict.Core.Geodesy;

namespace Deconflict.Core.Strategic;

/// <summary>
/// An area bounded by great-circle arcs between consecutive vertices (the ring closes itself; the first
/// vertex is not repeated). Of the two regions a ring splits the sphere into, the smaller is meant.
/// </summary>
public sealed record PolygonShape(IReadOnlyList<GeoPoint> Vertices) : VolumeShape;
