using System.Text.Json;
using Deconflict.Core.Geodesy;

namespace Deconflict.Core.Strategic;

/// <summary>Writes one volume of an intent as a GeoJSON Feature in the STRATEGIC.md layout.</summary>
internal static class IntentFeatureWriter
{
    public static void Write(Utf8JsonWriter writer, OperationalIntent intent, Volume4D volume)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "Feature");
        writer.WriteStartObject("geometry");
        switch (volume.Shape)
        {
            case PolygonShape polygon:
                writer.WriteString("type", "Polygon");
                writer.WriteStartArray("coordinates");
                writer.WriteStartArray();
                foreach (var v in polygon.Vertices)
                {
                    Position(writer, v);
                }
                Position(writer, polygon.Vertices[0]);
                writer.WriteEndArray();
                writer.WriteEndArray();
                break;
            case CircleShape circle:
                writer.WriteString("type", "Point");
                writer.WritePropertyName("coordinates");
                Position(writer, circle.Centre);
                break;
            case CorridorShape corridor:
                writer.WriteString("type", "LineString");
                writer.WriteStartArray("coordinates");
                foreach (var v in corridor.Path)
                {
                    Position(writer, v);
                }
                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"unknown shape {volume.Shape.GetType().Name}", nameof(volume));
        }
        writer.WriteEndObject();
        writer.WriteStartObject("properties");
        writer.WriteString("intent_id", intent.Id);
        writer.WriteString("party", intent.Party);
        writer.WriteString("state", intent.State.ToString());
        writer.WriteNumber("priority", intent.Priority);
        writer.WriteNumber("alt_lower_ft", volume.AltLowerFt);
        writer.WriteNumber("alt_upper_ft", volume.AltUpperFt);
        writer.WriteString("time_start", IntentFeature.FormatTime(volume.TimeStart));
        writer.WriteString("time_end", IntentFeature.FormatTime(volume.TimeEnd));
        switch (volume.Shape)
        {
            case CircleShape circle:
                writer.WriteNumber("radius_m", circle.RadiusM);
                break;
            case CorridorShape corridor:
                writer.WriteNumber("half_width_m", corridor.HalfWidthM);
                break;
            default:
                break;
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void Position(Utf8JsonWriter writer, GeoPoint p)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(p.LonDeg);
        writer.WriteNumberValue(p.LatDeg);
        writer.WriteEndArray();
    }
}
