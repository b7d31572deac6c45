using Deconflict.Core.Geodesy;

namespace Deconflict.Core.Strategic;

/// <summary>
/// Outlines of a shape for formats without circles or buffered lines (KML, F3548 polygons): a circle as a geodesic
/// ring, a corridor as one stadium (both sides and both round caps) per leg, whose union is the corridor. Drawn
/// outlines put their vertices on the round parts; holding outlines (for a format that takes the polygon as the
/// space claimed) put them slightly outside (at the radius over cos of half a step), so every edge passes outside
/// the shape: such an outline never claims less space than the shape.
/// </summary>
public static class VolumeOutline
{
    /// <summary>Positions per full turn of a circle or of a corridor's two caps.</summary>
    public const int Steps = 72;

    /// <summary>Longest side edge of a corridor's outline, metres.</summary>
    public const double SideStepM = 5_000;

    // Chords between vertices at r / cos(π / Steps) stay outside the circle of radius r.
    private static readonly double Circumscribe = 1 / Math.Cos(Math.PI / Steps);

    /// <summary>Closed rings (first position not repeated) that together draw the shape, or hold it when <paramref name="holding"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<GeoPoint>> Rings(VolumeShape shape, bool holding = false) => shape switch
    {
        PolygonShape p => [p.Vertices],
        CircleShape c => [Circle(c.Centre, c.RadiusM * (holding ? Circumscribe : 1))],
        CorridorShape k => [.. Legs(k, holding ? Circumscribe : 1)],
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

    private static IEnumerable<List<GeoPoint>> Legs(CorridorShape corridor, double widen)
    {
        var path = corridor.Path;
        if (path.Count == 1)
        {
            yield return Circle(path[0], corridor.HalfWidthM * widen);
            yield break;
        }
        for (var i = 0; i + 1 < path.Count; i++)
        {
            var leg = Geodesic.Inverse(path[i], path[i + 1]);
            // Azimuths leaving the start and arriving at the end; each cap is a half turn around its end.
            var startAz = leg.Azimuth1Deg;
            var endAz = leg.Azimuth2Deg;
            var ring = new List<GeoPoint>(Steps + 2);
            var r = corridor.HalfWidthM * widen;
            // Long legs get side vertices every SideStepM, offset square to the geodesic where they stand, so the
            // sides follow the leg on the ellipsoid instead of cutting a chord across it.
            var sides = (int)Math.Ceiling(leg.DistanceM / SideStepM) - 1;
            for (var k = 0; k <= Steps / 2; k++)
            {
                ring.Add(Offset(path[i + 1], endAz - 90 + (180.0 * k / (Steps / 2)), r));
            }
            for (var k = sides; k >= 1; k--)
            {
                var at = Geodesic.Direct(path[i], startAz, leg.DistanceM * k / (sides + 1));
                ring.Add(Offset(new GeoPoint(at.LatDeg, at.LonDeg), at.Azimuth2Deg + 90, r));
            }
            for (var k = 0; k <= Steps / 2; k++)
            {
                ring.Add(Offset(path[i], startAz + 90 + (180.0 * k / (Steps / 2)), r));
            }
            for (var k = 1; k <= sides; k++)
            {
                var at = Geodesic.Direct(path[i], startAz, leg.DistanceM * k / (sides + 1));
                ring.Add(Offset(new GeoPoint(at.LatDeg, at.LonDeg), at.Azimuth2Deg - 90, r));
            }
            yield return ring;
        }
    }

    private static GeoPoint Offset(GeoPoint from, double azimuthDeg, double distanceM)
    {
        var d = Geodesic.Direct(from, azimuthDeg, distanceM);
        return new GeoPoint(d.LatDeg, d.LonDeg);
    }
}
