using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic;
using Deconflict.Hub.Conflicts;
using Deconflict.Hub.Intents;
using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Exports;

/// <summary>
/// Conflicts, alerts and intents as GeoJSON and CSV, built from exactly what the JSON lists return (see
/// <see cref="VisibleReads"/>): nothing here decides visibility. A conflict is a Feature at its loss-of-separation or
/// aircraft position when its reader may see the detail, with a null geometry otherwise.
/// </summary>
public static class Downloads
{
    public const string GeoJsonType = "application/geo+json";
    public const string CsvType = "text/csv";

    public static byte[] ConflictsGeoJson(IReadOnlyList<ConflictView> conflicts)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        var features = new JsonArray();
        foreach (var c in conflicts)
        {
            var properties = JsonSerializer.SerializeToNode(c, HubJson.Options)!.AsObject();
            JsonNode? geometry = ConflictPlace.Position(c) is { } p
                ? new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(p.Lon, p.Lat) }
                : null;
            features.Add(new JsonObject { ["type"] = "Feature", ["id"] = c.Id, ["geometry"] = geometry, ["properties"] = properties });
        }
        return Encoding.UTF8.GetBytes(new JsonObject { ["type"] = "FeatureCollection", ["features"] = features }.ToJsonString());
    }

    public static byte[] ConflictsCsv(IReadOnlyList<ConflictView> conflicts)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        var table = new CsvTable("id", "kind", "level", "status", "parties", "objects", "detected_at", "updated_at", "cleared_at",
            "lat_deg", "lon_deg", "window_start", "window_end", "detail");
        foreach (var c in conflicts)
        {
            var place = ConflictPlace.Position(c);
            var (start, end) = ConflictPlace.Window(c);
            table.Row(c.Id, c.Kind, c.Level, c.Status, string.Join(';', c.Parties),
                string.Join(';', c.ObjectRefs.Select(r => $"{r.Kind}:{r.Party}:{r.Id}")),
                c.DetectedAt, c.UpdatedAt, c.ClearedAt, place?.Lat, place?.Lon, start, end,
                c.Detail is { } d ? d.GetRawText() : null);
        }
        return table.ToBytes();
    }

    /// <summary>The intents read from their stored rows (rows that cannot be read are left out, as at start).</summary>
    public static IReadOnlyList<OperationalIntent> Intents(IReadOnlyList<IntentRecord> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = new List<OperationalIntent>(rows.Count);
        foreach (var r in rows)
        {
            try
            {
                list.Add(IntentDesk.FromRecord(r) with { State = Enum.Parse<IntentState>(r.State), Priority = r.Priority });
            }
            catch (Exception e) when (e is IntentFormatException or JsonException or ArgumentException)
            {
                // Reported at start (HubLog.UnreadableRow) and kept as stored; it has no shape to export.
            }
        }
        return list;
    }

    public static byte[] IntentsGeoJson(IReadOnlyList<OperationalIntent> intents) => Encoding.UTF8.GetBytes(IntentGeoJson.Write(intents));

    public static byte[] IntentsCsv(IReadOnlyList<OperationalIntent> intents)
    {
        ArgumentNullException.ThrowIfNull(intents);
        var table = new CsvTable("intent_id", "party", "state", "version", "priority", "volume", "shape", "alt_lower_ft", "alt_upper_ft",
            "time_start", "time_end", "radius_m", "half_width_m", "wkt");
        foreach (var i in intents)
        {
            for (var k = 0; k < i.Volumes.Count; k++)
            {
                var v = i.Volumes[k];
                var (shape, radius, halfWidth) = v.Shape switch
                {
                    CircleShape c => ("circle", (double?)c.RadiusM, (double?)null),
                    CorridorShape c => ("corridor", null, c.HalfWidthM),
                    _ => ("polygon", null, null),
                };
                table.Row(i.Id, i.Party, i.State.ToString(), i.Version, i.Priority, k, shape, v.AltLowerFt, v.AltUpperFt, v.TimeStart, v.TimeEnd,
                    radius, halfWidth, Wkt(v.Shape));
            }
        }
        return table.ToBytes();
    }

    /// <summary>The shape's core as WKT (lon lat): a polygon's ring, a circle's centre, a corridor's path.</summary>
    public static string Wkt(VolumeShape shape)
    {
        static string P(GeoPoint p) => $"{KmlNumber(p.LonDeg)} {KmlNumber(p.LatDeg)}";
        return shape switch
        {
            PolygonShape p => $"POLYGON(({string.Join(", ", p.Vertices.Append(p.Vertices[0]).Select(P))}))",
            CircleShape c => $"POINT({P(c.Centre)})",
            CorridorShape c => $"LINESTRING({string.Join(", ", c.Path.Select(P))})",
            _ => "",
        };
    }

    private static string KmlNumber(double v) => Core.Formats.Kml.KmlWriter.Number(v);
}
