using System.Text.Json;

namespace Deconflict.Core.Strategic;

/// <summary>Writes one volume of an intent as a GeoJSON Feature in the STRATEGIC.md layout.</summary>
internal static class IntentFeatureWriter
{
    public static void Write(Utf8JsonWriter writer, OperationalIntent intent, Volume4D volume)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "Feature");
        ShapeGeoJson.WriteGeometry(writer, volume.Shape);
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
}
