using System.Globalization;
using System.IO.Compression;

namespace Deconflict.Core.Surveillance;

/// <summary>
/// Reads the reports CSV <c>t_s,id,lat_deg,lon_deg,alt_ft,gs_kt,trk_deg,vs_fpm</c> (an optional
/// <c>intent_id</c> column is understood too). Columns are found by their header names; empty
/// optional fields mean "not available" and become NaN. A malformed line throws
/// <see cref="ReportFormatException"/> naming the line and field, so that a bad recording is
/// reported rather than half-replayed. Identities are interned: one string per aircraft, not per line.
/// </summary>
public sealed class PositionReportCsvReader : IDisposable
{
    private static readonly string[] Required = ["t_s", "id", "lat_deg", "lon_deg"];
    private static readonly string[] Known = ["t_s", "id", "lat_deg", "lon_deg", "alt_ft", "gs_kt", "trk_deg", "vs_fpm", "intent_id"];

    private readonly TextReader _reader;
    private readonly int[] _columnOf = new int[Known.Length];
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _idLookup;
    private Range[] _ranges = [];
    private int _columnCount;

    public PositionReportCsvReader(TextReader reader)
    {
        _reader = reader;
        _idLookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        ReadHeader();
    }

    /// <summary>Opens a file; a name ending in <c>.gz</c> is decompressed on the fly.</summary>
    public static PositionReportCsvReader Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            Stream decoded = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
            return new PositionReportCsvReader(new StreamReader(decoded, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The 1-based number of the line last read (the header is line 1).</summary>
    public long LineNumber { get; private set; }

    /// <summary>Reads the next report; false at the end. Blank lines are skipped.</summary>
    public bool TryRead(out PositionReport report)
    {
        while (_reader.ReadLine() is { } line)
        {
            LineNumber++;
            if (line.AsSpan().Trim().IsEmpty)
            {
                continue;
            }
            report = ParseLine(line);
            return true;
        }
        report = default;
        return false;
    }

    /// <summary>Reads the remaining reports lazily.</summary>
    public IEnumerable<PositionReport> ReadReports()
    {
        while (TryRead(out var r))
        {
            yield return r;
        }
    }

    /// <summary>Reads every remaining report.</summary>
    public List<PositionReport> ReadAll()
    {
        var list = new List<PositionReport>();
        while (TryRead(out var r))
        {
            list.Add(r);
        }
        return list;
    }

    public void Dispose() => _reader.Dispose();

    private void ReadHeader()
    {
        var header = _reader.ReadLine();
        LineNumber = 1;
        if (header is null)
        {
            throw new ReportFormatException(1, "header", "the file is empty; expected the header t_s,id,lat_deg,lon_deg,alt_ft,gs_kt,trk_deg,vs_fpm");
        }
        Array.Fill(_columnOf, -1);
        var names = header.Trim().TrimStart('\uFEFF').Split(',');
        _columnCount = names.Length;
        _ranges = new Range[names.Length + 1];
        for (var c = 0; c < names.Length; c++)
        {
            var k = Array.IndexOf(Known, names[c].Trim());
            if (k >= 0)
            {
                _columnOf[k] = c;
            }
        }
        foreach (var name in Required)
        {
            if (_columnOf[Array.IndexOf(Known, name)] < 0)
            {
                throw new ReportFormatException(1, name, $"the header lacks the column '{name}'; expected t_s,id,lat_deg,lon_deg,alt_ft,gs_kt,trk_deg,vs_fpm");
            }
        }
    }

    private PositionReport ParseLine(string line)
    {
        var span = line.AsSpan().TrimEnd('\r');
        var n = span.Split(_ranges, ',');
        if (n != _columnCount)
        {
            throw new ReportFormatException(LineNumber, "line", $"has {n} fields; the header has {_columnCount}");
        }
        var idText = Field(span, 1).Trim();
        if (ReportValidation.CheckId(idText) is { } idProblem)
        {
            throw new ReportFormatException(LineNumber, "id", idProblem);
        }
        if (!_idLookup.TryGetValue(idText, out var id))
        {
            id = idText.ToString();
            _ids[id] = id;
        }
        var t = Number(span, 0, required: true);
        var lat = Number(span, 2, required: true);
        var lon = Number(span, 3, required: true);
        var alt = Number(span, 4, required: false);
        var gs = Number(span, 5, required: false);
        var trk = Number(span, 6, required: false);
        var vs = Number(span, 7, required: false);
        string? intent = null;
        if (_columnOf[8] >= 0 && Field(span, 8).Trim() is { IsEmpty: false } intentText)
        {
            intent = intentText.ToString();
        }
        return new PositionReport(id, t, lat, lon, alt, gs, trk, vs, intent);
    }

    private ReadOnlySpan<char> Field(ReadOnlySpan<char> line, int known) =>
        _columnOf[known] < 0 ? [] : line[_ranges[_columnOf[known]]];

    private double Number(ReadOnlySpan<char> line, int known, bool required)
    {
        var name = Known[known];
        var text = Field(line, known).Trim();
        if (text.IsEmpty)
        {
            return required ? throw new ReportFormatException(LineNumber, name, "is required") : double.NaN;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new ReportFormatException(LineNumber, name, $"'{text}' is not a number");
        }
        if (ReportValidation.Check(name, value) is { } problem)
        {
            throw new ReportFormatException(LineNumber, name, $"{text.ToString()} {problem}");
        }
        if (name == "trk_deg" && value >= 360)
        {
            value -= 360;
        }
        return value;
    }
}
