using System.Globalization;
using System.Text.Json;
using Deconflict.Core.Geodesy;
using Deconflict.Core.Utm;

namespace Deconflict.Hub.Dss;

/// <summary>
/// Reads F3548 request members from JSON with the field path of every problem (<see cref="DssInputException"/>).
/// Members not in the API are ignored, as the standard says; a member set to null counts as absent.
/// </summary>
public static class DssJsonRead
{
    public static async Task<JsonElement> BodyAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            using var doc = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 64 }, ct).ConfigureAwait(false);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new DssInputException("body", "must be a JSON object");
            }
            return doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new DssInputException("body", $"is not valid JSON ({e.Message.Split('.')[0]})");
        }
    }

    public static JsonElement? Member(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    public static JsonElement Object(JsonElement obj, string name, string path) =>
        Member(obj, name) is { } v
            ? v.ValueKind == JsonValueKind.Object ? v : throw new DssInputException(path, "must be an object")
            : throw new DssInputException(path, "is required");

    public static string? OptionalString(JsonElement obj, string name, string path) => Member(obj, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        _ => throw new DssInputException(path, "must be a string"),
    };

    public static string String(JsonElement obj, string name, string path) =>
        OptionalString(obj, name, path) is { Length: > 0 } s ? s : throw new DssInputException(path, "is required");

    public static bool Bool(JsonElement obj, string name, string path) => Member(obj, name) switch
    {
        null => false,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw new DssInputException(path, "must be true or false"),
    };

    public static double Number(JsonElement obj, string name, string path) =>
        Member(obj, name) is { ValueKind: JsonValueKind.Number } v && v.TryGetDouble(out var d) && double.IsFinite(d)
            ? d
            : throw new DssInputException(path, Member(obj, name) is null ? "is required" : "must be a number");

    /// <summary>A base URL of a USS: absolute http(s), no trailing '/'.</summary>
    public static string BaseUrl(JsonElement obj, string name, string path)
    {
        var url = String(obj, name, path);
        if (url.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new DssInputException(path, "must be an absolute http or https URL");
        }
        return url.TrimEnd('/');
    }

    /// <summary>The key: a list of OVNs (absent = empty).</summary>
    public static IReadOnlySet<string> Key(JsonElement obj, string path)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (Member(obj, "key") is not { } key)
        {
            return set;
        }
        if (key.ValueKind != JsonValueKind.Array)
        {
            throw new DssInputException(path, "must be an array of OVNs");
        }
        var i = 0;
        foreach (var item in key.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw new DssInputException($"{path}[{i}]", "must be a string");
            }
            set.Add(item.GetString()!);
            i++;
        }
        return set;
    }

    /// <summary>An array of Volume4D (at least one).</summary>
    public static IReadOnlyList<UtmVolume> Volumes(JsonElement obj, string name, string path, double maxRadiusM)
    {
        if (Member(obj, name) is not { } array)
        {
            throw new DssInputException(path, "is required");
        }
        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
        {
            throw new DssInputException(path, "must be an array of at least one Volume4D");
        }
        if (array.GetArrayLength() > 1000)
        {
            throw new DssInputException(path, "has more than 1000 volumes");
        }
        var list = new List<UtmVolume>();
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            list.Add(Volume4D(item, $"{path}[{i++}]", maxRadiusM));
        }
        return list;
    }

    public static UtmVolume Volume4D(JsonElement v, string path, double maxRadiusM)
    {
        if (v.ValueKind != JsonValueKind.Object)
        {
            throw new DssInputException(path, "must be a Volume4D object");
        }
        var volume = Object(v, "volume", $"{path}.volume");
        var p3 = $"{path}.volume";
        var circle = Member(volume, "outline_circle");
        var polygon = Member(volume, "outline_polygon");
        if (circle is not null && polygon is not null)
        {
            throw new DssInputException(p3, "must have exactly one of outline_circle and outline_polygon");
        }
        if (circle is null && polygon is null)
        {
            throw new DssInputException(p3, "needs outline_circle or outline_polygon");
        }
        var (shape, problem) = circle is { } c ? Circle(c, $"{p3}.outline_circle", maxRadiusM) : Polygon(polygon!.Value, $"{p3}.outline_polygon", maxRadiusM);
        if (problem is not null)
        {
            throw new DssInputException(circle is null ? $"{p3}.outline_polygon" : $"{p3}.outline_circle", problem);
        }
        var lower = Altitude(volume, "altitude_lower", $"{p3}.altitude_lower");
        var upper = Altitude(volume, "altitude_upper", $"{p3}.altitude_upper");
        if (lower is not null && upper is not null && lower >= upper)
        {
            throw new DssInputException($"{p3}.altitude_lower", $"must be below altitude_upper ({lower} m ≥ {upper} m)");
        }
        var start = Time(v, "time_start", $"{path}.time_start");
        var end = Time(v, "time_end", $"{path}.time_end");
        if (start is not null && end is not null && start >= end)
        {
            throw new DssInputException($"{path}.time_start", "must be before time_end");
        }
        return new UtmVolume(shape, lower, upper, start, end);
    }

    public static DateTimeOffset? Time(JsonElement obj, string name, string path)
    {
        if (Member(obj, name) is not { } t)
        {
            return null;
        }
        if (t.ValueKind != JsonValueKind.Object)
        {
            throw new DssInputException(path, "must be a Time object {value, format}");
        }
        if (OptionalString(t, "format", $"{path}.format") is { } format && format != "RFC3339")
        {
            throw new DssInputException($"{path}.format", "must be RFC3339");
        }
        var value = String(t, "value", $"{path}.value");
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed)
            || !value.Contains('T', StringComparison.OrdinalIgnoreCase))
        {
            throw new DssInputException($"{path}.value", $"'{value}' is not an RFC 3339 time");
        }
        return parsed.ToUniversalTime();
    }

    private static double? Altitude(JsonElement volume, string name, string path)
    {
        if (Member(volume, name) is not { } a)
        {
            return null;
        }
        if (a.ValueKind != JsonValueKind.Object)
        {
            throw new DssInputException(path, "must be an Altitude object {value, reference, units}");
        }
        var value = Number(a, "value", $"{path}.value");
        if (value is < -8000 or > 100_000)
        {
            throw new DssInputException($"{path}.value", "must be within -8000..100000");
        }
        if (OptionalString(a, "reference", $"{path}.reference") is { } reference && reference != "W84")
        {
            throw new DssInputException($"{path}.reference", "must be W84");
        }
        if (OptionalString(a, "units", $"{path}.units") is { } units && units != "M")
        {
            throw new DssInputException($"{path}.units", "must be M");
        }
        return value;
    }

    private static (Core.Strategic.VolumeShape? Shape, string? Problem) Circle(JsonElement c, string path, double maxRadiusM)
    {
        var centre = LatLng(Object(c, "center", $"{path}.center"), $"{path}.center");
        var radius = Object(c, "radius", $"{path}.radius");
        var metres = Number(radius, "value", $"{path}.radius.value");
        if (OptionalString(radius, "units", $"{path}.radius.units") is { } units && units != "M")
        {
            throw new DssInputException($"{path}.radius.units", "must be M");
        }
        return UtmShapes.Circle(centre, metres, maxRadiusM);
    }

    private static (Core.Strategic.VolumeShape? Shape, string? Problem) Polygon(JsonElement p, string path, double maxRadiusM)
    {
        if (p.ValueKind != JsonValueKind.Object || Member(p, "vertices") is not { ValueKind: JsonValueKind.Array } vertices)
        {
            throw new DssInputException($"{path}.vertices", "must be an array of {lat, lng}");
        }
        if (vertices.GetArrayLength() > 1000)
        {
            throw new DssInputException($"{path}.vertices", "has more than 1000 vertices");
        }
        var points = new List<GeoPoint>();
        var i = 0;
        foreach (var v in vertices.EnumerateArray())
        {
            points.Add(LatLng(v, $"{path}.vertices[{i++}]"));
        }
        return UtmShapes.Polygon(points, maxRadiusM);
    }

    private static GeoPoint LatLng(JsonElement p, string path)
    {
        if (p.ValueKind != JsonValueKind.Object)
        {
            throw new DssInputException(path, "must be an object {lat, lng}");
        }
        var lat = Number(p, "lat", $"{path}.lat");
        var lng = Number(p, "lng", $"{path}.lng");
        if (lat is < -90 or > 90)
        {
            throw new DssInputException($"{path}.lat", "must be within -90..90");
        }
        if (lng is < -180 or > 180)
        {
            throw new DssInputException($"{path}.lng", "must be within -180..180");
        }
        return new GeoPoint(lat, lng);
    }
}
