using System.Text.Json;
using Deconflict.Hub.Conflicts;

namespace Deconflict.Hub.Exports;

/// <summary>
/// Where and when a conflict is, from the detail its reader may see: the predicted loss-of-separation position of a
/// tactical conflict, the aircraft's position of a conformance one; the overlap window of a strategic one, the
/// loss-of-separation window of a tactical one. Null when the view carries none (no detail, or a ground conflict).
/// </summary>
public static class ConflictPlace
{
    public static (double Lat, double Lon, double? AltFt)? Position(ConflictView c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Detail is not { ValueKind: JsonValueKind.Object } d)
        {
            return null;
        }
        foreach (var (lat, lon) in new[] { ("los_lat_deg", "los_lon_deg"), ("lat_deg", "lon_deg") })
        {
            if (Number(d, lat) is { } la && Number(d, lon) is { } lo)
            {
                return (la, lo, Number(d, "alt_ft"));
            }
        }
        return null;
    }

    public static (string? Start, string? End) Window(ConflictView c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Detail is not { ValueKind: JsonValueKind.Object } d)
        {
            return (null, null);
        }
        foreach (var (start, end) in new[] { ("overlap_start", "overlap_end"), ("los_start", "los_end") })
        {
            if (Text(d, start) is { } s && Text(d, end) is { } e)
            {
                return (s, e);
            }
        }
        return (Text(d, "at"), null);
    }

    /// <summary>The detail's plain members (numbers, strings, booleans) in order, for ExtendedData and CSV columns.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Members(ConflictView c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Detail is not { ValueKind: JsonValueKind.Object } d)
        {
            yield break;
        }
        foreach (var p in d.EnumerateObject())
        {
            if (p.Value.ValueKind is JsonValueKind.Number or JsonValueKind.String or JsonValueKind.True or JsonValueKind.False)
            {
                yield return new(p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText());
            }
        }
    }

    private static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
