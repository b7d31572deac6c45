using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Deconflict.Core.Formats.Kml;

/// <summary>
/// Reads the placemarks of a KML document (any KML namespace; elements are matched by local name), for input
/// from anyone: DTDs are refused (no entity expansion, no external resolution) and sizes are bounded, so a
/// hostile document costs at most its length. Every problem is a <see cref="KmlFormatException"/> with its line.
/// </summary>
public static class KmlReader
{
    /// <summary>Most placemarks read from one document.</summary>
    public const int MaxPlacemarks = 10_000;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = 64L << 20,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    public static IReadOnlyList<KmlPlacemark> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), Settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            // A DTD could expand entities or reach for external files: refused outright, whatever it declares.
            throw e.Message.Contains("DTD", StringComparison.Ordinal)
                ? new KmlFormatException(Math.Max(1, e.LineNumber), "kml", "a DTD (<!DOCTYPE>) is refused in KML from outside")
                : new KmlFormatException(Math.Max(1, e.LineNumber), "kml", $"not well-formed XML: {e.Message}");
        }
        var root = document.Root!;
        if (root.Name.LocalName != "kml")
        {
            throw new KmlFormatException(LineOf(root), root.Name.LocalName, "the document element must be <kml>");
        }
        var placemarks = new List<KmlPlacemark>();
        foreach (var element in root.Descendants().Where(e => e.Name.LocalName == "Placemark"))
        {
            if (placemarks.Count == MaxPlacemarks)
            {
                throw new KmlFormatException(LineOf(element), "Placemark", $"more than {MaxPlacemarks} placemarks");
            }
            placemarks.Add(Placemark(element, placemarks.Count));
        }
        return placemarks;
    }

    public static int LineOf(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    private static KmlPlacemark Placemark(XElement p, int index)
    {
        var name = Child(p, "name")?.Value.Trim();
        var path = $"Placemark[{index}]" + (string.IsNullOrEmpty(name) ? "" : $" '{name}'");
        var span = Child(p, "TimeSpan");
        var stamp = Child(p, "TimeStamp");
        var data = new List<KeyValuePair<string, string>>();
        if (Child(p, "ExtendedData") is { } extended)
        {
            foreach (var d in extended.Elements())
            {
                switch (d.Name.LocalName)
                {
                    case "Data":
                        data.Add(new(Attribute(d, "name", path), (Child(d, "value")?.Value ?? "").Trim()));
                        break;
                    case "SchemaData":
                        foreach (var s in d.Elements().Where(e => e.Name.LocalName == "SimpleData"))
                        {
                            data.Add(new(Attribute(s, "name", path), s.Value.Trim()));
                        }
                        break;
                    default:
                        break;
                }
            }
        }
        var geometries = new List<KmlGeometry>();
        foreach (var g in p.Elements())
        {
            Geometry(g, path, geometries);
        }
        return new KmlPlacemark(name, Child(p, "styleUrl")?.Value.Trim(),
            span is null ? null : Child(span, "begin")?.Value.Trim(), span is null ? null : Child(span, "end")?.Value.Trim(),
            stamp is null ? null : Child(stamp, "when")?.Value.Trim(), data, geometries,
            Child(p, "description")?.Value, LineOf(p), index);
    }

    private static void Geometry(XElement g, string path, List<KmlGeometry> into)
    {
        var extrude = Child(g, "extrude")?.Value.Trim() is "1" or "true";
        var mode = Child(g, "altitudeMode")?.Value.Trim();
        var line = LineOf(g);
        switch (g.Name.LocalName)
        {
            case "Point":
                var at = Coordinates(g, $"{path}.Point", line);
                if (at.Count != 1)
                {
                    throw new KmlFormatException(line, $"{path}.Point.coordinates", $"a Point has one position, found {at.Count}");
                }
                into.Add(new KmlPoint(at[0], extrude, mode, line));
                break;
            case "LineString":
                into.Add(new KmlLineString(Coordinates(g, $"{path}.LineString", line), extrude, mode, line));
                break;
            case "Polygon":
                var outer = Child(g, "outerBoundaryIs") is { } ob ? Child(ob, "LinearRing") : null;
                if (outer is null)
                {
                    throw new KmlFormatException(line, $"{path}.Polygon.outerBoundaryIs", "a Polygon needs an outerBoundaryIs LinearRing");
                }
                var inner = g.Elements().Count(e => e.Name.LocalName == "innerBoundaryIs");
                into.Add(new KmlPolygon(Coordinates(outer, $"{path}.Polygon.outerBoundaryIs.LinearRing", LineOf(outer)), inner, extrude, mode, line));
                break;
            case "MultiGeometry":
                foreach (var member in g.Elements())
                {
                    Geometry(member, path + ".MultiGeometry", into);
                }
                break;
            case "LinearRing" or "Model" or "Track" or "MultiTrack":
                throw new KmlFormatException(line, $"{path}.{g.Name.LocalName}", "not supported here; use Polygon, LineString or Point");
            default:
                break;
        }
    }

    private static List<KmlCoordinate> Coordinates(XElement parent, string path, int line)
    {
        var element = Child(parent, "coordinates") ?? throw new KmlFormatException(line, path, "no <coordinates>");
        var list = new List<KmlCoordinate>();
        var tuples = element.Value.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        // Counted before reading, so an oversized ring costs nothing beyond its text.
        if (tuples.Length > 100_000)
        {
            throw new KmlFormatException(LineOf(element), path + ".coordinates", $"{tuples.Length} positions is too many");
        }
        foreach (var tuple in tuples)
        {
            var parts = tuple.Split(',');
            if (parts.Length is < 2 or > 3 || !TryNumber(parts[0], out var lon) || !TryNumber(parts[1], out var lat)
                || (parts.Length == 3 && !TryNumber(parts[2], out _)))
            {
                throw new KmlFormatException(LineOf(element), path + ".coordinates", $"expected lon,lat[,alt] in degrees and metres, got '{Shorten(tuple)}'");
            }
            double? alt = parts.Length == 3 ? double.Parse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture) : null;
            list.Add(new KmlCoordinate(lon, lat, alt));
        }
        return list;
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static string Attribute(XElement e, string name, string path) =>
        e.Attribute(name)?.Value ?? throw new KmlFormatException(LineOf(e), $"{path}.ExtendedData.{e.Name.LocalName}", $"needs a '{name}' attribute");

    private static XElement? Child(XElement parent, string localName) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
