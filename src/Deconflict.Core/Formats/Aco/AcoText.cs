using System.Globalization;
using System.Text.RegularExpressions;

namespace Deconflict.Core.Formats.Aco;

/// <summary>The field forms of an ACO: times <c>ddHHmm[ss]ZMONyyyy</c>, altitudes, distances, free-text fields.</summary>
public static partial class AcoText
{
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    /// <summary>A UTC time to the second as <c>010800ZMAR2026</c> (seconds added, <c>01080030Z…</c>, only when not zero).</summary>
    public static string Time(DateTimeOffset t)
    {
        var u = t.UtcDateTime;
        var s = u.Second == 0 ? "" : u.Second.ToString("00", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{u.Day:00}{u.Hour:00}{u.Minute:00}{s}Z{Months[u.Month - 1]}{u.Year:0000}");
    }

    public static DateTimeOffset? ParseTime(string text)
    {
        var m = TimePattern().Match(text);
        if (!m.Success)
        {
            return null;
        }
        var month = Array.IndexOf(Months, m.Groups[5].Value) + 1;
        var day = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(m.Groups[6].Value, CultureInfo.InvariantCulture);
        var hour = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        var second = m.Groups[4].Success ? int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture) : 0;
        if (month == 0 || year < 1900 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return null;
        }
        return new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
    }

    /// <summary>An altitude in feet: <c>FL100</c>, <c>5000FT</c> (above mean sea level), <c>1500M</c>, <c>SFC</c>/<c>GND</c> (0).</summary>
    public static double? ParseAltitude(string text)
    {
        if (text is "SFC" or "GND")
        {
            return 0;
        }
        if (text.StartsWith("FL", StringComparison.Ordinal) && text.Length is >= 3 and <= 5 && text[2..].All(char.IsAsciiDigit))
        {
            return int.Parse(text[2..], CultureInfo.InvariantCulture) * 100.0;
        }
        var amsl = text.EndsWith("AMSL", StringComparison.Ordinal) ? text[..^4] : text;
        if (amsl.EndsWith("FT", StringComparison.Ordinal) && Number(amsl[..^2]) is { } ft)
        {
            return ft;
        }
        return amsl.EndsWith('M') && Number(amsl[..^1]) is { } m ? m / 0.3048 : null;
    }

    public static string Altitude(double feet) => feet == 0 ? "SFC" : Num(feet) + "FT";

    /// <summary>A distance in metres: <c>20NM</c>, <c>5KM</c>, <c>800M</c>, <c>3000FT</c>.</summary>
    public static double? ParseDistance(string text)
    {
        (string Suffix, double Metres)[] units = [("NM", 1852), ("KM", 1000), ("FT", 0.3048), ("M", 1)];
        foreach (var (suffix, metres) in units)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal) && Number(text[..^suffix.Length]) is { } v)
            {
                return v * metres;
            }
        }
        return null;
    }

    public static string Distance(double metres) => Num(metres) + "M";

    /// <summary>
    /// The shortest round-trip form without an exponent (USMTF fields have no "E-05", and a minus there would read as
    /// the band's separator): the digits of the round-trip form with the decimal point moved.
    /// </summary>
    public static string Num(double v)
    {
        var r = v.ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return r;
        }
        var exponent = int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture);
        var mantissa = r[..e];
        var negative = mantissa.StartsWith('-');
        var digits = mantissa.TrimStart('-');
        var point = digits.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? digits.Length : point;
        digits = digits.Replace(".", "", StringComparison.Ordinal);
        var at = whole + exponent;
        string text;
        if (at <= 0)
        {
            text = "0." + new string('0', -at) + digits;
        }
        else if (at >= digits.Length)
        {
            text = digits + new string('0', at - digits.Length);
        }
        else
        {
            text = digits[..at] + "." + digits[at..];
        }
        return (negative ? "-" : "") + text;
    }

    /// <summary>
    /// Whether a free-text field (a name, a type) can be written and read back as it is: printable, no slash, single
    /// spaces only and none around it (a reader joins a set's lines, so runs of white space mean one space).
    /// </summary>
    public static bool IsFieldText(string text) =>
        text.Length is > 0 and <= 200 && !text.Contains('/', StringComparison.Ordinal) && text.Trim() == text
        && !text.Contains("  ", StringComparison.Ordinal) && text.All(c => c == ' ' || (!char.IsControl(c) && !char.IsWhiteSpace(c)));

    private static double? Number(string text) =>
        text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] == '-') && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v : null;

    [GeneratedRegex(@"^(\d{2})(\d{2})(\d{2})(\d{2})?Z([A-Z]{3})(\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();
}
