using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic;
using Deconflict.Core.Strategic.Geometry;

namespace Deconflict.Core.Utm;

/// <summary>
/// One extent covering several (what an implicit subscription needs): the earliest start, latest end, lowest floor,
/// highest ceiling, and the one outline when all share it, else a circle that holds every outline.
/// </summary>
public static class UtmBounds
{
    public static UtmVolume Of(IReadOnlyList<UtmVolume> volumes)
    {
        ArgumentNullException.ThrowIfNull(volumes);
        if (volumes.Count == 0)
        {
            throw new ArgumentException("at least one volume is needed", nameof(volumes));
        }
        var shapes = volumes.Select(v => v.Shape).Distinct().ToList();
        var shape = shapes.Count == 1 ? shapes[0] : shapes.Any(s => s is null) ? null : Circle(shapes!);
        return new UtmVolume(
            shape,
            volumes.Any(v => v.AltLowerM is null) ? null : volumes.Min(v => v.AltLowerM),
            volumes.Any(v => v.AltUpperM is null) ? null : volumes.Max(v => v.AltUpperM),
            volumes.Any(v => v.TimeStart is null) ? null : volumes.Min(v => v.TimeStart),
            volumes.Any(v => v.TimeEnd is null) ? null : volumes.Max(v => v.TimeEnd));
    }

    /// <summary>True when <paramref name="outer"/>'s window holds every window of <paramref name="inner"/>.</summary>
    public static bool CoversInTime(UtmVolume outer, IReadOnlyList<UtmVolume> inner)
    {
        ArgumentNullException.ThrowIfNull(outer);
        ArgumentNullException.ThrowIfNull(inner);
        return inner.All(v => (outer.TimeStart is null || (v.TimeStart is { } s && s >= outer.TimeStart))
            && (outer.TimeEnd is null || (v.TimeEnd is { } e && e <= outer.TimeEnd)));
    }

    private static CircleShape Circle(IReadOnlyList<VolumeShape> shapes)
    {
        var prepared = shapes.Select(PreparedShape.From).ToList();
        var sum = new Vec3(0, 0, 0);
        foreach (var p in prepared)
        {
            sum += p.CoreCentre;
        }
        var centre = sum.Length < 1e-9 ? prepared[0].CoreCentre : sum.Normalized();
        // Each shape lies in its cap; a cap around the centre reaching past every cap holds them all.
        var reachRad = prepared.Max(p => Vec3.Angle(centre, p.CoreCentre) + p.CapRad);
        return new CircleShape(centre.ToGeo(), reachRad * PreparedShape.HighRatio * PreparedShape.SphereRadiusM);
    }
}
