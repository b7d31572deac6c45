using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic;
using Deconflict.Core.Strategic.Geometry;

namespace Deconflict.Core.Utm;

/// <summary>
/// F3548 outlines as the hub's shapes: a polygon of great-circle edges (a closing vertex equal to the first is
/// dropped) or a geodesic circle, each checked by the same rules as every other shape, plus a size limit; and the
/// other way, a hub shape as outlines a USS understands (a corridor becomes one polygon per leg).
/// </summary>
public static class UtmShapes
{
    /// <summary>A polygon outline, or the problem in words.</summary>
    public static (VolumeShape? Shape, string? Problem) Polygon(IReadOnlyList<GeoPoint> vertices, double maxRadiusM)
    {
        ArgumentNullException.ThrowIfNull(vertices);
        var ring = vertices.Count > 3 && vertices[0] == vertices[^1] ? vertices.Take(vertices.Count - 1).ToList() : vertices.ToList();
        if (ring.Count < 3)
        {
            return (null, $"a polygon needs at least 3 vertices, found {ring.Count}");
        }
        if (ShapeRules.CheckPolygon(ring) is { } problem)
        {
            return (null, problem);
        }
        var shape = new PolygonShape(ring);
        return TooLarge(shape, maxRadiusM) is { } large ? (null, large) : (shape, null);
    }

    /// <summary>A circle outline, or the problem in words.</summary>
    public static (VolumeShape? Shape, string? Problem) Circle(GeoPoint centre, double radiusM, double maxRadiusM)
    {
        if (ShapeRules.CheckCircle(centre) is { } bad)
        {
            return (null, bad);
        }
        if (ShapeRules.CheckRadius(radiusM, "radius") is { } badRadius)
        {
            return (null, badRadius);
        }
        var shape = new CircleShape(centre, radiusM);
        return TooLarge(shape, maxRadiusM) is { } large ? (null, large) : (shape, null);
    }

    /// <summary>
    /// The hub shape as outlines a USS understands: polygons and circles as they are, a corridor as one polygon per
    /// leg (its stadium, <see cref="VolumeOutline"/>) whose union holds the corridor, a one-point corridor as a circle.
    /// </summary>
    public static IReadOnlyList<VolumeShape> AsOutlines(VolumeShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return shape switch
        {
            CorridorShape { Path.Count: 1 } c => [new CircleShape(c.Path[0], c.HalfWidthM)],
            CorridorShape c => [.. VolumeOutline.Rings(c, holding: true).Select(ring => (VolumeShape)new PolygonShape(ring))],
            _ => [shape],
        };
    }

    private static string? TooLarge(VolumeShape shape, double maxRadiusM)
    {
        var prepared = PreparedShape.From(shape);
        var reachM = (prepared.CoreCapRad * PreparedShape.LowRatio * PreparedShape.SphereRadiusM) + prepared.RadiusM;
        return reachM > maxRadiusM ? $"the area is too large (it must fit within {maxRadiusM / 1000:0.#} km of its centre)" : null;
    }
}
