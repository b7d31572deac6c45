using System.Text.Json;
using Deconflict.Core.Geodesy;

namespace Deconflict.Core.Strategic;

/// <summary>
/// Writes a shape as a GeoJSON <c>geometry</c> member: a circle as its centre Point, a corridor as its path
/// LineString, a polygon as one closed ring. Radius and half-width are properties, written by the caller.
/// </summary>
internal static class ShapeGeoJson
{
    public static void WriteGeometry(Utf8JsonWriter writer, VolumeShape shape)
    {
        writer.WriteStartObject("geometry");
        switch (shape)
        {
            case PolygonShape polygon:
                writer.WriteString("type", "Polygon");
                writer.WriteStartArray("coordinates");
                writer.WriteStartArray();
                foreach (var v in polygon.Vertices)
                {
                    WritePosition(writer, v);
                }
                WritePosition(writer, polygon.Vertices[0]);
                writer.WriteEndArray();
                writer.WriteEndArray();
                break;
            case CircleShape circle:
                writer.WriteString("type", "Point");
                writer.WritePropertyName("coordinates");
                WritePosition(writer, circle.Centre);
                break;
            case CorridorShape corridor:
                writer.WriteString("type", "LineString");
                writer.WriteStartArray("coordinates");
                foreach (var v in corridor.Path)
                {
                    WritePosition(writer, v);
                }
                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"unknown shape {shape.GetType().Name}", nameof(shape));
        }
        writer.WriteEndObject();
    }

    private static void WritePosition(Utf8JsonWriter writer, GeoPoint p)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(p.LonDeg);
        writer.WriteNumberValue(p.LatDeg);
        writer.WriteEndArray();
    }
}
