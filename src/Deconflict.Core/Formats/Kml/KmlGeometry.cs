namespace Deconflict.Core.Formats.Kml;

/// <summary>
/// A KML geometry as written and read: positions with altitudes in metres (absolute, above mean sea level, when
/// given), <see cref="Extrude"/> drawing walls to the ground. <see cref="Line"/> is where it was read (0 when written).
/// </summary>
public abstract record KmlGeometry(bool Extrude, string? AltitudeMode, int Line);

/// <summary>A <c>Point</c>.</summary>
public sealed record KmlPoint(KmlCoordinate At, bool Extrude = false, string? AltitudeMode = null, int Line = 0)
    : KmlGeometry(Extrude, AltitudeMode, Line);

/// <summary>A <c>LineString</c>.</summary>
public sealed record KmlLineString(IReadOnlyList<KmlCoordinate> Path, bool Extrude = false, string? AltitudeMode = null, int Line = 0)
    : KmlGeometry(Extrude, AltitudeMode, Line);

/// <summary>A <c>Polygon</c>: its outer ring as written in the file (closed: the last position repeats the first) and how many inner rings it had.</summary>
public sealed record KmlPolygon(IReadOnlyList<KmlCoordinate> Outer, int InnerRings = 0, bool Extrude = false, string? AltitudeMode = null, int Line = 0)
    : KmlGeometry(Extrude, AltitudeMode, Line);
