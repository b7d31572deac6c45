using System.Globalization;

namespace Deconflict.Hub.Http;

/// <summary>The <c>?from=&amp;to=</c> time window of list and download queries, with its problems named by field.</summary>
public static class QueryWindow
{
    /// <summary>The window's ends (null when absent); a malformed or reversed end is added to <paramref name="errors"/>.</summary>
    public static (DateTimeOffset? From, DateTimeOffset? To) Parse(string? from, string? to, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var f = Time(from, "from", errors);
        var t = Time(to, "to", errors);
        if (f is not null && t is not null && f >= t)
        {
            errors["to"] = ["Must be after from."];
        }
        return (f, t);
    }

    private static DateTimeOffset? Time(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
        {
            return t;
        }
        errors[field] = ["An RFC 3339 time such as 2026-03-01T12:00:00Z."];
        return null;
    }
}
