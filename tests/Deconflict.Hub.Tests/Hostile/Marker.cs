using System.Globalization;
using System.Text.RegularExpressions;
using Deconflict.Core.Coordinates;

namespace Deconflict.Hub.Tests.Hostile;

/// <summary>
/// One distinctive value of a seeded object, in one written form (a latitude as "36.73519", as "36,73519", as an
/// MGRS reference...). It is found in a reply only as a whole token: not inside a longer number, a hex hash or a
/// base64 signature, so that a 64-digit hash that happens to hold "13370" is not taken for an altitude.
/// </summary>
public sealed partial class Marker
{
    private readonly Regex _pattern;

    public Marker(string what, string text)
    {
        What = what;
        Text = text;
        _pattern = new Regex("(?<![0-9A-Za-z])" + Regex.Escape(text) + "(?![0-9A-Za-z])", RegexOptions.CultureInvariant);
    }

    /// <summary>What the value is, for the failure message ("latitude", "time_start", "notes"...).</summary>
    public string What { get; }

    public string Text { get; }

    public bool IsIn(string haystack) => haystack.Contains(Text, StringComparison.Ordinal) && _pattern.IsMatch(haystack);

    public override string ToString() => $"{What} '{Text}'";

    public static IEnumerable<Marker> ForId(string id) => [new("id", id)];

    public static IEnumerable<Marker> Phrase(string what, string text) => [new(what, text)];

    /// <summary>A latitude or longitude written as the hub or a careless encoder might write it.</summary>
    public static IEnumerable<Marker> Degrees(string what, double value)
    {
        var full = Inv(value);
        yield return new(what, full);
        yield return new(what + " (decimal comma)", full.Replace('.', ','));
        yield return new(what + " (4 decimals)", value.ToString("0.0000", CultureInfo.InvariantCulture));
        yield return new(what + " (1e7 integer)", ((long)Math.Round(value * 1e7)).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A position: both coordinates in several forms, and its MGRS references (1 m and 10 m, with and without spaces).</summary>
    public static IEnumerable<Marker> Position(string what, double latDeg, double lonDeg)
    {
        foreach (var m in Degrees(what + " latitude", latDeg).Concat(Degrees(what + " longitude", lonDeg)))
        {
            yield return m;
        }
        var mgrs = Mgrs.Format(latDeg, lonDeg);
        yield return new(what + " (MGRS)", mgrs);
        if (MgrsParts().Match(mgrs) is { Success: true } p)
        {
            var (square, digits) = (p.Groups[1].Value, p.Groups[2].Value);
            var half = digits.Length / 2;
            yield return new(what + " (MGRS, spaced)", $"{p.Groups[1].Value[..^2]} {square[^2..]} {digits[..half]} {digits[half..]}");
            if (half >= 2)
            {
                yield return new(what + " (MGRS 10 m)", square + digits[..(half - 1)] + digits[half..^1]);
            }
        }
    }

    /// <summary>An altitude in feet, and in metres (two forms).</summary>
    public static IEnumerable<Marker> AltitudeFt(string what, double feet)
    {
        yield return new(what, Inv(feet));
        var metres = feet * 0.3048;
        yield return new(what + " (metres)", metres.ToString("0.00", CultureInfo.InvariantCulture));
        yield return new(what + " (metres, 1 decimal)", metres.ToString("0.0", CultureInfo.InvariantCulture));
    }

    /// <summary>A distance or radius in metres.</summary>
    public static IEnumerable<Marker> Metres(string what, double metres) => [new(what, Inv(metres))];

    /// <summary>A UTC time to the second (any fraction or zone suffix may follow), and as Unix seconds and milliseconds.</summary>
    public static IEnumerable<Marker> Time(string what, DateTimeOffset t)
    {
        yield return new(what, t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        yield return new(what + " (space-separated)", t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        yield return new(what + " (Unix seconds)", t.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        yield return new(what + " (Unix ms)", t.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
    }

    public static string Inv(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    [GeneratedRegex("^([0-9]{1,2}[C-X][A-Z]{2})([0-9]+)$")]
    private static partial Regex MgrsParts();
}
