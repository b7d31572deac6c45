namespace Deconflict.Core.Asterix;

/// <summary>
/// The 6-bit ICAO character set of aircraft identifications (Annex 10 Vol IV, table 3-9): 1–26 are
/// A–Z, 32 is space, 48–57 are 0–9; the rest are invalid. Eight characters fill 48 bits.
/// </summary>
internal static class IcaoCharacters
{
    private const string Table = "#ABCDEFGHIJKLMNOPQRSTUVWXYZ##### ###############0123456789######";

    [ThreadStatic]
    private static Dictionary<long, string?>? t_cache;

    /// <summary>The identification with trailing spaces removed, or null when blank or holding an invalid character.</summary>
    public static string? Decode(ReadOnlySpan<byte> six)
    {
        long bits = 0;
        for (var i = 0; i < 6; i++)
        {
            bits = (bits << 8) | six[i];
        }
        // Recordings repeat a few hundred identifications millions of times: decode each once per thread.
        var cache = t_cache ??= new Dictionary<long, string?>();
        if (cache.TryGetValue(bits, out var known))
        {
            return known;
        }
        Span<char> chars = stackalloc char[8];
        var valid = true;
        for (var i = 0; i < 8; i++)
        {
            var c = Table[(int)((bits >> (42 - (6 * i))) & 0x3F)];
            valid &= c != '#';
            chars[i] = c;
        }
        var text = valid ? chars.TrimEnd(' ').ToString() : null;
        text = text is { Length: > 0 } && !text.Contains(' ', StringComparison.Ordinal) ? text : null;
        if (cache.Count < 65536)
        {
            cache[bits] = text;
        }
        return text;
    }

    /// <summary>Writes up to eight characters (A–Z, 0–9, space; others become space), space-padded.</summary>
    public static void Encode(string? text, Span<byte> six)
    {
        long bits = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = text is not null && i < text.Length ? char.ToUpperInvariant(text[i]) : ' ';
            var code = c is >= 'A' and <= 'Z' ? c - 'A' + 1 : c is >= '0' and <= '9' ? c : 32;
            bits = (bits << 6) | (long)code;
        }
        for (var i = 0; i < 6; i++)
        {
            six[i] = (byte)(bits >> (40 - (8 * i)));
        }
    }
}
