using System.Globalization;

namespace Deconflict.Core.Surveillance;

/// <summary>
/// Parses one SBS-1 / BaseStation text line (22 comma-separated fields, as dump1090 and readsb
/// write on port 30003). Never throws: anything that is not a valid line is reported as
/// <see cref="SbsParseResult.Malformed"/>. A line with fewer than 22 fields is malformed even
/// when its prefix looks valid, because a line cut short can end in a truncated number
/// (a longitude of <c>9.0</c> instead of <c>9.095206</c>) that would move an aircraft.
/// </summary>
public static class SbsLineParser
{
    public const int FieldCount = 22;

    /// <summary>Parses <paramref name="line"/> (without its line terminator; a trailing CR is tolerated).</summary>
    public static SbsParseResult Parse(ReadOnlySpan<char> line, out SbsMessage message)
    {
        message = default;
        if (line.Length > 0 && line[^1] == '\r')
        {
            line = line[..^1];
        }
        Span<Range> f = stackalloc Range[FieldCount + 1];
        var n = line.Split(f, ',');
        if (n < FieldCount)
        {
            return SbsParseResult.Malformed;
        }
        foreach (var c in line)
        {
            if (c < ' ' || c > '~')
            {
                return SbsParseResult.Malformed;
            }
        }
        var kind = line[f[0]];
        if (!kind.SequenceEqual("MSG"))
        {
            return kind is "SEL" or "ID" or "AIR" or "STA" or "CLK" ? SbsParseResult.Ignored : SbsParseResult.Malformed;
        }
        if (!int.TryParse(line[f[1]], NumberStyles.None, CultureInfo.InvariantCulture, out var type) || type is < 1 or > 8)
        {
            return SbsParseResult.Malformed;
        }
        var hex = line[f[4]];
        if (hex.Length > 0 && hex[0] == '~')
        {
            // Non-ICAO (TIS-B/anonymous) addresses in readsb's notation: not an aircraft identity we can track.
            return SbsParseResult.Ignored;
        }
        if (hex.Length is < 1 or > 6 || !int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var icao))
        {
            return SbsParseResult.Malformed;
        }
        if (type is not (1 or 3 or 4))
        {
            return SbsParseResult.Ignored;
        }
        if (!TryParseTime(line[f[6]], line[f[7]], out var time))
        {
            return SbsParseResult.Malformed;
        }
        double alt = double.NaN, gs = double.NaN, trk = double.NaN, lat = double.NaN, lon = double.NaN, vs = double.NaN;
        string? callsign = null;
        switch (type)
        {
            case 1:
                var cs = line[f[10]].Trim();
                if (cs.Length > 8)
                {
                    return SbsParseResult.Malformed;
                }
                callsign = cs.IsEmpty ? null : cs.ToString();
                break;
            case 3:
                if (!TryNumber(line[f[11]], "alt_ft", out alt) || !TryNumber(line[f[14]], "lat_deg", out lat) || !TryNumber(line[f[15]], "lon_deg", out lon)
                    || double.IsNaN(lat) != double.IsNaN(lon))
                {
                    return SbsParseResult.Malformed;
                }
                break;
            default:
                if (!TryNumber(line[f[12]], "gs_kt", out gs) || !TryNumber(line[f[13]], "trk_deg", out trk) || !TryNumber(line[f[16]], "vs_fpm", out vs))
                {
                    return SbsParseResult.Malformed;
                }
                if (trk >= 360)
                {
                    trk -= 360;
                }
                break;
        }
        var ground = line[f[21]];
        var onGround = ground is "-1" || ground is "1";
        message = new SbsMessage(type, icao, time, callsign, alt, gs, trk, lat, lon, vs, onGround);
        return SbsParseResult.Message;
    }

    private static bool TryNumber(ReadOnlySpan<char> text, string field, out double value)
    {
        text = text.Trim();
        if (text.IsEmpty)
        {
            value = double.NaN;
            return true;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
        {
            return false;
        }
        return ReportValidation.Check(field, value) is null;
    }

    /// <summary>Parses <c>YYYY/MM/DD</c> and <c>HH:MM:SS[.fff]</c> as UTC; both empty gives NaN (the caller uses its clock).</summary>
    internal static bool TryParseTime(ReadOnlySpan<char> date, ReadOnlySpan<char> clock, out double unixS)
    {
        unixS = double.NaN;
        if (date.IsEmpty && clock.IsEmpty)
        {
            return true;
        }
        if (date.Length != 10 || date[4] != '/' || date[7] != '/' || clock.Length < 8 || clock[2] != ':' || clock[5] != ':')
        {
            return false;
        }
        if (!Digits(date[..4], out var y) || !Digits(date[5..7], out var mo) || !Digits(date[8..10], out var d)
            || !Digits(clock[..2], out var h) || !Digits(clock[3..5], out var mi) || !Digits(clock[6..8], out var s))
        {
            return false;
        }
        if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(Math.Max(1, y), mo) || h > 23 || mi > 59 || s > 60 || y < 1970)
        {
            return false;
        }
        double fraction = 0;
        if (clock.Length > 8)
        {
            if (clock[8] != '.' || clock.Length == 9)
            {
                return false;
            }
            double scale = 0.1;
            foreach (var c in clock[9..])
            {
                if (c is < '0' or > '9')
                {
                    return false;
                }
                fraction += (c - '0') * scale;
                scale *= 0.1;
            }
        }
        unixS = DaysFromCivil(y, mo, d) * 86400.0 + h * 3600 + mi * 60 + s + fraction;
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return true;
    }

    // Howard Hinnant's days_from_civil: days since 1970-01-01 of a proleptic Gregorian date.
    private static long DaysFromCivil(int y, int m, int d)
    {
        y -= m <= 2 ? 1 : 0;
        var era = (y >= 0 ? y : y - 399) / 400;
        var yoe = y - era * 400;
        var doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        var doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097L + doe - 719468;
    }
}
