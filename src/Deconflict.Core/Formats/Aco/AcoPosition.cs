using System.Globalization;
using Deconflict.Core.Geodesy;

namespace Deconflict.Core.Formats.Aco;

/// <summary>
/// A position as an ACO carries it, in hundredths of an arc second (about 0.3 m), so a message read and written
/// again is the same message. Written <c>LATS:ddmmss[.ss]Ndddmmss[.ss]E</c>; <c>LATM:ddmmNdddmmE</c> (minutes) is read too.
/// </summary>
public readonly record struct AcoPosition(long LatCs, long LonCs)
{
    private const double PerDegree = 360_000;

    public GeoPoint ToGeoPoint() => new(LatCs / PerDegree, LonCs / PerDegree);

    /// <summary>The nearest ACO position (rounding to 0.01″).</summary>
    public static AcoPosition From(GeoPoint p) => new((long)Math.Round(p.LatDeg * PerDegree), (long)Math.Round(p.LonDeg * PerDegree));

    public string Write() => "LATS:" + Part(LatCs, 2, LatCs < 0 ? 'S' : 'N') + Part(LonCs, 3, LonCs < 0 ? 'W' : 'E');

    private static string Part(long cs, int degreeDigits, char hemisphere)
    {
        var a = Math.Abs(cs);
        var degrees = a / PerDegreeLong;
        var minutes = a % PerDegreeLong / 6000;
        var hundredths = a % 6000;
        var seconds = hundredths % 100 == 0
            ? (hundredths / 100).ToString("00", CultureInfo.InvariantCulture)
            : (hundredths / 100).ToString("00", CultureInfo.InvariantCulture) + "." + (hundredths % 100).ToString("00", CultureInfo.InvariantCulture);
        return degrees.ToString(new string('0', degreeDigits), CultureInfo.InvariantCulture) + minutes.ToString("00", CultureInfo.InvariantCulture) + seconds + hemisphere;
    }

    private const long PerDegreeLong = 360_000;

    /// <summary>Reads <c>LATS:…</c> or <c>LATM:…</c>; null when the text is not a position.</summary>
    public static AcoPosition? Parse(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        bool seconds;
        if (field.StartsWith("LATS:", StringComparison.Ordinal))
        {
            seconds = true;
        }
        else if (field.StartsWith("LATM:", StringComparison.Ordinal))
        {
            seconds = false;
        }
        else
        {
            return null;
        }
        var text = field[5..];
        var split = text.IndexOfAny(['N', 'S']);
        if (split < 0 || split == text.Length - 1)
        {
            return null;
        }
        var lat = Angle(text[..split], 2, seconds, 90);
        var lon = Angle(text[(split + 1)..^1], 3, seconds, 180);
        var east = text[^1];
        if (lat is null || lon is null || east is not ('E' or 'W'))
        {
            return null;
        }
        return new AcoPosition(text[split] == 'S' ? -lat.Value : lat.Value, east == 'W' ? -lon.Value : lon.Value);
    }

    private static long? Angle(string text, int degreeDigits, bool seconds, int max)
    {
        var whole = degreeDigits + (seconds ? 4 : 2);
        if (text.Length < whole || !text[..whole].All(char.IsAsciiDigit))
        {
            return null;
        }
        long hundredths = 0;
        if (text.Length > whole)
        {
            var fraction = text[whole..];
            if (!seconds || fraction.Length is < 2 or > 3 || fraction[0] != '.' || !fraction[1..].All(char.IsAsciiDigit))
            {
                return null;
            }
            hundredths = int.Parse(fraction[1..].PadRight(2, '0'), CultureInfo.InvariantCulture);
        }
        var d = int.Parse(text[..degreeDigits], CultureInfo.InvariantCulture);
        var m = int.Parse(text.AsSpan(degreeDigits, 2), CultureInfo.InvariantCulture);
        var s = seconds ? int.Parse(text.AsSpan(degreeDigits + 2, 2), CultureInfo.InvariantCulture) : 0;
        if (m > 59 || s > 59)
        {
            return null;
        }
        var total = (d * PerDegreeLong) + (m * 6000L) + (s * 100L) + hundredths;
        return total > max * PerDegreeLong ? null : total;
    }
}
