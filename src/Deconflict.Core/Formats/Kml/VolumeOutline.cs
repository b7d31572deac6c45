using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic;

namespace Deconflict.Core.Formats.Kml;

/// <summary>
/// Outlines that draw a shape in formats without circles or buffered lines (KML): a circle as a geodesic ring, a
/// corridor as one stadium (both sides and both round caps) per leg, whose union is exactly the corridor. The
/// outlines are for display only; the shape itself travels beside them.
/// </summary>
public static class VolumeOutline
{
    /// <summary>Positions per full turn of a circle or of a corridor's two caps.</summary>
    public const int Steps = 72;

    /// <summary>Closed rings (first position not repeated) that together cover the shape.</summary>
    public static IReadOnlyList<IReadOnlyList<GeoPoint>> Rings(VolumeShape shape) => shape switch
    {
        PolygonShape p => [p.Vertices],
        CircleShape c => [Circle(c.Centre, c.RadiusM)],
        CorridorShape k => [.. Legs(k)],
        _ => throw new ArgumentException($"unknown shape {shape.GetType().Name}", nameof(shape)),
    };

    private static List<GeoPoint> Circle(GeoPoint centre, double radiusM)
    {
        var ring = new List<GeoPoint>(Steps);
        for (var k = 0; k < Steps; k++)
        {
            var d = Geodesic.Direct(centre, 360.0 * k / Steps, radiusM);
            ring.Add(new GeoPoint(d.LatDeg, d.LonDeg));
        }
        return ring;
    }

    private static IEnumerable<List<GeoPoint>> Legs(CorridorShape corridor)
    {
        var path = corridor.Path;
        if (path.Count == 1)
        {
            yield return Circle(path[0], corridor.HalfWidthM);
            yield break;
        }
        for (var i = 0; i + 1 < path.Count; i++)
        {
            var leg = Geodesic.Inverse(path[i], path[i + 1]);
            // Azimuths leaving the start and arriving at the end; each cap is a half turn around its end.
            var startAz = leg.Azimuth1Deg;
            var endAz = leg.Azimuth2Deg;
            var ring = new List<GeoPoint>(Steps + 2);
            for (var k = 0; k <= Steps / 2; k++)
            {
                var d = Geodesic.Direct(path[i + 1], endAz - 90 + (180.0 * k / (Steps / 2)), corridor.HalfWidthM);
                ring.Add(new GeoPoint(d.LatDeg, d.LonDeg));
            }
            for (var k = 0; k <= Steps / 2; k++)
            {
                var d = Geodesic.Direct(path[i], startAz + 90 + (180.0 * k / (Steps / 2)), corridor.HalfWidthM);
                ring.Add(new GeoPoint(d.LatDeg, d.LonDeg));
            }
            yield return ring;
        }
    }
}
