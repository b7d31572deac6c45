using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deconflict.Core.Geodesy;

namespace Deconflict.Core.Strategic;

/// <summary>One GeoJSON Feature read into a volume plus the intent-level members it carried (null when absent).</summary>
internal sealed record IntentFeature(string? IntentId, string? Party, IntentState? State, int? Priority, Volume4D Volume)
{
    private static readonly Regex IsoUtc = new(
        @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Reads one feature; <paramref name="trusted"/> (a row the hub stored after checking it) skips the shape rules.</summary>
    public static IntentFeature Read(JsonElement feature, int index, bool trusted = false)
    {
        if (feature.ValueKind != JsonValueKind.Object)
        {
            throw Fail(index, "type", "a feature must be a JSON object");
        }
        if (!feature.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "Feature")
        {
            throw Fail(index, "type", "must be \"Feature\"");
        }
        if (!feature.TryGetProperty("properties", out var props) || props.ValueKind != JsonValueKind.Object)
        {
            throw Fail(index, "properties", "missing or not an object");
        }
        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
        {
            throw Fail(index, "geometry", "missing or not an object");
        }

        var intentId = OptionalString(props, "intent_id", index);
        var party = OptionalString(props, "party", index);
        IntentState? state = props.TryGetProperty("state", out var s) && s.ValueKind != JsonValueKind.Null ? ParseState(s, index, "state") : null;
        int? priority = props.TryGetProperty("priority", out var p) && p.ValueKind != JsonValueKind.Null ? ParsePriority(p, index, "priority") : null;

        var lower = RequiredNumber(props, "alt_lower_ft", index);
        var upper = RequiredNumber(props, "alt_upper_ft", index);
        if (lower is < -10_000 or > 200_000)
        {
            throw Fail(index, "alt_lower_ft", $"{lower} ft is outside -10000..200000");
        }
        if (upper is < -10_000 or > 200_000)
        {
            throw Fail(index, "alt_upper_ft", $"{upper} ft is outside -10000..200000");
        }
        if (lower >= upper)
        {
            throw Fail(index, "alt_upper_ft", $"must be above alt_lower_ft ({lower} >= {upper})");
        }
        var start = RequiredTime(props, "time_start", index);
        var end = RequiredTime(props, "time_end", index);
        if (start >= end)
        {
            throw Fail(index, "time_end", $"must be after time_start ({FormatTime(start)} >= {FormatTime(end)})");
        }
        var shape = ReadShape(geometry, props, index, trusted);
        return new IntentFeature(intentId, party, state, priority, new Volume4D(shape, lower, upper, start, end));
    }

    public static IntentState ParseState(JsonElement value, int index, string property)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString();
            foreach (var state in Enum.GetValues<IntentState>())
            {
                if (string.Equals(state.ToString(), text, StringComparison.OrdinalIgnoreCase))
                {
                    return state;
                }
            }
        }
        throw Fail(index, property, $"unknown state {value.GetRawText()}; expected one of {string.Join(", ", Enum.GetNames<IntentState>())}");
    }

    public static int ParsePriority(JsonElement value, int index, string property) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var priority)
            ? priority
            : throw Fail(index, property, $"must be an integer, got {value.GetRawText()}");

    public static string FormatTime(DateTimeOffset t) =>
        t.UtcDateTime.ToString(t.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static VolumeShape ReadShape(JsonElement geometry, JsonElement props, int index, bool trusted)
    {
        if (!geometry.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            throw Fail(index, "geometry", "missing geometry type");
        }
        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            throw Fail(index, "coordinates", "missing or not an array");
        }
        switch (typeElement.GetString())
        {
            case "Polygon":
                {
                    if (coordinates.GetArrayLength() == 0)
                    {
                        throw Fail(index, "coordinates", "a polygon needs an outer ring");
                    }
                    if (coordinates.GetArrayLength() > 1)
                    {
                        throw Fail(index, "coordinates", "polygons with holes are not supported");
                    }
                    var ring = ReadPositions(coordinates[0], index, trusted);
                    // RFC 7946 §3.1.6: a ring's last position repeats its first. One that does not is refused
                    // rather than closed silently (a missing last point may as well be a truncated ring); a stored
                    // ring is read as it was accepted.
                    var open = ShapeRules.CheckRingClosed(ring);
                    if (open is not null && !trusted)
                    {
                        throw Fail(index, "coordinates", open);
                    }
                    if (open is null)
                    {
                        ring.RemoveAt(ring.Count - 1);
                    }
                    if (!trusted && ShapeRules.CheckPolygon(ring) is { } problem)
                    {
                        throw Fail(index, "coordinates", problem);
                    }
                    return new PolygonShape(ring);
                }
            case "Point":
                {
                    var centre = ReadPosition(coordinates, index);
                    if (ShapeRules.CheckCircle(centre) is { } problem)
                    {
                        throw Fail(index, "coordinates", problem);
                    }
                    var radius = RequiredNumber(props, "radius_m", index);
                    if (ShapeRules.CheckRadius(radius, "radius") is { } bad)
                    {
                        throw Fail(index, "radius_m", bad);
                    }
                    return new CircleShape(centre, radius);
                }
            case "LineString":
                {
                    var path = ReadPositions(coordinates, index, trusted);
                    if (!trusted && ShapeRules.CheckPath(path) is { } problem)
                    {
                        throw Fail(index, "coordinates", problem);
                    }
                    var halfWidth = RequiredNumber(props, "half_width_m", index);
                    if (ShapeRules.CheckRadius(halfWidth, "half-width") is { } bad)
                    {
                        throw Fail(index, "half_width_m", bad);
                    }
                    return new CorridorShape(path, halfWidth);
                }
            default:
                throw Fail(index, "geometry", $"unsupported geometry type \"{typeElement.GetString()}\"; expected Polygon, Point (with radius_m) or LineString (with half_width_m)");
        }
    }

    private static List<GeoPoint> ReadPositions(JsonElement array, int index, bool trusted)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw Fail(index, "coordinates", "expected an array of positions");
        }
        // Counted before reading, so an oversized ring costs nothing; -1: a ring may repeat its first position.
        if (!trusted && ShapeRules.CheckVertexCount(array.GetArrayLength() - 1, "the ring or path") is { } many)
        {
            throw Fail(index, "coordinates", many);
        }
        var list = new List<GeoPoint>(array.GetArrayLength());
        foreach (var position in array.EnumerateArray())
        {
            list.Add(ReadPosition(position, index));
        }
        return list;
    }

    private static GeoPoint ReadPosition(JsonElement position, int index)
    {
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
            || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
        {
            throw Fail(index, "coordinates", $"expected a position [longitude, latitude], got {Shorten(position.GetRawText())}");
        }
        var point = new GeoPoint(position[1].GetDouble(), position[0].GetDouble());
        return ShapeRules.CheckPosition(point) is { } problem ? throw Fail(index, "coordinates", problem) : point;
    }

    private static string? OptionalString(JsonElement props, string name, int index)
    {
        if (!props.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text || string.IsNullOrWhiteSpace(text))
        {
            throw Fail(index, name, "must be a non-empty string");
        }
        return text.Length > 200 ? throw Fail(index, name, "longer than 200 characters") : text;
    }

    private static double RequiredNumber(JsonElement props, string name, int index)
    {
        if (!props.TryGetProperty(name, out var value))
        {
            throw Fail(index, name, "missing");
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            throw Fail(index, name, $"must be a number, got {Shorten(value.GetRawText())}");
        }
        return number;
    }

    private static DateTimeOffset RequiredTime(JsonElement props, string name, int index)
    {
        if (!props.TryGetProperty(name, out var value))
        {
            throw Fail(index, name, "missing");
        }
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : null;
        if (text is null || !IsoUtc.IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            throw Fail(index, name, $"must be an ISO 8601 UTC time like 2025-03-01T08:00:00Z, got {Shorten(value.GetRawText())}");
        }
        return time.Offset != TimeSpan.Zero
            ? throw Fail(index, name, $"must be in UTC (Z), got offset {time.Offset:hh\\:mm} in {text}")
            : time;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    public static IntentFormatException Fail(int index, string property, string message) => new(index, property, message);
}
