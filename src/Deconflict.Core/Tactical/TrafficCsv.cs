using System.Globalization;
using System.Text;

namespace Deconflict.Core.Tactical;

/// <summary>
/// Reads and writes traffic snapshots in the tracks format
/// (<c>id,lat_deg,lon_deg,alt_ft,gs_kt,trk_deg,vs_fpm</c>; extra columns are ignored, order is free).
/// Parsing works on UTF-8 spans of the whole file; every value is checked and the first problem is
/// reported with its file, line and field.
/// </summary>
public static class TrafficCsv
{
    public const string Header = "id,lat_deg,lon_deg,alt_ft,gs_kt,trk_deg,vs_fpm";

    private static readonly string[] Columns = ["id", "lat_deg", "lon_deg", "alt_ft", "gs_kt", "trk_deg", "vs_fpm"];

    // Plausible limits: beyond them a value is a unit or sign error, not an aircraft.
    private const double MaxGsKt = 4000;
    private const double MinAltFt = -2000;
    private const double MaxAltFt = 150_000;
    private const double MaxVsFpm = 60_000;

    /// <summary>Reads a tracks file into <paramref name="into"/> (cleared first) or a new snapshot.</summary>
    public static TrafficSnapshot Read(string path, TrafficSnapshot? into = null) =>
        Parse(File.ReadAllBytes(path), path, into);

    /// <summary>Parses tracks CSV text given as UTF-8 bytes; <paramref name="name"/> is used in error messages.</summary>
    public static TrafficSnapshot Parse(ReadOnlySpan<byte> utf8, string name, TrafficSnapshot? into = null)
    {
        var snapshot = into ?? new TrafficSnapshot(Math.Max(16, utf8.Length / 48));
        snapshot.Clear();
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        Span<int> columnOf = stackalloc int[Columns.Length];
        var lineNo = 0L;
        var headerSeen = false;
        var fieldCount = 0;
        Span<Range> ranges = stackalloc Range[64];
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);

        while (utf8.Length > 0)
        {
            lineNo++;
            var nl = utf8.IndexOf((byte)'\n');
            var line = nl < 0 ? utf8 : utf8[..nl];
            utf8 = nl < 0 ? default : utf8[(nl + 1)..];
            if (line.Length > 0 && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }
            if (line.Trim((byte)' ').IsEmpty)
            {
                continue;
            }

            var n = Split(line, ranges);
            if (!headerSeen)
            {
                headerSeen = true;
                fieldCount = ReadHeader(line, ranges[..n], columnOf, name, lineNo);
                continue;
            }
            if (n < fieldCount)
            {
                throw new TrafficFormatException(name, lineNo, Columns[FirstMissing(columnOf, n)], $"missing: the row has {n} fields, the header {fieldCount}");
            }

            var id = Encoding.UTF8.GetString(line[ranges[columnOf[0]]].Trim((byte)' '));
            if (id.Length == 0)
            {
                throw new TrafficFormatException(name, lineNo, "id", "empty");
            }
            if (!seen.TryAdd(id, lineNo))
            {
                throw new TrafficFormatException(name, lineNo, "id", $"'{id}' is already used on line {seen[id]}");
            }
            var lat = Number(line, ranges, columnOf, 1, name, lineNo, -90, 90);
            var lon = Number(line, ranges, columnOf, 2, name, lineNo, -180, 180);
            var alt = Number(line, ranges, columnOf, 3, name, lineNo, MinAltFt, MaxAltFt);
            var gs = Number(line, ranges, columnOf, 4, name, lineNo, 0, MaxGsKt);
            var trk = Number(line, ranges, columnOf, 5, name, lineNo, 0, 360);
            var vs = Number(line, ranges, columnOf, 6, name, lineNo, -MaxVsFpm, MaxVsFpm);
            snapshot.Add(id, lat, lon, alt, gs, trk, vs);
        }
        if (!headerSeen)
        {
            throw new TrafficFormatException(name, 1, "header", $"empty file; expected the header '{Header}'");
        }
        return snapshot;
    }

    private static int ReadHeader(ReadOnlySpan<byte> line, ReadOnlySpan<Range> ranges, Span<int> columnOf, string name, long lineNo)
    {
        if (ranges.Length == 64)
        {
            throw new TrafficFormatException(name, lineNo, "header", "more than 63 columns");
        }
        columnOf.Fill(-1);
        for (var f = 0; f < ranges.Length; f++)
        {
            var label = line[ranges[f]].Trim((byte)' ');
            for (var c = 0; c < Columns.Length; c++)
            {
                if (label.SequenceEqual(Encoding.ASCII.GetBytes(Columns[c])))
                {
                    if (columnOf[c] >= 0)
                    {
                        throw new TrafficFormatException(name, lineNo, Columns[c], "column appears twice in the header");
                    }
                    columnOf[c] = f;
                }
            }
        }
        var needed = 0;
        for (var c = 0; c < Columns.Length; c++)
        {
            if (columnOf[c] < 0)
            {
                throw new TrafficFormatException(name, lineNo, Columns[c], $"missing header column; expected '{Header}'");
            }
            needed = Math.Max(needed, columnOf[c] + 1);
        }
        return needed;
    }

    /// <summary>Splits at commas into at most ranges.Length fields (the last takes the rest); returns the count.</summary>
    private static int Split(ReadOnlySpan<byte> line, Span<Range> ranges)
    {
        var n = 0;
        var start = 0;
        while (n < ranges.Length - 1)
        {
            var comma = line[start..].IndexOf((byte)',');
            if (comma < 0)
            {
                break;
            }
            ranges[n++] = new Range(start, start + comma);
            start += comma + 1;
        }
        ranges[n++] = new Range(start, line.Length);
        return n;
    }

    private static int FirstMissing(ReadOnlySpan<int> columnOf, int fields)
    {
        for (var c = 0; c < columnOf.Length; c++)
        {
            if (columnOf[c] >= fields)
            {
                return c;
            }
        }
        return 0;
    }

    private static double Number(ReadOnlySpan<byte> line, ReadOnlySpan<Range> ranges, ReadOnlySpan<int> columnOf, int column,
        string name, long lineNo, double min, double max)
    {
        var text = line[ranges[columnOf[column]]].Trim((byte)' ');
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            throw new TrafficFormatException(name, lineNo, Columns[column], $"'{Encoding.UTF8.GetString(text)}' is not a number");
        }
        if (v < min || v > max)
        {
            throw new TrafficFormatException(name, lineNo, Columns[column],
                $"{v.ToString(CultureInfo.InvariantCulture)} is outside [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]");
        }
        return v;
    }

    /// <summary>Writes a snapshot in the tracks format.</summary>
    public static void Write(TextWriter writer, TrafficSnapshot snapshot)
    {
        writer.Write(Header);
        writer.Write('\n');
        Span<char> buf = stackalloc char[256];
        for (var i = 0; i < snapshot.Count; i++)
        {
            var ok = buf.TryWrite(CultureInfo.InvariantCulture,
                $"{snapshot.Ids[i]},{snapshot.LatDeg[i]:F6},{snapshot.LonDeg[i]:F6},{snapshot.AltFt[i]:F1},{snapshot.GsKt[i]:F2},{snapshot.TrkDeg[i]:F3},{snapshot.VsFpm[i]:F1}\n",
                out var written);
            if (ok)
            {
                writer.Write(buf[..written]);
            }
            else
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture,
                    $"{snapshot.Ids[i]},{snapshot.LatDeg[i]:F6},{snapshot.LonDeg[i]:F6},{snapshot.AltFt[i]:F1},{snapshot.GsKt[i]:F2},{snapshot.TrkDeg[i]:F3},{snapshot.VsFpm[i]:F1}\n"));
            }
        }
    }
}
