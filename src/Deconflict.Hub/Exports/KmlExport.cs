using System.Globalization;
using System.Text.Json.Nodes;
using Deconflict.Core.Formats.Kml;
using Deconflict.Core.Strategic;
using Deconflict.Core.Surveillance;
using Deconflict.Hub.Conflicts;
using Deconflict.Hub.Ground;
using Deconflict.Hub.Json;

namespace Deconflict.Hub.Exports;

/// <summary>
/// The KML document of <c>GET /api/v1/export.kml</c>: a folder per kind (and per party within intents), styles per
/// party and kind (the console's party colours; conflicts red, humanitarian sites white). Intents are volumes between
/// their altitudes (<see cref="IntentKml"/>); sites, movements and zones lie on the ground with their validity as a
/// TimeSpan; conflicts sit where the reader may see them happen; tracks at their altitude, extruded to the ground,
/// with a TimeStamp.
/// </summary>
public static class KmlExport
{
    public sealed record Content(
        IReadOnlyList<OperationalIntent> Intents,
        IReadOnlyList<GroundObjectRecord> Ground,
        IReadOnlyList<ConflictView> Conflicts,
        IReadOnlyList<LiveTrack> Tracks);

    public static byte[] Write(Content content, string documentName)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var stream = new MemoryStream();
        using (var w = new KmlWriter(stream, documentName))
        {
            IntentKml.WriteStyles(w, "intent", content.Intents.Select(i => i.Party));
            IntentKml.WriteStyles(w, "track", content.Tracks.Select(t => t.Party ?? ""), 0xff);
            IntentKml.WriteStyles(w, "zone", content.Ground.Where(g => g.Kind == GroundStore.Zone).Select(g => g.Party), 0x33);
            w.Style("humanitarian", "ffffffff", "66ffffff");
            w.Style("conflict", "ff0000ff", "880000ff", 3);
            if (content.Intents.Count > 0)
            {
                IntentKml.WriteFolders(w, content.Intents);
            }
            if (content.Ground.Count > 0)
            {
                w.BeginFolder("Ground objects");
                foreach (var g in content.Ground)
                {
                    w.Placemark(Ground(g));
                }
                w.EndFolder();
            }
            if (content.Conflicts.Count > 0)
            {
                w.BeginFolder("Conflicts");
                foreach (var c in content.Conflicts)
                {
                    w.Placemark(Conflict(c));
                }
                w.EndFolder();
            }
            if (content.Tracks.Count > 0)
            {
                w.BeginFolder("Tracks");
                foreach (var t in content.Tracks)
                {
                    w.Placemark(Track(t));
                }
                w.EndFolder();
            }
        }
        return stream.ToArray();
    }

    private static KmlPlacemark Ground(GroundObjectRecord g)
    {
        var feature = JsonNode.Parse(g.GeoJson)!.AsObject();
        var data = new List<KeyValuePair<string, string>> { new("kind", g.Kind), new("id", g.Id), new("party", g.Party), new("version", g.Version.ToString(CultureInfo.InvariantCulture)) };
        if (feature["properties"] is JsonObject props)
        {
            foreach (var (key, value) in props)
            {
                if (value is JsonValue v && key is not ("party" or "id"))
                {
                    data.Add(new(key, v.ToString()));
                }
            }
        }
        var geometries = new List<KmlGeometry>();
        if (feature["geometry"] is JsonObject geometry && geometry["coordinates"] is JsonArray coordinates)
        {
            switch ((string?)geometry["type"])
            {
                case "Point":
                    geometries.Add(new KmlPoint(Position(coordinates)));
                    break;
                case "LineString":
                    geometries.Add(new KmlLineString([.. coordinates.Select(c => Position(c!.AsArray()))]));
                    break;
                case "Polygon" when coordinates.Count > 0:
                    geometries.Add(new KmlPolygon([.. coordinates[0]!.AsArray().Select(c => Position(c!.AsArray()))]));
                    break;
                default:
                    break;
            }
        }
        var style = g.Kind == GroundStore.Zone ? "#" + IntentKml.StyleId("zone", g.Party) : "#humanitarian";
        return new KmlPlacemark($"{g.Kind} {g.Id}", style,
            g.ValidFrom is { } from ? UtcTimeConverter.Format(from) : null, g.ValidTo is { } to ? UtcTimeConverter.Format(to) : null, null,
            data, geometries, $"{g.Kind} of {g.Party}" + (g.Category is { } cat ? $" ({cat})" : ""));
    }

    private static KmlPlacemark Conflict(ConflictView c)
    {
        var data = new List<KeyValuePair<string, string>>
        {
            new("id", c.Id), new("kind", c.Kind), new("level", c.Level), new("status", c.Status),
            new("parties", string.Join(';', c.Parties)),
            new("objects", string.Join(';', c.ObjectRefs.Select(r => $"{r.Kind}:{r.Party}:{r.Id}"))),
            new("detected_at", UtcTimeConverter.Format(c.DetectedAt)),
        };
        data.AddRange(ConflictPlace.Members(c));
        var (start, end) = ConflictPlace.Window(c);
        var geometries = new List<KmlGeometry>();
        if (ConflictPlace.Position(c) is { } p)
        {
            geometries.Add(p.AltFt is { } alt
                ? new KmlPoint(new KmlCoordinate(p.Lon, p.Lat, alt * 0.3048), Extrude: true, AltitudeMode: "absolute")
                : new KmlPoint(new KmlCoordinate(p.Lon, p.Lat, null)));
        }
        return new KmlPlacemark($"{c.Kind} conflict {c.Id}", "#conflict", start, end, end is null ? start : null, data, geometries,
            $"{c.Level} between {string.Join(", ", c.Parties)}");
    }

    private static KmlPlacemark Track(LiveTrack t)
    {
        var view = Tracks.TracksApi.ToView(t);
        var data = new List<KeyValuePair<string, string>> { new("id", t.Id), new("party", view.Party) };
        void Add(string key, double? value)
        {
            if (value is { } v)
            {
                data.Add(new(key, KmlWriter.Number(v)));
            }
        }
        Add("alt_ft", view.AltFt);
        Add("gs_kt", view.GsKt);
        Add("trk_deg", view.TrkDeg);
        Add("vs_fpm", view.VsFpm);
        if (view.IntentId is { } intent)
        {
            data.Add(new("intent_id", intent));
        }
        if (view.Callsign is { } callsign)
        {
            data.Add(new("callsign", callsign));
        }
        KmlGeometry point = view.AltFt is { } altFt
            ? new KmlPoint(new KmlCoordinate(view.LonDeg, view.LatDeg, altFt * 0.3048), Extrude: true, AltitudeMode: "absolute")
            : new KmlPoint(new KmlCoordinate(view.LonDeg, view.LatDeg, null));
        return new KmlPlacemark(view.Callsign ?? t.Id, "#" + IntentKml.StyleId("track", view.Party), null, null, UtcTimeConverter.Format(view.T), data, [point]);
    }

    private static KmlCoordinate Position(JsonArray c) => new((double)c[0]!, (double)c[1]!, null);
}
