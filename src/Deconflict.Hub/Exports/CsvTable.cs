using System.Globalization;
using System.Text;

namespace Deconflict.Hub.Exports;

/// <summary>
/// RFC 4180 CSV (comma, CRLF, fields quoted when they hold a comma, quote or line break). A field another party
/// chose that a spreadsheet would run as a formula (=, +, -, @, tab or CR first) is prefixed with an apostrophe,
/// so opening a download never executes anything; numbers are written as numbers.
/// </summary>
public sealed class CsvTable
{
    private readonly StringBuilder _text = new();

    public CsvTable(params string[] header) => Row(header);

    public CsvTable Row(params object?[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                _text.Append(',');
            }
            _text.Append(Field(fields[i]));
        }
        _text.Append("\r\n");
        return this;
    }

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(_text.ToString());

    public override string ToString() => _text.ToString();

    private static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            double d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "",
            int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            bool b => b ? "true" : "false",
            DateTimeOffset t => Json.UtcTimeConverter.Format(t),
            _ => Guard(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
        };
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static string Guard(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
