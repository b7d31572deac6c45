using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Deconflict.Cli.Replay;

/// <summary>
/// Coastlines and borders for the replay report, from the Natural Earth 1:50m countries embedded in the CLI
/// (world-atlas TopoJSON), so the report stays self-contained and offline. TopoJSON stores each shared
/// border or coastline once as an arc of delta-encoded, quantised positions; drawing every arc draws every
/// outline once, with no polygon assembly.
/// </summary>
internal static class Basemap
{
    private static readonly Lazy<IReadOnlyList<(double Lon, double Lat)[]>> Arcs = new(Load);

    /// <summary>Appends an SVG group with the outline pieces that fall inside the box (grown by a margin).</summary>
    public static int Append(StringBuilder sb, double minLat, double maxLat, double minLon, double maxLon, Func<double, double> x, Func<double, double> y)
    {
        var margin = Math.Max(maxLat - minLat, maxLon - minLon) * 0.1;
        (minLat, maxLat, minLon, maxLon) = (minLat - margin, maxLat + margin, minLon - margin, maxLon + margin);
        var pieces = 0;
        sb.Append("<g class=\"basemap\" fill=\"none\" stroke=\"#9aa59a\" stroke-width=\"0.8\">\n");
        foreach (var arc in Arcs.Value)
        {
            var open = false;
            for (var i = 0; i < arc.Length; i++)
            {
                var (lon, lat) = arc[i];
                var inside = lat >= minLat && lat <= maxLat && lon >= minLon && lon <= maxLon;
                // Keep one point either side of the box so outlines run to its edge.
                var near = inside || (i + 1 < arc.Length && Inside(arc[i + 1])) || (i > 0 && Inside(arc[i - 1]));
                if (near)
                {
                    if (!open)
                    {
                        sb.Append("<polyline points=\"");
                        open = true;
                        pieces++;
                    }
                    sb.Append(CultureInfo.InvariantCulture, $"{x(lon):F1},{y(lat):F1} ");
                }
                else if (open)
                {
                    sb.Append("\"/>\n");
                    open = false;
                }
            }
            if (open)
            {
                sb.Append("\"/>\n");
            }
        }
        sb.Append("</g>\n");
        return pieces;

        bool Inside((double Lon, double Lat) p) => p.Lat >= minLat && p.Lat <= maxLat && p.Lon >= minLon && p.Lon <= maxLon;
    }

    private static IReadOnlyList<(double Lon, double Lat)[]> Load()
    {
        using var stream = typeof(Basemap).Assembly.GetManifestResourceStream("Deconflict.Cli.Replay.countries-50m.json.gz")
            ?? throw new InvalidOperationException("the embedded basemap is missing from the build");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var doc = JsonDocument.Parse(gzip);
        var transform = doc.RootElement.GetProperty("transform");
        var scale = transform.GetProperty("scale");
        var translate = transform.GetProperty("translate");
        var (sx, sy, tx, ty) = (scale[0].GetDouble(), scale[1].GetDouble(), translate[0].GetDouble(), translate[1].GetDouble());
        var arcs = new List<(double, double)[]>();
        foreach (var arc in doc.RootElement.GetProperty("arcs").EnumerateArray())
        {
            var points = new (double, double)[arc.GetArrayLength()];
            long qx = 0, qy = 0;
            var i = 0;
            foreach (var delta in arc.EnumerateArray())
            {
                qx += delta[0].GetInt64();
                qy += delta[1].GetInt64();
                points[i++] = ((qx * sx) + tx, (qy * sy) + ty);
            }
            arcs.Add(points);
        }
        return arcs;
    }
}
