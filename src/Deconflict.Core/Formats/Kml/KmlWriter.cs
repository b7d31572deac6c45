using System.Globalization;
using System.Text;
using System.Xml;

namespace Deconflict.Core.Formats.Kml;

/// <summary>
/// Streams a KML 2.2 document: shared styles, folders and placemarks. Numbers are written in the shortest form that
/// reads back to the same double, so coordinates and altitudes survive a round trip exactly.
/// </summary>
public sealed class KmlWriter : IDisposable
{
    public const string Namespace = "http://www.opengis.net/kml/2.2";
    public const string MediaType = "application/vnd.google-earth.kml+xml";

    private readonly XmlWriter _xml;
    private int _openFolders;
    private bool _finished;

    public KmlWriter(Stream output, string documentName)
    {
        _xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, CloseOutput = false });
        _xml.WriteStartDocument();
        _xml.WriteStartElement("kml", Namespace);
        _xml.WriteStartElement("Document");
        _xml.WriteElementString("name", documentName);
    }

    /// <summary>A shared style: line and fill colours as KML's aabbggrr hex, line width in pixels.</summary>
    public void Style(string id, string lineColour, string fillColour, double lineWidth = 2)
    {
        _xml.WriteStartElement("Style");
        _xml.WriteAttributeString("id", id);
        _xml.WriteStartElement("IconStyle");
        _xml.WriteElementString("color", lineColour);
        _xml.WriteEndElement();
        _xml.WriteStartElement("LineStyle");
        _xml.WriteElementString("color", lineColour);
        _xml.WriteElementString("width", Number(lineWidth));
        _xml.WriteEndElement();
        _xml.WriteStartElement("PolyStyle");
        _xml.WriteElementString("color", fillColour);
        _xml.WriteEndElement();
        _xml.WriteEndElement();
    }

    public void BeginFolder(string name)
    {
        _xml.WriteStartElement("Folder");
        _xml.WriteElementString("name", name);
        _openFolders++;
    }

    public void EndFolder()
    {
        if (_openFolders == 0)
        {
            throw new InvalidOperationException("no folder is open");
        }
        _xml.WriteEndElement();
        _openFolders--;
    }

    public void Placemark(KmlPlacemark placemark)
    {
        ArgumentNullException.ThrowIfNull(placemark);
        _xml.WriteStartElement("Placemark");
        if (placemark.Name is { } name)
        {
            _xml.WriteElementString("name", name);
        }
        if (placemark.Description is { } description)
        {
            _xml.WriteElementString("description", description);
        }
        if (placemark.Begin is not null || placemark.End is not null)
        {
            _xml.WriteStartElement("TimeSpan");
            if (placemark.Begin is { } begin)
            {
                _xml.WriteElementString("begin", begin);
            }
            if (placemark.End is { } end)
            {
                _xml.WriteElementString("end", end);
            }
            _xml.WriteEndElement();
        }
        else if (placemark.When is { } when)
        {
            _xml.WriteStartElement("TimeStamp");
            _xml.WriteElementString("when", when);
            _xml.WriteEndElement();
        }
        if (placemark.StyleUrl is { } style)
        {
            _xml.WriteElementString("styleUrl", style);
        }
        if (placemark.Data.Count > 0)
        {
            _xml.WriteStartElement("ExtendedData");
            foreach (var (key, value) in placemark.Data)
            {
                _xml.WriteStartElement("Data");
                _xml.WriteAttributeString("name", key);
                _xml.WriteElementString("value", value);
                _xml.WriteEndElement();
            }
            _xml.WriteEndElement();
        }
        if (placemark.Geometries.Count == 1)
        {
            Geometry(placemark.Geometries[0]);
        }
        else if (placemark.Geometries.Count > 1)
        {
            _xml.WriteStartElement("MultiGeometry");
            foreach (var g in placemark.Geometries)
            {
                Geometry(g);
            }
            _xml.WriteEndElement();
        }
        _xml.WriteEndElement();
    }

    /// <summary>Closes the folders and the document.</summary>
    public void Finish()
    {
        if (_finished)
        {
            return;
        }
        while (_openFolders > 0)
        {
            EndFolder();
        }
        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.WriteEndDocument();
        _xml.Flush();
        _finished = true;
    }

    public void Dispose()
    {
        Finish();
        _xml.Dispose();
    }

    /// <summary>A number in invariant culture, shortest round-trip form.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private void Geometry(KmlGeometry geometry)
    {
        switch (geometry)
        {
            case KmlPoint p:
                _xml.WriteStartElement("Point");
                Mode(p);
                Coordinates([p.At]);
                _xml.WriteEndElement();
                break;
            case KmlLineString l:
                _xml.WriteStartElement("LineString");
                Mode(l);
                Coordinates(l.Path);
                _xml.WriteEndElement();
                break;
            case KmlPolygon g:
                _xml.WriteStartElement("Polygon");
                Mode(g);
                _xml.WriteStartElement("outerBoundaryIs");
                _xml.WriteStartElement("LinearRing");
                Coordinates(g.Outer);
                _xml.WriteEndElement();
                _xml.WriteEndElement();
                _xml.WriteEndElement();
                break;
            default:
                throw new ArgumentException($"unknown geometry {geometry.GetType().Name}", nameof(geometry));
        }
    }

    private void Mode(KmlGeometry g)
    {
        if (g.Extrude)
        {
            _xml.WriteElementString("extrude", "1");
        }
        if (g.AltitudeMode is { } mode)
        {
            _xml.WriteElementString("altitudeMode", mode);
        }
    }

    private void Coordinates(IEnumerable<KmlCoordinate> positions)
    {
        var text = new StringBuilder();
        foreach (var c in positions)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }
            text.Append(Number(c.LonDeg)).Append(',').Append(Number(c.LatDeg));
            if (c.AltitudeM is { } alt)
            {
                text.Append(',').Append(Number(alt));
            }
        }
        _xml.WriteElementString("coordinates", text.ToString());
    }
}
