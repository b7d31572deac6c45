using System.Text;
using System.Text.Json;
using Deconflict.Core.Strategic;

namespace Deconflict.Core.Formats.Aco;

/// <summary>
/// Airspace Control Orders and operational intents. Importing: one intent per measure, of the importing party, its
/// id the measure's name (measures of one name are volumes of one intent, as an export writes a multi-volume intent);
/// every shape meets the rules the GeoJSON reader applies, a failure naming the measure's set and line. Exporting:
/// one measure per volume, positions rounded to 0.01″ (about 0.3 m), times to the second.
/// </summary>
public static class AcoIntents
{
    /// <summary>The type written for every exported measure: a restricted operations zone, the generic reserved volume.</summary>
    public const string ExportType = "ROZ";

    /// <summary>The intents of a message, for <paramref name="party"/>, in state Accepted at <paramref name="priority"/>.</summary>
    public static IReadOnlyList<OperationalIntent> ToIntents(AcoMessage message, string party, int priority = 0)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            foreach (var m in message.Measures)
            {
                Feature(w, m, party, priority);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        try
        {
            return IntentGeoJson.ReadCollection(Encoding.UTF8.GetString(stream.ToArray()));
        }
        catch (IntentFormatException e) when (e.FeatureIndex >= 0 && e.FeatureIndex < message.Measures.Count)
        {
            var m = message.Measures[e.FeatureIndex];
            var field = e.Property switch
            {
                "coordinates" => m.Shape.Keyword,
                "radius_m" => "RADIUS",
                "half_width_m" => "WIDTH",
                "alt_lower_ft" or "alt_upper_ft" => "EFFLEVEL",
                "time_start" or "time_end" => "APERIOD",
                "intent_id" => "NAME",
                _ => e.Property,
            };
            throw new AcoFormatException(m.Set, m.Line, field, $"measure '{m.Name}': {e.Message}");
        }
    }

    /// <summary>A message of the given intents' volumes (ids with '/' are written with '-', which USMTF fields cannot hold).</summary>
    public static AcoMessage FromIntents(IReadOnlyList<OperationalIntent> intents, string originator, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(intents);
        var measures = new List<AcoMeasure>();
        foreach (var intent in intents)
        {
            var name = string.Join(' ', intent.Id.Replace('/', '-').Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
            foreach (var v in intent.Volumes)
            {
                AcoShape shape = v.Shape switch
                {
                    PolygonShape p => new AcoPolygon([.. p.Vertices.Select(AcoPosition.From)]),
                    CircleShape c => new AcoCircle(AcoPosition.From(c.Centre), c.RadiusM),
                    CorridorShape { Path.Count: 2 } k => new AcoOrbit(AcoPosition.From(k.Path[0]), AcoPosition.From(k.Path[1]), 2 * k.HalfWidthM),
                    CorridorShape k => new AcoCorridor([.. k.Path.Select(AcoPosition.From)], 2 * k.HalfWidthM),
                    _ => throw new ArgumentException($"unknown shape {v.Shape.GetType().Name}", nameof(intents)),
                };
                // Whole seconds, widened outwards so the order covers the whole volume.
                var start = new DateTimeOffset(v.TimeStart.UtcTicks - (v.TimeStart.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
                var end = new DateTimeOffset(v.TimeEnd.UtcTicks + ((TimeSpan.TicksPerSecond - (v.TimeEnd.UtcTicks % TimeSpan.TicksPerSecond)) % TimeSpan.TicksPerSecond), TimeSpan.Zero);
                measures.Add(new AcoMeasure(name, ExportType, shape, v.AltLowerFt, v.AltUpperFt, start, end));
            }
        }
        var first = measures.Count == 0 ? now : measures.Min(m => m.Start);
        var last = measures.Count == 0 ? now.AddDays(1) : measures.Max(m => m.End);
        var origin = string.Join(' ', originator.Replace('/', '-').Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
        var utc = now.UtcDateTime;
        return new AcoMessage(origin.Length == 0 ? "-" : origin, "1", AcoText.Time(now)[^7..^4], "-", utc.Day.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + "A",
            first, last, measures);
    }

    private static void Feature(Utf8JsonWriter w, AcoMeasure m, string party, int priority)
    {
        w.WriteStartObject();
        w.WriteString("type", "Feature");
        w.WriteStartObject("geometry");
        double? radius = null, halfWidth = null;
        switch (m.Shape)
        {
            case AcoPolygon p:
                w.WriteString("type", "Polygon");
                w.WriteStartArray("coordinates");
                w.WriteStartArray();
                foreach (var c in p.Corners.Append(p.Corners[0]))
                {
                    Position(w, c);
                }
                w.WriteEndArray();
                w.WriteEndArray();
                break;
            case AcoCircle c:
                w.WriteString("type", "Point");
                w.WritePropertyName("coordinates");
                Position(w, c.Centre);
                radius = c.RadiusM;
                break;
            case AcoPoint p:
                w.WriteString("type", "Point");
                w.WritePropertyName("coordinates");
                Position(w, p.At);
                radius = p.RadiusM ?? AcoPoint.DefaultRadiusM;
                break;
            case AcoCorridor k:
                w.WriteString("type", "LineString");
                w.WriteStartArray("coordinates");
                foreach (var c in k.Path)
                {
                    Position(w, c);
                }
                w.WriteEndArray();
                halfWidth = k.WidthM / 2;
                break;
            case AcoOrbit o:
                w.WriteString("type", "LineString");
                w.WriteStartArray("coordinates");
                Position(w, o.First);
                Position(w, o.Second);
                w.WriteEndArray();
                halfWidth = o.WidthM / 2;
                break;
            default:
                throw new ArgumentException($"unknown shape {m.Shape.GetType().Name}", nameof(m));
        }
        w.WriteEndObject();
        w.WriteStartObject("properties");
        w.WriteString("intent_id", m.Name);
        w.WriteString("party", party);
        w.WriteString("state", nameof(IntentState.Accepted));
        w.WriteNumber("priority", priority);
        w.WriteNumber("alt_lower_ft", m.LowerFt);
        w.WriteNumber("alt_upper_ft", m.UpperFt);
        w.WriteString("time_start", IntentFeature.FormatTime(m.Start));
        w.WriteString("time_end", IntentFeature.FormatTime(m.End));
        if (radius is { } r)
        {
            w.WriteNumber("radius_m", r);
        }
        if (halfWidth is { } h)
        {
            w.WriteNumber("half_width_m", h);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Position(Utf8JsonWriter w, AcoPosition p)
    {
        var g = p.ToGeoPoint();
        w.WriteStartArray();
        w.WriteNumberValue(g.LonDeg);
        w.WriteNumberValue(g.LatDeg);
        w.WriteEndArray();
    }
}
