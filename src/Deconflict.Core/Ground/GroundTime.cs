namespace Deconflict.Core.Ground;

/// <summary>Validity windows of ground objects: half-open [from, to), a null bound is unbounded.</summary>
public static class GroundTime
{
    public static bool Contains(DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset t) =>
        (from is null || from <= t) && (to is null || t < to);

    public static bool Overlaps(DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset start, DateTimeOffset end) =>
        (from is null || from < end) && (to is null || start < to);
}
