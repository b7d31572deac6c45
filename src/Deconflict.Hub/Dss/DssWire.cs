using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Deconflict.Core.Strategic;
using Deconflict.Core.Utm;

namespace Deconflict.Hub.Dss;

/// <summary>
/// The F3548 JSON the DSS writes: snake_case members, absent optional members left out, times as
/// <c>{"value": RFC 3339 UTC, "format": "RFC3339"}</c>, extents as Volume4D.
/// </summary>
public static class DssWire
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static JsonObject Time(DateTimeOffset t) => new()
    {
        ["value"] = t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["format"] = "RFC3339",
    };

    private static JsonObject Volume4D(UtmVolume v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var volume = new JsonObject();
        switch (v.Shape)
        {
            case CircleShape c:
                volume["outline_circle"] = new JsonObject
                {
                    ["center"] = new JsonObject { ["lng"] = c.Centre.LonDeg, ["lat"] = c.Centre.LatDeg },
                    ["radius"] = new JsonObject { ["value"] = c.RadiusM, ["units"] = "M" },
                };
                break;
            case PolygonShape p:
                volume["outline_polygon"] = new JsonObject
                {
                    ["vertices"] = new JsonArray([.. p.Vertices.Select(x => (JsonNode)new JsonObject { ["lng"] = x.LonDeg, ["lat"] = x.LatDeg })]),
                };
                break;
            case null:
                break;
            default:
                throw new ArgumentException($"{v.Shape.GetType().Name} has no F3548 outline: write it through Extents", nameof(v));
        }
        if (v.AltLowerM is { } lower)
        {
            volume["altitude_lower"] = Altitude(lower);
        }
        if (v.AltUpperM is { } upper)
        {
            volume["altitude_upper"] = Altitude(upper);
        }
        var o = new JsonObject { ["volume"] = volume };
        if (v.TimeStart is { } start)
        {
            o["time_start"] = Time(start);
        }
        if (v.TimeEnd is { } end)
        {
            o["time_end"] = Time(end);
        }
        return o;
    }

    /// <summary>Volumes as F3548 Volume4Ds; a corridor becomes one volume per leg (<see cref="UtmShapes.AsOutlines"/>).</summary>
    public static IEnumerable<JsonObject> Volumes4D(IEnumerable<UtmVolume> volumes) =>
        volumes.SelectMany(v => v.Shape is null ? [Volume4D(v)] : UtmShapes.AsOutlines(v.Shape).Select(shape => Volume4D(v with { Shape = shape })));

    public static string Extents(IReadOnlyList<UtmVolume> volumes) =>
        new JsonArray([.. Volumes4D(volumes)]).ToJsonString();

    /// <summary>Reads back extents this class wrote (stored rows).</summary>
    public static IReadOnlyList<UtmVolume> ReadExtents(string json)
    {
        using var doc = JsonDocument.Parse("{\"extents\":" + json + "}");
        return DssJsonRead.Volumes(doc.RootElement, "extents", "extents", double.MaxValue);
    }

    private static JsonObject Altitude(double metres) => new() { ["value"] = metres, ["reference"] = "W84", ["units"] = "M" };
}
