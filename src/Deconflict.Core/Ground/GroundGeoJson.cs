using System.Globalization;
using System.Text;
using System.Text.Json;
using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic;

namespace Deconflict.Core.Ground;

/// <summary>
/// Reads and writes ground objects as GeoJSON Features. Sites: Point (with optional <c>radius_m</c>) or Polygon
/// (optional <c>radius_m</c> margin); movements: LineString with <c>half_width_m</c>; zones: Polygon. Properties:
/// <c>category</c>, <c>valid_from</c>, <c>valid_to</c>, <c>organisation</c>, <c>notes</c>, <c>name</c>. Unknown
/// members are refused so that a misspelt <c>valid_to</c> is never silently dropped. Shapes obey the strategic rules.
/// </summary>
public static class GroundGeoJson
{
    private static readonly HashSet<string> FeatureMembers = ["type", "geometry", "properties", "id", "bbox"];
    private static readonly HashSet<string> SiteProperties = ["category", "valid_from", "valid_to", "radius_m", "organisation", "notes", "name", "party", "site_id"];
    private static readonly HashSet<string> MovementProperties = ["category", "valid_from", "valid_to", "half_width_m", "organisation", "notes", "name", "party", "movement_id"];
    private static readonly HashSet<string> ZoneProperties = ["valid_from", "valid_to", "name", "party", "zone_id"];

    /// <summary>Reads a site; <paramref name="trusted"/> (a row the hub stored after checking it) skips re-checking its shape.</summary>
    public static HumanitarianSite ReadSite(string json, string id, string organisation, bool trusted = false)
    {
        using var doc = Open(json);
        var (geometry, props) = Feature(doc.RootElement, SiteProperties, organisation);
        var category = Category(props, SiteCategories.Sites, required: true)!;
        var (from, to) = Window(props, required: false);
        var radius = OptionalNumber(props, "radius_m");
        if (radius is { } r && (!double.IsFinite(r) || r < 0 || r > 50_000))
        {
            throw new GroundFormatException("properties.radius_m", "must be a number of metres in 0..50000");
        }
        var type = GeometryType(geometry);
        VolumeShape area = type switch
        {
            "Point" => new CircleShape(Position(geometry.GetProperty("coordinates")), radius ?? HumanitarianSite.DefaultRadiusM),
            "Polygon" => ReadPolygon(geometry, trusted),
            _ => throw new GroundFormatException("geometry.type", "a site is a Point (with optional radius_m) or a Polygon"),
        };
        return new HumanitarianSite(id, organisation, category, area, area is PolygonShape ? radius ?? 0 : 0, from, to,
            Text(props, "organisation"), Text(props, "notes", 2000), Text(props, "name"));
    }

    /// <summary>Reads a movement; <paramref name="trusted"/> skips re-checking a stored route.</summary>
    public static GroundMovement ReadMovement(string json, string id, string party, bool trusted = false)
    {
        using var doc = Open(json);
        var (geometry, props) = Feature(doc.RootElement, MovementProperties, party);
        var category = Category(props, SiteCategories.Movements, required: false) ?? "convoy";
        var (from, to) = Window(props, required: true);
        if (GeometryType(geometry) != "LineString")
        {
            throw new GroundFormatException("geometry.type", "a movement's route is a LineString");
        }
        var path = Positions(geometry.GetProperty("coordinates"), trusted);
        if (!trusted && ShapeRules.CheckPath(path) is { } problem)
        {
            throw new GroundFormatException("geometry.coordinates", problem);
        }
        var halfWidth = OptionalNumber(props, "half_width_m") ?? GroundMovement.DefaultHalfWidthM;
        var bad = ShapeRules.CheckRadius(halfWidth, "half-width") ?? (halfWidth > 50_000 ? "must be at most 50000 m" : null);
        if (bad is not null)
        {
            throw new GroundFormatException("properties.half_width_m", bad);
        }
        return new GroundMovement(id, party, category, new CorridorShape(path, halfWidth), from!.Value, to!.Value,
            Text(props, "organisation"), Text(props, "notes", 2000), Text(props, "name"));
    }

    /// <summary>Reads a zone; <paramref name="trusted"/> skips re-checking a stored polygon.</summary>
    public static OperationsZone ReadZone(string json, string id, string party, bool trusted = false)
    {
        using var doc = Open(json);
        var (geometry, props) = Feature(doc.RootElement, ZoneProperties, party);
        var (from, to) = Window(props, required: true);
        if (GeometryType(geometry) != "Polygon")
        {
            throw new GroundFormatException("geometry.type", "a zone of operations is a Polygon");
        }
        return new OperationsZone(id, party, ReadPolygon(geometry, trusted), from!.Value, to!.Value, Text(props, "name"));
    }

    public static string Write(HumanitarianSite s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return WriteFeature(s.Id, s.Area, w =>
        {
            w.WriteString("site_id", s.Id);
            w.WriteString("party", s.Organisation);
            w.WriteString("category", s.Category);
            w.WriteNumber("radius_m", s.Area is CircleShape c ? c.RadiusM : s.MarginM);
            WindowProps(w, s.ValidFrom, s.ValidTo);
            Optional(w, "name", s.Name);
            Optional(w, "organisation", s.OrganisationName);
            Optional(w, "notes", s.Notes);
        });
    }

    public static string Write(GroundMovement m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return WriteFeature(m.Id, m.Route, w =>
        {
            w.WriteString("movement_id", m.Id);
            w.WriteString("party", m.Party);
            w.WriteString("category", m.Category);
            w.WriteNumber("half_width_m", m.Route.HalfWidthM);
            WindowProps(w, m.ValidFrom, m.ValidTo);
            Optional(w, "name", m.Name);
            Optional(w, "organisation", m.OrganisationName);
            Optional(w, "notes", m.Notes);
        });
    }

    public static string Write(OperationsZone z)
    {
        ArgumentNullException.ThrowIfNull(z);
        return WriteFeature(z.Id, z.Area, w =>
        {
            w.WriteString("zone_id", z.Id);
            w.WriteString("party", z.Party);
            WindowProps(w, z.ValidFrom, z.ValidTo);
            Optional(w, "name", z.Name);
        });
    }

    private static JsonDocument Open(string json)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            throw new GroundFormatException("body", "the JSON is malformed");
        }
    }

    private static (JsonElement Geometry, JsonElement Properties) Feature(JsonElement root, HashSet<string> allowed, string caller)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new GroundFormatException("body", "a GeoJSON Feature object is required");
        }
        foreach (var p in root.EnumerateObject())
        {
            if (!FeatureMembers.Contains(p.Name))
            {
                throw new GroundFormatException(p.Name, "unknown member");
            }
        }
        if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "Feature")
        {
            throw new GroundFormatException("type", "must be \"Feature\"");
        }
        if (!root.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
        {
            throw new GroundFormatException("geometry", "missing or not an object");
        }
        if (!root.TryGetProperty("properties", out var props) || props.ValueKind != JsonValueKind.Object)
        {
            throw new GroundFormatException("properties", "missing or not an object");
        }
        foreach (var p in props.EnumerateObject())
        {
            if (!allowed.Contains(p.Name))
            {
                throw new GroundFormatException("properties." + p.Name, "unknown member");
            }
        }
        if (Text(props, "party") is { } party && party != caller)
        {
            throw new GroundFormatException("properties.party", "must be the caller's own party (or omitted)");
        }
        return (geometry, props);
    }

    private static string GeometryType(JsonElement geometry)
    {
        if (!geometry.TryGetProperty("type", out var t) || t.ValueKind != JsonValueKind.String)
        {
            throw new GroundFormatException("geometry.type", "missing geometry type");
        }
        if (!geometry.TryGetProperty("coordinates", out var c) || c.ValueKind != JsonValueKind.Array)
        {
            throw new GroundFormatException("geometry.coordinates", "missing or not an array");
        }
        return t.GetString()!;
    }

    private static PolygonShape ReadPolygon(JsonElement geometry, bool trusted)
    {
        var rings = geometry.GetProperty("coordinates");
        if (rings.GetArrayLength() != 1)
        {
            throw new GroundFormatException("geometry.coordinates", "a polygon needs exactly one outer ring (no holes)");
        }
        var ring = Positions(rings[0], trusted);
        // Refused when new; a stored ring is read as it was accepted.
        var open = ShapeRules.CheckRingClosed(ring);
        if (open is not null && !trusted)
        {
            throw new GroundFormatException("geometry.coordinates", open);
        }
        if (open is null)
        {
            ring.RemoveAt(ring.Count - 1);
        }
        return !trusted && ShapeRules.CheckPolygon(ring) is { } problem ? throw new GroundFormatException("geometry.coordinates", problem) : new PolygonShape(ring);
    }

    private static List<GeoPoint> Positions(JsonElement array, bool trusted)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new GroundFormatException("geometry.coordinates", "expected an array of positions");
        }
        // Counted before reading; -1: a ring may repeat its first position.
        if (!trusted && ShapeRules.CheckVertexCount(array.GetArrayLength() - 1, "the ring or path") is { } many)
        {
            throw new GroundFormatException("geometry.coordinates", many);
        }
        var list = new List<GeoPoint>(array.GetArrayLength());
        foreach (var p in array.EnumerateArray())
        {
            list.Add(Position(p));
        }
        return list;
    }

    private static GeoPoint Position(JsonElement p)
    {
        if (p.ValueKind != JsonValueKind.Array || p.GetArrayLength() is < 2 or > 3 || p[0].ValueKind != JsonValueKind.Number || p[1].ValueKind != JsonValueKind.Number)
        {
            throw new GroundFormatException("geometry.coordinates", "expected a position [longitude, latitude]");
        }
        var point = new GeoPoint(p[1].GetDouble(), p[0].GetDouble());
        return ShapeRules.CheckPosition(point) is { } problem ? throw new GroundFormatException("geometry.coordinates", problem) : point;
    }

    private static string? Category(JsonElement props, IReadOnlySet<string> known, bool required)
    {
        var text = Text(props, "category", 40);
        if (text is null)
        {
            return required ? throw new GroundFormatException("properties.category", $"required, e.g. one of {string.Join(", ", known.Order(StringComparer.Ordinal))}") : null;
        }
        // Organisations name their own kinds (hospital, bakery, mine action…): any short word is taken, in lower case.
        var category = text.ToLowerInvariant();
        return char.IsAsciiLetterLower(category[0]) && category.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-')
            ? category
            : throw new GroundFormatException("properties.category", $"a word of letters, digits, '_' or '-', e.g. one of {string.Join(", ", known.Order(StringComparer.Ordinal))}");
    }

    private static (DateTimeOffset? From, DateTimeOffset? To) Window(JsonElement props, bool required)
    {
        var from = Time(props, "valid_from", required);
        var to = Time(props, "valid_to", required);
        if (from is not null && to is not null && from >= to)
        {
            throw new GroundFormatException("properties.valid_to", "must be after valid_from");
        }
        return (from, to);
    }

    private static DateTimeOffset? Time(JsonElement props, string name, bool required)
    {
        if (!props.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new GroundFormatException("properties." + name, "required: an RFC 3339 UTC time") : null;
        }
        if (v.ValueKind == JsonValueKind.String && v.GetString() is { } s && s.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
        {
            return t;
        }
        throw new GroundFormatException("properties." + name, "an RFC 3339 UTC time such as 2026-03-01T12:00:00Z");
    }

    private static double? OptionalNumber(JsonElement props, string name)
    {
        if (!props.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return v.ValueKind == JsonValueKind.Number ? v.GetDouble() : throw new GroundFormatException("properties." + name, "must be a number");
    }

    private static string? Text(JsonElement props, string name, int max = 200)
    {
        if (!props.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (v.ValueKind != JsonValueKind.String || v.GetString() is not { Length: > 0 } s)
        {
            throw new GroundFormatException("properties." + name, "must be a non-empty string");
        }
        return s.Length > max ? throw new GroundFormatException("properties." + name, $"at most {max} characters") : s;
    }

    private static string WriteFeature(string id, VolumeShape shape, Action<Utf8JsonWriter> properties)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteString("id", id);
            ShapeGeoJson.WriteGeometry(w, shape);
            w.WriteStartObject("properties");
            properties(w);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WindowProps(Utf8JsonWriter w, DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is { } f)
        {
            w.WriteString("valid_from", IntentFeature.FormatTime(f));
        }
        if (to is { } t)
        {
            w.WriteString("valid_to", IntentFeature.FormatTime(t));
        }
    }

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
