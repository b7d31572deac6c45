using System.Globalization;
using System.Text.RegularExpressions;

namespace Deconflict.Core.Hotline;

/// <summary>
/// ISO 8601 durations of fixed length in whole seconds: <c>PnW</c> or <c>PnDTnHnMnS</c> (any part may be left out,
/// at least one given). Years and months have no fixed length and are refused; each number has at most 9 digits,
/// so no value can overflow and the caller's range check sees every duration that parses.
/// </summary>
public static partial class IsoDuration
{
    public static bool TryParseSeconds(string? text, out long seconds)
    {
        seconds = 0;
        if (text is null || text.Length > 64)
        {
            return false;
        }
        var m = Pattern().Match(text);
        if (!m.Success || (m.Groups["t"].Success && !(m.Groups["h"].Success || m.Groups["m"].Success || m.Groups["s"].Success)))
        {
            return false;
        }
        long total = 0;
        var any = false;
        foreach (var (group, unit) in new[] { ("w", 7 * 86_400L), ("d", 86_400L), ("h", 3_600L), ("m", 60L), ("s", 1L) })
        {
            if (m.Groups[group].Success)
            {
                total += long.Parse(m.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture) * unit;
                any = true;
            }
        }
        seconds = total;
        return any;
    }

    [GeneratedRegex(@"^P(?:(?<w>\d{1,9})W|(?:(?<d>\d{1,9})D)?(?<t>T(?:(?<h>\d{1,9})H)?(?:(?<m>\d{1,9})M)?(?:(?<s>\d{1,9})S)?)?)$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
