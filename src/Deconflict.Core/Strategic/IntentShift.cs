using Deconflict.Core.Geodesy;

namespace Deconflict.Core.Strategic;

/// <summary>
/// Moves an intent as a whole, the way alternatives do: every window by the same time, every band by the same height
/// (thickness kept), every corridor sideways by the same distance. Each returns null when the move leaves what an
/// intent may be (a band below <see cref="FloorFt"/> or above <see cref="CeilingFt"/>; a lateral move of an intent
/// with a volume that is not a corridor).
/// </summary>
public static class IntentShift
{
    /// <summary>Lowest band bottom a move may reach: mean sea level (a band already below it is not lowered).</summary>
    public const double FloorFt = 0;

    /// <summary>Highest band top a move may reach: the highest any intent may declare.</summary>
    public const double CeilingFt = 200_000;

    /// <summary>Largest factor by which a corridor's vertex moves farther than its legs at a sharp turn (turns over 120° are cut short).</summary>
    public const double MaxMitre = 2;

    /// <summary>Every window moved by <paramref name="seconds"/> (to the tick).</summary>
    public static OperationalIntent Time(OperationalIntent intent, double seconds)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var ticks = (long)Math.Round(seconds * TimeSpan.TicksPerSecond);
        return intent with { Volumes = [.. intent.Volumes.Select(v => v with { TimeStart = v.TimeStart.AddTicks(ticks), TimeEnd = v.TimeEnd.AddTicks(ticks) })] };
    }

    /// <summary>Every band moved by <paramref name="feet"/>; null when a band would leave <see cref="FloorFt"/>..<see cref="CeilingFt"/>.</summary>
    public static OperationalIntent? Band(OperationalIntent intent, double feet)
    {
        ArgumentNullException.ThrowIfNull(intent);
        if (intent.Volumes.Any(v => v.AltLowerFt + feet < FloorFt || v.AltUpperFt + feet > CeilingFt))
        {
            return null;
        }
        return intent with { Volumes = [.. intent.Volumes.Select(v => v with { AltLowerFt = v.AltLowerFt + feet, AltUpperFt = v.AltUpperFt + feet })] };
    }

    /// <summary>
    /// Every corridor's path moved <paramref name="metres"/> to the right of its direction of travel (negative: to the
    /// left); null unless every volume is a corridor. See <see cref="OffsetPath"/>.
    /// </summary>
    public static OperationalIntent? Lateral(OperationalIntent intent, double metres)
    {
        ArgumentNullException.ThrowIfNull(intent);
        if (!intent.Volumes.All(v => v.Shape is CorridorShape))
        {
            return null;
        }
        return intent with
        {
            Volumes = [.. intent.Volumes.Select(v => v with { Shape = ((CorridorShape)v.Shape) with { Path = OffsetPath(((CorridorShape)v.Shape).Path, metres) } })],
        };
    }

    /// <summary>
    /// The path parallel to <paramref name="path"/> at <paramref name="metres"/> to its right (negative: left): each end
    /// moves perpendicular to its leg, each turn along the bisector of its two legs by metres / cos(half the turn), so
    /// both legs keep the offset (capped at <see cref="MaxMitre"/> times it at sharp turns). Geodesic moves on WGS-84,
    /// so the antimeridian and the poles are not special.
    /// </summary>
    public static IReadOnlyList<GeoPoint> OffsetPath(IReadOnlyList<GeoPoint> path, double metres)
    {
        ArgumentNullException.ThrowIfNull(path);
        var moved = new GeoPoint[path.Count];
        for (var i = 0; i < path.Count; i++)
        {
            double? arrive = null, leave = null;
            if (i > 0 && Geodesic.Inverse(path[i - 1], path[i]) is { DistanceM: > 0 } a)
            {
                arrive = a.Azimuth2Deg;
            }
            if (i < path.Count - 1 && Geodesic.Inverse(path[i], path[i + 1]) is { DistanceM: > 0 } b)
            {
                leave = b.Azimuth1Deg;
            }
            if (arrive is null && leave is null)
            {
                moved[i] = path[i];
                continue;
            }
            var heading = arrive ?? leave!.Value;
            var mitre = 1.0;
            if (arrive is { } x && leave is { } y)
            {
                var half = AngleMath.Normalize(y - x) / 2;
                heading = x + half;
                mitre = Math.Min(MaxMitre, 1 / Math.Cos(half * Math.PI / 180));
            }
            var d = Geodesic.Direct(path[i], heading + 90, metres * mitre);
            moved[i] = new GeoPoint(d.LatDeg, d.LonDeg);
        }
        return moved;
    }
}
