using System.Globalization;

namespace Deconflict.Hub.Json;

/// <summary>
/// The one rule for every id a client chooses (intents, sites, movements, zones, strikes, tracks, parties), applied
/// at every entry point, path and body: 1 to 200 characters; no control, format (bidi overrides, zero-width
/// characters), separator, surrogate, private-use or unassigned characters; spaces (U+0020 only) inside but not at
/// either end. So every id prints as what it is in logs, exports and the console, and no stored id can stop a start.
/// </summary>
public static class ObjectIds
{
    public const int MaxLength = 200;

    public const string Rule = "1 to 200 characters: letters, digits, punctuation, symbols and inner spaces; no control, bidi or other invisible characters.";

    public static bool IsValid(string? id)
    {
        if (id is not { Length: > 0 and <= MaxLength } || id[0] == ' ' || id[^1] == ' ')
        {
            return false;
        }
        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (char.IsHighSurrogate(c) && i + 1 < id.Length && char.IsLowSurrogate(id[i + 1]))
            {
                if (!Allowed(CharUnicodeInfo.GetUnicodeCategory(id, i)))
                {
                    return false;
                }
                i++;
                continue;
            }
            if (c != ' ' && !Allowed(CharUnicodeInfo.GetUnicodeCategory(c)))
            {
                return false;
            }
        }
        return true;
    }

    private static bool Allowed(UnicodeCategory category) => category switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator => false,
        _ => true,
    };
}
