using System.Globalization;
using System.Text;
using System.Text.Json;
using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic;

namespace Deconflict.Core.Formats.Kml;

/// <summary>
/// Operational intents as KML 2.2: one Placemark per volume with its <c>TimeSpan</c>, its members in
/// <c>ExtendedData</c> (the names of the GeoJSON format, so GDAL and the hub agree on them) and a
/// <c>MultiGeometry</c> whose first member is the shape (the Polygon, the circle's centre Point, the corridor's
/// LineString, at the lower altitude) followed by the drawing of the volume between its altitudes: outline at the
/// lower and at the upper altitude and a wall per edge, altitudeMode absolute (KML's own <c>extrude</c> only reaches
/// the ground, which would draw a volume that starts at FL100 as starting at the surface).
/// </summary>
public static class IntentKml
{
    private const double FeetToMetres = 0.3048;

    /// <summary>The placemark of one volume of an intent.</summary>
    public static KmlPlacemark Volume(OperationalIntent intent, int volumeIndex, string? styleUrl)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var v = intent.Volumes[volumeIndex];
        var lower = v.AltLowerFt * FeetToMetres;
        var upper = v.AltUpperFt * FeetToMetres;
        var data = new List<KeyValuePair<string, string>>
        {
            new("intent_id", intent.Id),
            new("party", intent.Party),
            new("state", intent.State.ToString()),
            new("priority", intent.Priority.ToString(CultureInfo.InvariantCulture)),
            new("alt_lower_ft", KmlWriter.Number(v.AltLowerFt)),
            new("alt_upper_ft", KmlWriter.Number(v.AltUpperFt)),
            new("time_start", IntentFeature.FormatTime(v.TimeStart)),
            new("time_end", IntentFeature.FormatTime(v.TimeEnd)),
        };
        var geometries = new List<KmlGeometry>();
        switch (v.Shape)
        {
            case PolygonShape p:
                geometries.Add(new KmlPolygon(Ring(p.Vertices, lower), AltitudeMode: "absolute"));
                break;
            case CircleShape c:
                data.Add(new("radius_m", KmlWriter.Number(c.RadiusM)));
                geometries.Add(new KmlPoint(new KmlCoordinate(c.Centre.LonDeg, c.Centre.LatDeg, lower), AltitudeMode: "absolute"));
                break;
            case CorridorShape k:
                data.Add(new("half_width_m", KmlWriter.Number(k.HalfWidthM)));
                geometries.Add(new KmlLineString([.. k.Path.Select(q => new KmlCoordinate(q.LonDeg, q.LatDeg, lower))], AltitudeMode: "absolute"));
                break;
            default:
                throw new ArgumentException($"unknown shape {v.Shape.GetType().Name}", nameof(intent));
        }
        foreach (var ring in VolumeOutline.Rings(v.Shape))
        {
            if (v.Shape is not PolygonShape)
            {
                geometries.Add(new KmlPolygon(Ring(ring, lower), AltitudeMode: "absolute"));
            }
            geometries.Add(new KmlPolygon(Ring(ring, upper), AltitudeMode: "absolute"));
            for (var i = 0; i < ring.Count; i++)
            {
                var a = ring[i];
                var b = ring[(i + 1) % ring.Count];
                geometries.Add(new KmlPolygon(
                    [new(a.LonDeg, a.LatDeg, lower), new(b.LonDeg, b.LatDeg, lower), new(b.LonDeg, b.LatDeg, upper), new(a.LonDeg, a.LatDeg, upper), new(a.LonDeg, a.LatDeg, lower)],
                    AltitudeMode: "absolute"));
            }
        }
        var name = intent.Volumes.Count == 1 ? intent.Id : $"{intent.Id} ({volumeIndex + 1}/{intent.Volumes.Count})";
        return new KmlPlacemark(name, styleUrl, IntentFeature.FormatTime(v.TimeStart), IntentFeature.FormatTime(v.TimeEnd), null, data, geometries,
            $"{intent.Party}: {intent.State}, priority {intent.Priority}, {v.AltLowerFt:0.##}–{v.AltUpperFt:0.##} ft");
    }

    /// <summary>The style id used for a party's intents (declared by <see cref="WriteStyles"/>).</summary>
    public static string StyleId(string kind, string party) => $"{kind}-{PartyColours.Rgb(party)}";

    /// <summary>One style per party colour for the given kind: line opaque, fill translucent.</summary>
    public static void WriteStyles(KmlWriter writer, string kind, IEnumerable<string> parties, int fillAlpha = 0x55)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var rgb in parties.Select(PartyColours.Rgb).Distinct(StringComparer.Ordinal))
        {
            writer.Style($"{kind}-{rgb}", PartyColours.Kml(rgb, 0xff), PartyColours.Kml(rgb, fillAlpha));
        }
    }

    /// <summary>A whole document of intents, a folder per party.</summary>
    public static void Write(Stream output, IReadOnlyList<OperationalIntent> intents, string documentName)
    {
        ArgumentNullException.ThrowIfNull(intents);
        using var writer = new KmlWriter(output, documentName);
        WriteStyles(writer, "intent", intents.Select(i => i.Party));
        WriteFolders(writer, intents);
    }

    /// <summary>The intents as a folder per party (styles declared beforehand with <see cref="WriteStyles"/>).</summary>
    public static void WriteFolders(KmlWriter writer, IEnumerable<OperationalIntent> intents)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var party in intents.GroupBy(i => i.Party, StringComparer.Ordinal))
        {
            writer.BeginFolder($"Intents of {party.Key}");
            foreach (var intent in party)
            {
                for (var k = 0; k < intent.Volumes.Count; k++)
                {
                    writer.Placemark(Volume(intent, k, "#" + StyleId("intent", intent.Party)));
                }
            }
            writer.EndFolder();
        }
    }

    /// <summary>
    /// Reads every placemark as a volume of an intent: <c>intent_id</c> from ExtendedData or else the placemark's
    /// name, <c>party</c> from ExtendedData or else <paramref name="defaultParty"/>, state Accepted and priority 0
    /// unless given. Placemarks of one intent must agree on party, state and priority.
    /// </summary>
    public static IReadOnlyList<OperationalIntent> ReadCollection(string kml, string? defaultParty)
    {
        var placemarks = Placemarks(kml);
        var json = ToGeoJson(placemarks, p => new IntentMembers(
            p.DataValue("intent_id") ?? p.Name ?? throw new KmlFormatException(p.Line, Path(p), "needs an intent id: ExtendedData intent_id, or a name"),
            p.DataValue("party") ?? defaultParty ?? throw new KmlFormatException(p.Line, Path(p) + ".ExtendedData.party", "needs a party (ExtendedData party, or say which party the file is of)"),
            p.DataValue("state") ?? nameof(IntentState.Accepted),
            p.DataValue("priority") ?? "0"));
        try
        {
            return IntentGeoJson.ReadCollection(json);
        }
        catch (IntentFormatException e)
        {
            throw Locate(e, placemarks);
        }
    }

    /// <summary>
    /// Reads the KML body of <c>PUT /api/v1/intents/{id}</c>: every placemark is a volume of that intent; ExtendedData
    /// <c>intent_id</c> and <c>party</c>, when given, must be the path's and the caller's (a foreign party is
    /// reported with element ending in <c>party</c>, so the hub can answer 403).
    /// </summary>
    public static OperationalIntent ReadIntent(string kml, string intentId, string party)
    {
        var placemarks = Placemarks(kml);
        var json = ToGeoJson(placemarks, p => new IntentMembers(p.DataValue("intent_id"), p.DataValue("party"), p.DataValue("state"), p.DataValue("priority")));
        try
        {
            return IntentGeoJson.ReadIntent(json, intentId, party);
        }
        catch (IntentFormatException e)
        {
            throw Locate(e, placemarks);
        }
    }

    private static IReadOnlyList<KmlPlacemark> Placemarks(string kml)
    {
        var placemarks = KmlReader.Read(kml);
        return placemarks.Count == 0 ? throw new KmlFormatException(1, "kml", "no Placemark: an intent needs at least one volume") : placemarks;
    }

    private sealed record IntentMembers(string? IntentId, string? Party, string? State, string? Priority);

    private static string Path(KmlPlacemark p) => $"Placemark[{p.Index}]" + (string.IsNullOrEmpty(p.Name) ? "" : $" '{p.Name}'");

    private static KmlFormatException Locate(IntentFormatException e, IReadOnlyList<KmlPlacemark> placemarks)
    {
        if (e.FeatureIndex < 0 || e.FeatureIndex >= placemarks.Count)
        {
            return new KmlFormatException(placemarks.Count > 0 ? placemarks[0].Line : 0, "kml" + (e.Property.Length > 0 ? "." + e.Property : ""), e.Message);
        }
        var p = placemarks[e.FeatureIndex];
        var member = e.Property switch
        {
            "coordinates" or "geometry" => (p.Geometries.FirstOrDefault()?.GetType().Name[3..] ?? "geometry") + ".coordinates",
            "time_start" when p.Begin is not null => "TimeSpan.begin",
            "time_end" when p.End is not null => "TimeSpan.end",
            var name => "ExtendedData." + name,
        };
        var line = e.Property is "coordinates" or "geometry" && p.Geometries.Count > 0 ? p.Geometries[0].Line : p.Line;
        return new KmlFormatException(line, $"{Path(p)}.{member}", e.Message);
    }

    /// <summary>The placemarks as the GeoJSON the strategic reader checks, so KML meets exactly the rules GeoJSON does.</summary>
    private static string ToGeoJson(IReadOnlyList<KmlPlacemark> placemarks, Func<KmlPlacemark, IntentMembers> members)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            foreach (var p in placemarks)
            {
                var m = members(p);
                var shape = Shape(p);
                var (lowerFt, upperFt) = Band(p);
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WriteStartObject("geometry");
                w.WriteString("type", shape.Type);
                w.WritePropertyName("coordinates");
                if (shape.Type == "Point")
                {
                    Position(w, shape.Positions[0]);
                }
                else
                {
                    w.WriteStartArray();
                    if (shape.Type == "Polygon")
                    {
                        w.WriteStartArray();
                    }
                    foreach (var c in shape.Positions)
                    {
                        Position(w, c);
                    }
                    if (shape.Type == "Polygon")
                    {
                        w.WriteEndArray();
                    }
                    w.WriteEndArray();
                }
                w.WriteEndObject();
                w.WriteStartObject("properties");
                if (m.IntentId is { } id)
                {
                    w.WriteString("intent_id", id);
                }
                if (m.Party is { } party)
                {
                    w.WriteString("party", party);
                }
                if (m.State is { } state)
                {
                    w.WriteString("state", state);
                }
                if (m.Priority is { } priority)
                {
                    w.WriteNumber("priority", Integer(p, "priority", priority));
                }
                w.WriteNumber("alt_lower_ft", lowerFt);
                w.WriteNumber("alt_upper_ft", upperFt);
                w.WriteString("time_start", Time(p, "time_start", p.Begin, "TimeSpan.begin"));
                w.WriteString("time_end", Time(p, "time_end", p.End, "TimeSpan.end"));
                if (shape.Radius is { } r)
                {
                    w.WriteNumber(shape.Type == "Point" ? "radius_m" : "half_width_m", r);
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Position(Utf8JsonWriter w, KmlCoordinate c)
    {
        w.WriteStartArray();
        w.WriteNumberValue(c.LonDeg);
        w.WriteNumberValue(c.LatDeg);
        w.WriteEndArray();
    }

    private sealed record ShapeText(string Type, IReadOnlyList<KmlCoordinate> Positions, double? Radius);

    /// <summary>
    /// The volume's shape: the Point of a placemark with radius_m, the LineString of one with half_width_m, else its
    /// Polygon. The other polygons of a MultiGeometry are the drawing of that one volume: beside a Point or LineString
    /// they are left aside; beside a Polygon they must lie on its outline (faces and walls), since one placemark is one
    /// volume and a second area must not be dropped unseen.
    /// </summary>
    private static ShapeText Shape(KmlPlacemark p)
    {
        var points = p.Geometries.OfType<KmlPoint>().ToList();
        var lines = p.Geometries.OfType<KmlLineString>().ToList();
        var polygons = p.Geometries.OfType<KmlPolygon>().ToList();
        var radius = p.DataValue("radius_m");
        var halfWidth = p.DataValue("half_width_m");
        if (p.Geometries.Count == 0)
        {
            throw new KmlFormatException(p.Line, Path(p), "has no geometry: a volume is a Polygon, a LineString (with half_width_m) or a Point (with radius_m)");
        }
        if (radius is not null)
        {
            if (points.Count != 1 || lines.Count > 0)
            {
                throw new KmlFormatException(p.Line, Path(p), $"a placemark with radius_m is a circle: one Point (found {points.Count} Points, {lines.Count} LineStrings)");
            }
            return new ShapeText("Point", [points[0].At], Number(p, "radius_m", radius));
        }
        if (halfWidth is not null)
        {
            if (lines.Count != 1 || points.Count > 0)
            {
                throw new KmlFormatException(p.Line, Path(p), $"a placemark with half_width_m is a corridor: one LineString (found {lines.Count} LineStrings, {points.Count} Points)");
            }
            return new ShapeText("LineString", lines[0].Path, Number(p, "half_width_m", halfWidth));
        }
        if (points.Count > 0)
        {
            throw new KmlFormatException(points[0].Line, Path(p) + ".Point", "a Point is a circle only with ExtendedData radius_m (metres)");
        }
        if (lines.Count > 0)
        {
            throw new KmlFormatException(lines[0].Line, Path(p) + ".LineString", "a LineString is a corridor only with ExtendedData half_width_m (metres)");
        }
        var outline = polygons[0];
        if (outline.InnerRings > 0)
        {
            throw new KmlFormatException(outline.Line, Path(p) + ".Polygon.innerBoundaryIs", "polygons with holes are not supported");
        }
        foreach (var other in polygons.Skip(1))
        {
            if (other.Outer.Any(c => !outline.Outer.Any(o => Math.Abs(o.LonDeg - c.LonDeg) < 1e-9 && Math.Abs(o.LatDeg - c.LatDeg) < 1e-9)))
            {
                throw new KmlFormatException(other.Line, Path(p) + ".MultiGeometry.Polygon",
                    "a second Polygon with another outline: one Placemark is one volume; put each volume in its own Placemark");
            }
        }
        return new ShapeText("Polygon", outline.Outer, null);
    }

    /// <summary>
    /// The altitude band in feet: ExtendedData alt_lower_ft and alt_upper_ft, else the lowest and highest altitude of
    /// the geometries (metres, altitudeMode absolute); a single extruded altitude reaches down to sea level.
    /// </summary>
    private static (double Lower, double Upper) Band(KmlPlacemark p)
    {
        var lowerText = p.DataValue("alt_lower_ft");
        var upperText = p.DataValue("alt_upper_ft");
        if (lowerText is not null || upperText is not null)
        {
            return (Number(p, "alt_lower_ft", lowerText ?? throw new KmlFormatException(p.Line, Path(p) + ".ExtendedData.alt_lower_ft", "missing beside alt_upper_ft")),
                Number(p, "alt_upper_ft", upperText ?? throw new KmlFormatException(p.Line, Path(p) + ".ExtendedData.alt_upper_ft", "missing beside alt_lower_ft")));
        }
        var altitudes = new List<double>();
        foreach (var g in p.Geometries)
        {
            var positions = g switch
            {
                KmlPoint pt => [pt.At],
                KmlLineString l => l.Path,
                KmlPolygon poly => poly.Outer,
                _ => [],
            };
            if (positions.Any(c => c.AltitudeM is null) || g.AltitudeMode != "absolute")
            {
                throw new KmlFormatException(g.Line, Path(p) + "." + g.GetType().Name[3..] + ".altitudeMode",
                    "no altitude band: give altitudes with <altitudeMode>absolute</altitudeMode> (metres above mean sea level), or ExtendedData alt_lower_ft and alt_upper_ft");
            }
            altitudes.AddRange(positions.Select(c => c.AltitudeM!.Value));
        }
        var lowest = altitudes.Min() / FeetToMetres;
        var highest = altitudes.Max() / FeetToMetres;
        if (lowest == highest)
        {
            if (!p.Geometries.Any(g => g.Extrude))
            {
                throw new KmlFormatException(p.Geometries[0].Line, Path(p) + "." + p.Geometries[0].GetType().Name[3..] + ".extrude",
                    "a single altitude is no band: extrude it (from sea level up), draw the outline at both altitudes, or give ExtendedData alt_lower_ft and alt_upper_ft");
            }
            lowest = 0;
        }
        // Metres back to feet leave rounding noise (3048 m → 9999.999999999998 ft); a micro-foot is far below anything meant.
        return (Math.Round(lowest, 6), Math.Round(highest, 6));
    }

    private static double Number(KmlPlacemark p, string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw new KmlFormatException(p.Line, $"{Path(p)}.ExtendedData.{name}", $"must be a number, got '{text}'");

    private static int Integer(KmlPlacemark p, string name, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new KmlFormatException(p.Line, $"{Path(p)}.ExtendedData.{name}", $"must be an integer, got '{text}'");

    /// <summary>
    /// A time as the GeoJSON reader wants it (UTC, ISO 8601): from the TimeSpan, else ExtendedData; KML's dateTime
    /// with Z or an offset, a bare date (midnight UTC), or GDAL's "2026/03/01 10:00:00+00".
    /// </summary>
    private static string Time(KmlPlacemark p, string dataName, string? spanValue, string spanElement)
    {
        var (text, element) = spanValue is not null ? (spanValue, spanElement) : (p.DataValue(dataName), "ExtendedData." + dataName);
        if (text is null)
        {
            throw new KmlFormatException(p.Line, $"{Path(p)}.TimeSpan",
                $"no {(dataName == "time_start" ? "begin" : "end")} time: a volume needs a TimeSpan with begin and end (or ExtendedData time_start and time_end)");
        }
        string[] formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd", "yyyy/MM/dd HH:mm:sszz", "yyyy/MM/dd HH:mm:ss.FFFzz", "yyyy/MM/dd HH:mm:ss"];
        if (!DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
        {
            throw new KmlFormatException(p.Line, $"{Path(p)}.{element}", $"must be a KML dateTime such as 2026-03-01T10:00:00Z, got '{(text.Length > 40 ? text[..40] : text)}'");
        }
        return IntentFeature.FormatTime(t);
    }

    private static IReadOnlyList<KmlCoordinate> Ring(IReadOnlyList<GeoPoint> ring, double altitudeM)
    {
        var list = new List<KmlCoordinate>(ring.Count + 1);
        list.AddRange(ring.Select(q => new KmlCoordinate(q.LonDeg, q.LatDeg, altitudeM)));
        list.Add(list[0]);
        return list;
    }
}
