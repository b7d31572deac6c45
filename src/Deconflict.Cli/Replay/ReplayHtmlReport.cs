using System.Globalization;
using System.Net;
using System.Text;
using Deconflict.Core.Surveillance;

namespace Deconflict.Cli.Replay;

/// <summary>
/// A self-contained HTML report of a replay: a map of the tracks (faint) and the alert positions,
/// over Natural Earth coastlines and borders (<see cref="Basemap"/>), and a timeline of the alert episodes,
/// both inline SVG (no tiles, scripts or fonts to fetch),
/// then the episode table. The map uses an equirectangular projection scaled by the cosine of
/// the mid latitude, which keeps shapes right over the extent of one recording.
/// </summary>
internal static class ReplayHtmlReport
{
    private const double MapW = 960;
    private const double MapH = 620;
    private const double Pad = 30;

    public static void Write(TextWriter w, ReplaySummary summary, IReadOnlyList<AlertEpisode> episodes, IReadOnlyDictionary<string, List<(double Lat, double Lon)>> tracks)
    {
        var ordered = AlertCsvWriter.Ordered(episodes).ToList();
        w.Write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Deconflict replay: ");
        w.Write(E(summary.Source));
        w.Write("</title>\n<style>body{font:14px system-ui,sans-serif;margin:24px;color:#222}h1{font-size:20px}h2{font-size:16px;margin-top:28px}"
            + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}th{background:#f3f3f3}"
            + ".caution{color:#b36b00}.warning{color:#c0392b}svg{background:#fbfbf8;border:1px solid #ddd}dl{display:grid;grid-template-columns:max-content auto;gap:2px 12px}dt{color:#666}</style>\n</head><body>\n");
        w.Write($"<h1>Replay of {E(summary.Source)}</h1>\n<dl>");
        Item(w, "Recording", $"{Time(summary.StartS)} – {Time(summary.EndS)} UTC ({(summary.EndS - summary.StartS) / 3600:F2} h)");
        Item(w, "Reports", $"{summary.Reports:N0} from {summary.Aircraft:N0} aircraft");
        Item(w, "Separation", $"{summary.Minima.HorizontalNm:0.###} NM / {summary.Minima.VerticalFt:0} ft, look-ahead {summary.Minima.LookaheadS:0} s, cycle {summary.CycleS:0.###} s");
        Item(w, "Alert levels", $"caution ≤ {summary.Alerts.CautionS:0} s, warning ≤ {summary.Alerts.WarningS:0} s to loss of separation");
        Item(w, "Alert episodes", $"{ordered.Count:N0} ({ordered.Count(e => e.MaxLevel == AlertLevel.Warning):N0} reached warning)");
        if (summary.SbsStats is { } sbs)
        {
            Item(w, "SBS lines", sbs);
        }
        w.Write("</dl>\n<h2>Map</h2>\n");
        WriteMap(w, ordered, tracks);
        w.Write("<h2>Timeline</h2>\n");
        WriteTimeline(w, summary, ordered);
        w.Write("<h2>Episodes</h2>\n<table><tr><th>#</th><th>id1</th><th>id2</th><th>raised (UTC)</th><th>level</th><th>LoS from</th><th>LoS to</th><th>cleared</th><th>CPA h (NM)</th><th>CPA v (ft)</th></tr>\n");
        var n = 0;
        foreach (var e in ordered.Take(2000))
        {
            var level = AlertCsvWriter.LevelName(e.MaxLevel);
            w.Write($"<tr><td>{++n}</td><td>{E(e.Id1)}</td><td>{E(e.Id2)}</td><td>{Time(e.RaisedS)}</td><td class=\"{level}\">{level}</td><td>{Time(e.LosStartS)}</td><td>{Time(e.LosEndS)}</td><td>{(e.IsActive ? "—" : Time(e.ClearedS))}</td><td>{F(e.HCpaNm, "0.00")}</td><td>{F(e.VCpaFt, "0")}</td></tr>\n");
        }
        w.Write("</table>\n");
        if (ordered.Count > 2000)
        {
            w.Write($"<p>… and {ordered.Count - 2000:N0} more in the CSV.</p>\n");
        }
        w.Write("</body></html>\n");
    }

    private static void WriteMap(TextWriter w, List<AlertEpisode> episodes, IReadOnlyDictionary<string, List<(double Lat, double Lon)>> tracks)
    {
        double minLat = 90, maxLat = -90, minLon = 180, maxLon = -180;
        foreach (var points in tracks.Values)
        {
            foreach (var (lat, lon) in points)
            {
                (minLat, maxLat, minLon, maxLon) = (Math.Min(minLat, lat), Math.Max(maxLat, lat), Math.Min(minLon, lon), Math.Max(maxLon, lon));
            }
        }
        if (minLat > maxLat)
        {
            w.Write("<p>No positions.</p>\n");
            return;
        }
        var k = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        var spanX = Math.Max((maxLon - minLon) * k, 1e-3);
        var spanY = Math.Max(maxLat - minLat, 1e-3);
        var scale = Math.Min((MapW - (2 * Pad)) / spanX, (MapH - (2 * Pad)) / spanY);
        double X(double lon) => Pad + ((lon - minLon) * k * scale);
        double Y(double lat) => MapH - Pad - ((lat - minLat) * scale);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{MapW}\" height=\"{MapH}\" viewBox=\"0 0 {MapW} {MapH}\">\n");
        sb.Append(CultureInfo.InvariantCulture, $"<defs><clipPath id=\"map-area\"><rect x=\"0\" y=\"0\" width=\"{MapW}\" height=\"{MapH}\"/></clipPath></defs>\n<g clip-path=\"url(#map-area)\">\n");
        // The whole drawing area, which is wider than the tracks in one direction.
        Basemap.Append(sb, minLat - (Pad / scale), minLat + ((MapH - Pad) / scale), minLon - (Pad / (k * scale)), minLon + ((MapW - Pad) / (k * scale)), X, Y);
        sb.Append("</g>\n");
        var step = NiceStep(Math.Max(maxLat - minLat, maxLon - minLon) / 6);
        // Grid lines by integer multiples of the step, so no sum of steps drifts to "-0" or 0.30000000000000004.
        for (var i = (long)Math.Ceiling(minLat / step); i * step <= maxLat; i++)
        {
            var lat = i * step;
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Pad}\" x2=\"{MapW - Pad}\" y1=\"{Y(lat):F1}\" y2=\"{Y(lat):F1}\" stroke=\"#e4e4e4\"/><text x=\"2\" y=\"{Y(lat) - 2:F1}\" font-size=\"10\" fill=\"#888\">{Degrees(lat, 'N', 'S')}</text>\n");
        }
        for (var i = (long)Math.Ceiling(minLon / step); i * step <= maxLon; i++)
        {
            var lon = i * step;
            sb.Append(CultureInfo.InvariantCulture, $"<line y1=\"{Pad}\" y2=\"{MapH - Pad}\" x1=\"{X(lon):F1}\" x2=\"{X(lon):F1}\" stroke=\"#e4e4e4\"/><text y=\"{MapH - 4}\" x=\"{X(lon) + 2:F1}\" font-size=\"10\" fill=\"#888\">{Degrees(lon, 'E', 'W')}</text>\n");
        }
        sb.Append("<g fill=\"none\" stroke=\"#7a8a99\" stroke-opacity=\"0.35\" stroke-width=\"0.7\">\n");
        foreach (var (id, points) in tracks)
        {
            if (points.Count < 2)
            {
                continue;
            }
            sb.Append("<polyline points=\"");
            foreach (var (lat, lon) in points)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{X(lon):F1},{Y(lat):F1} ");
            }
            sb.Append("\"><title>").Append(E(id)).Append("</title></polyline>\n");
        }
        sb.Append("</g>\n");
        foreach (var e in episodes.OrderBy(e => e.MaxLevel))
        {
            var colour = e.MaxLevel == AlertLevel.Warning ? "#c0392b" : "#e69f00";
            var (lat, lon) = double.IsNaN(e.LosLatDeg) ? ((e.RaisedLat1Deg + e.RaisedLat2Deg) / 2, (e.RaisedLon1Deg + e.RaisedLon2Deg) / 2) : (e.LosLatDeg, e.LosLonDeg);
            var r = e.MaxLevel == AlertLevel.Warning ? 4 : 3;
            sb.Append(CultureInfo.InvariantCulture,
                $"<circle cx=\"{X(lon):F1}\" cy=\"{Y(lat):F1}\" r=\"{r}\" fill=\"{colour}\" fill-opacity=\"0.75\" stroke=\"#fff\" stroke-width=\"0.6\"><title>{E(e.Id1)} – {E(e.Id2)}: {AlertCsvWriter.LevelName(e.MaxLevel)} raised {Time(e.RaisedS)} UTC, LoS {Time(e.LosStartS)}–{Time(e.LosEndS)}, CPA {F(e.HCpaNm, "0.00")} NM / {F(e.VCpaFt, "0")} ft</title></circle>\n");
        }
        sb.Append(CultureInfo.InvariantCulture, $"<g font-size=\"12\"><rect x=\"{MapW - 190}\" y=\"8\" width=\"180\" height=\"58\" fill=\"#fff\" stroke=\"#ccc\"/>"
            + $"<line x1=\"{MapW - 180}\" x2=\"{MapW - 160}\" y1=\"22\" y2=\"22\" stroke=\"#7a8a99\"/><text x=\"{MapW - 154}\" y=\"26\">track</text>"
            + $"<circle cx=\"{MapW - 170}\" cy=\"39\" r=\"3\" fill=\"#e69f00\"/><text x=\"{MapW - 154}\" y=\"43\">caution: LoS point</text>"
            + $"<circle cx=\"{MapW - 170}\" cy=\"56\" r=\"3\" fill=\"#c0392b\"/><text x=\"{MapW - 154}\" y=\"60\">warning: LoS point</text></g>\n");
        sb.Append("</svg>\n");
        w.Write(sb.ToString());
    }

    private static void WriteTimeline(TextWriter w, ReplaySummary summary, List<AlertEpisode> episodes)
    {
        const double left = 20, right = 20, row = 14, top = 24;
        var width = MapW;
        var t0 = summary.StartS;
        var t1 = Math.Max(summary.EndS, t0 + 1);
        double X(double t) => left + ((Math.Clamp(t, t0, t1) - t0) / (t1 - t0) * (width - left - right));

        // Pack episodes into lanes: an episode takes the first lane free at its start (with a few pixels' gap).
        var gap = 4 * (t1 - t0) / (width - left - right);
        var laneEnds = new List<double>();
        var lanes = new int[episodes.Count];
        for (var i = 0; i < episodes.Count; i++)
        {
            var e = episodes[i];
            var end = Math.Max(e.IsActive ? t1 : e.ClearedS, e.RaisedS + gap);
            var lane = laneEnds.FindIndex(x => x + gap <= e.RaisedS);
            if (lane < 0)
            {
                lane = laneEnds.Count;
                laneEnds.Add(end);
            }
            else
            {
                laneEnds[lane] = end;
            }
            lanes[i] = lane;
        }
        var height = top + (Math.Max(laneEnds.Count, 1) * row) + 30;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-size=\"10\">\n");
        var tick = NiceTimeStep((t1 - t0) / 8);
        for (var t = Math.Ceiling(t0 / tick) * tick; t <= t1; t += tick)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(t):F1}\" x2=\"{X(t):F1}\" y1=\"{top - 6}\" y2=\"{height - 24}\" stroke=\"#e4e4e4\"/><text x=\"{X(t) - 14:F1}\" y=\"{top - 10}\" fill=\"#666\">{DateTimeOffset.FromUnixTimeMilliseconds((long)(t * 1000)):HH:mm}</text>\n");
        }
        for (var i = 0; i < episodes.Count; i++)
        {
            var e = episodes[i];
            var y = top + (lanes[i] * row);
            var end = e.IsActive ? t1 : e.ClearedS;
            var colour = e.MaxLevel == AlertLevel.Warning ? "#c0392b" : "#e69f00";
            sb.Append(CultureInfo.InvariantCulture,
                $"<g><title>{E(e.Id1)} – {E(e.Id2)}: {AlertCsvWriter.LevelName(e.MaxLevel)} raised {Time(e.RaisedS)}, predicted LoS {Time(e.LosStartS)}–{Time(e.LosEndS)}, {(e.IsActive ? "still active at the end" : "cleared " + Time(e.ClearedS))}</title>"
                + $"<rect x=\"{X(e.RaisedS):F1}\" y=\"{y + 2}\" width=\"{Math.Max(2, X(end) - X(e.RaisedS)):F1}\" height=\"{row - 4}\" fill=\"{colour}\" fill-opacity=\"0.7\"/>"
                + $"<rect x=\"{X(e.LosStartS):F1}\" y=\"{y + 5}\" width=\"{Math.Max(1, X(e.LosEndS) - X(e.LosStartS)):F1}\" height=\"{row - 10}\" fill=\"#222\" fill-opacity=\"0.7\"/></g>\n");
        }
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{height - 8}\" fill=\"#666\">each bar: one alert episode, raised → cleared (orange caution, red warning); dark inset: predicted loss of separation; hover for the pair</text>\n");
        sb.Append("</svg>\n");
        w.Write(sb.ToString());
    }

    /// <summary>"2.5°E", "0°", "1.5°W": a hemisphere letter instead of a sign, so zero is never "-0°".</summary>
    internal static string Degrees(double value, char positive, char negative)
    {
        var rounded = Math.Round(value, 6);
        return rounded == 0 ? "0°" : string.Create(CultureInfo.InvariantCulture, $"{Math.Abs(rounded):0.##}°{(rounded > 0 ? positive : negative)}");
    }

    private static double NiceStep(double raw)
    {
        foreach (var s in (double[])[0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 45])
        {
            if (s >= raw)
            {
                return s;
            }
        }
        return 90;
    }

    private static double NiceTimeStep(double raw)
    {
        foreach (var s in (double[])[60, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200])
        {
            if (s >= raw)
            {
                return s;
            }
        }
        return 86400;
    }

    private static void Item(TextWriter w, string name, string value) => w.Write($"<dt>{E(name)}</dt><dd>{E(value)}</dd>");

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);

    private static string Time(double s) => double.IsFinite(s)
        ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(s * 1000)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
        : "—";
}
