using System.Globalization;
using System.Text.Json;

namespace Deconflict.Hub.Tests.Hostile;

/// <summary>Bodies for intents, sites, movements and zones, written with every number as given (round-trip format).</summary>
public static class HostileGeoJson
{
    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>An intent of one volume: <paramref name="geometry"/> (GeoJSON geometry) plus shape properties.</summary>
    public static string Intent(object geometry, IReadOnlyDictionary<string, object> shape, double lowerFt, double upperFt, DateTimeOffset start, DateTimeOffset end, int priority = 0)
    {
        var props = new Dictionary<string, object>(shape)
        {
            ["alt_lower_ft"] = lowerFt,
            ["alt_upper_ft"] = upperFt,
            ["time_start"] = Time(start),
            ["time_end"] = Time(end),
        };
        return JsonSerializer.Serialize(new
        {
            type = "FeatureCollection",
            priority,
            features = new[] { new { type = "Feature", geometry, properties = props } },
        });
    }

    public static string CircleIntent(double lat, double lon, double radiusM, double lowerFt, double upperFt, DateTimeOffset start, DateTimeOffset end, int priority = 0) =>
        Intent(Point(lat, lon), new Dictionary<string, object> { ["radius_m"] = radiusM }, lowerFt, upperFt, start, end, priority);

    public static object Point(double lat, double lon) => new { type = "Point", coordinates = new[] { lon, lat } };

    public static object Line(IEnumerable<(double Lat, double Lon)> points) =>
        new { type = "LineString", coordinates = points.Select(p => new[] { p.Lon, p.Lat }).ToArray() };

    /// <summary>A closed ring from the given vertices (the first is repeated at the end).</summary>
    public static object Polygon(IReadOnlyList<(double Lat, double Lon)> ring) =>
        new { type = "Polygon", coordinates = new[] { ring.Append(ring[0]).Select(p => new[] { p.Lon, p.Lat }).ToArray() } };

    public static string Feature(object geometry, IReadOnlyDictionary<string, object?> properties) =>
        JsonSerializer.Serialize(new { type = "Feature", geometry, properties });
}
