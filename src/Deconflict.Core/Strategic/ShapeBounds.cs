using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic.Geometry;

namespace Deconflict.Core.Strategic;

/// <summary>
/// Latitude/longitude boxes that hold a shape, from the same bounding caps the strategic check uses (a corridor leg by
/// leg), so a box filter never misses a shape across the antimeridian or over a pole. Boxes may be larger than the
/// shape, never smaller: a listing filter, never a conflict test.
/// </summary>
public static class ShapeBounds
{
    /// <summary>Boxes whose union holds the shape.</summary>
    public static IReadOnlyList<GeoBox> Of(VolumeShape shape)
    {
        var prepared = PreparedShape.From(shape);
        var grow = PreparedShape.AngleAtMost(prepared.RadiusM);
        if (prepared.Core == ShapeCore.Path && prepared.Points.Length > 2)
        {
            var legs = new List<GeoBox>(prepared.Points.Length - 1);
            for (var i = 0; i + 1 < prepared.Points.Length; i++)
            {
                var (a, b) = (prepared.Points[i], prepared.Points[i + 1]);
                var mid = (a + b).Normalized();
                var half = Math.Max(Vec3.Angle(mid, a), Vec3.Angle(mid, b));
                legs.Add(GeoBox.AroundCap(mid.ToGeo(), (half * (1 + 1e-9)) + 1e-12 + grow));
            }
            return legs;
        }
        return [GeoBox.AroundCap(prepared.CoreCentre.ToGeo(), prepared.CapRad)];
    }

    /// <summary>True when some volume of the intent may reach into <paramref name="box"/>.</summary>
    public static bool MayReach(OperationalIntent intent, GeoBox box)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return intent.Volumes.Any(v => Of(v.Shape).Any(b => b.Intersects(box)));
    }
}
