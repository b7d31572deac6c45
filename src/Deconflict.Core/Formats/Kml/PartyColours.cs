namespace Deconflict.Core.Formats.Kml;

/// <summary>
/// A party's colour from its id alone (FNV-1a over its UTF-16 code units into the web console's palette), so a
/// party looks the same in Google Earth as in every console. Red is kept for conflicts, white for humanitarian sites.
/// </summary>
public static class PartyColours
{
    private static readonly string[] Palette =
        ["3ad0ff", "ffc53d", "9be564", "d291ff", "ff9f45", "4de8c2", "ff7ab8", "c9b37e", "8fa8ff", "b8f04a", "f0a0ff", "7fd8ff"];

    /// <summary>The colour as "rrggbb".</summary>
    public static string Rgb(string partyId)
    {
        ArgumentNullException.ThrowIfNull(partyId);
        var h = 0x811c9dc5u;
        foreach (var c in partyId)
        {
            h = unchecked((h ^ c) * 0x01000193u);
        }
        return Palette[h % (uint)Palette.Length];
    }

    /// <summary>KML's aabbggrr form of an "rrggbb" colour with the given opacity (0–255).</summary>
    public static string Kml(string rgb, int alpha)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        return $"{alpha:x2}{rgb[4..6]}{rgb[2..4]}{rgb[0..2]}";
    }
}
