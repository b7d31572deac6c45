using System.Globalization;
using System.Text.Json;
using Deconflict.Core.Coordinates;

namespace Deconflict.Core.Hotline;

/// <summary>
/// One language of the catalogue, read from its data file (<c>Hotline/Catalog/xx.json</c>): the wording of every
/// template and the formats of every value type. Loading checks the file completely, so a broken language file fails
/// at start-up, not when a message is shown.
/// </summary>
public sealed class HotlineLanguage
{
    private static readonly string[] FormatKeys =
    [
        "flight_level", "time", "duration_minutes", "duration_minutes_seconds", "distance_nm",
        "north", "south", "east", "west", "position", "message", "message_named", "untranslated", "remark",
    ];

    private readonly Dictionary<string, string> _formats;
    private readonly Dictionary<string, HotlineWording> _wordings;
    private readonly Dictionary<string, string> _titles;

    private HotlineLanguage(string code, string name, Dictionary<string, string> formats, Dictionary<string, HotlineWording> wordings, Dictionary<string, string> titles)
    {
        Code = code;
        Name = name;
        _formats = formats;
        _wordings = wordings;
        _titles = titles;
    }

    /// <summary>Language code, e.g. "en", "ru".</summary>
    public string Code { get; }

    public string Name { get; }

    public static HotlineLanguage Parse(string json, string source)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        string Get(JsonElement e, string name, string where) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
                ? s : throw new InvalidDataException($"{source}: {where}{name} is missing or not a string");
        var code = Get(root, "language", "");
        var name = Get(root, "name", "");
        if (!root.TryGetProperty("formats", out var formatsJson) || !root.TryGetProperty("templates", out var templatesJson)
            || !root.TryGetProperty("titles", out var titlesJson))
        {
            throw new InvalidDataException($"{source}: needs \"formats\", \"templates\" and \"titles\"");
        }
        var formats = FormatKeys.ToDictionary(k => k, k => Get(formatsJson, k, "formats."), StringComparer.Ordinal);
        var wordings = new Dictionary<string, HotlineWording>(StringComparer.Ordinal);
        foreach (var template in HotlineTemplates.All)
        {
            wordings[template.Id] = HotlineWording.Parse(Get(templatesJson, template.Id, "templates."), template, $"{source}: templates.{template.Id}");
        }
        // A template's name as a noun phrase, for naming the message an answer refers to.
        var titles = HotlineTemplates.All.ToDictionary(t => t.Id, t => Get(titlesJson, t.Id, "titles."), StringComparer.Ordinal);
        var language = new HotlineLanguage(code, name, formats, wordings, titles);
        language.CheckFormats(source);
        return language;
    }

    /// <summary>
    /// Renders <paramref name="message"/>. A referenced message (<c>reply_to</c>) that <paramref name="references"/>
    /// knows is named by its template and time; one it does not know (or without it) by its id.
    /// </summary>
    public HotlineRendering Render(HotlineMessage message, Func<string, HotlineReference?>? references = null)
    {
        var untranslated = false;
        string? Value(string parameter)
        {
            if (!message.Parameters.TryGetValue(parameter, out var value))
            {
                return null;
            }
            untranslated |= value.Type == HotlineParameterType.Text;
            return value is HotlineValue.Word { Kind: HotlineParameterType.MessageId } id && references?.Invoke(id.Value) is { } known
                ? Fill("message_named", _titles[known.TemplateId], known.SentAt.UtcDateTime.ToString(_formats["time"], CultureInfo.InvariantCulture))
                : Format(value);
        }
        var text = _wordings[message.Template.Id].Render(Value);
        if (message.Remark is { } remark)
        {
            text += " " + Fill("remark", remark);
            untranslated = true;
        }
        return new HotlineRendering(Code, text, untranslated);
    }

    public string Format(HotlineValue value) => value switch
    {
        HotlineValue.FlightLevel f => Fill("flight_level", f.Level),
        HotlineValue.UtcTime t => t.Time.UtcDateTime.ToString(_formats["time"], CultureInfo.InvariantCulture),
        HotlineValue.Position p => Fill("position",
            Coordinate(p.LatDeg, "north", "south"), Coordinate(p.LonDeg, "east", "west"), FormatMgrs(p)),
        HotlineValue.Duration d => d.Seconds % 60 == 0
            ? Fill("duration_minutes", d.Seconds / 60)
            : Fill("duration_minutes_seconds", d.Seconds / 60, d.Seconds % 60),
        // Degrees read the same in every language.
        HotlineValue.Heading h => h.Deg.ToString("000", CultureInfo.InvariantCulture) + "°",
        HotlineValue.DistanceNm n => Fill("distance_nm", n.Nm.ToString("0.##", CultureInfo.InvariantCulture)),
        HotlineValue.Word { Kind: HotlineParameterType.MessageId } w => Fill("message", w.Value),
        HotlineValue.Word { Kind: HotlineParameterType.Text } w => Fill("untranslated", w.Value),
        HotlineValue.Word w => w.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    private static string FormatMgrs(HotlineValue.Position p)
    {
        var mgrs = Mgrs.Format(p.LatDeg, p.LonDeg);
        // Grouped as usually written: zone+band, square, easting, northing.
        var digits = mgrs.Length - 10;
        return $"{mgrs[..(digits - 2)]} {mgrs[(digits - 2)..digits]} {mgrs[digits..(digits + 5)]} {mgrs[(digits + 5)..]}";
    }

    private string Coordinate(double deg, string positive, string negative) =>
        Math.Abs(deg).ToString("0.00000", CultureInfo.InvariantCulture) + "° " + _formats[deg >= 0 ? positive : negative];

    private string Fill(string key, params object[] args) => string.Format(CultureInfo.InvariantCulture, _formats[key], args);

    private void CheckFormats(string source)
    {
        try
        {
            _ = Fill("flight_level", 320) + Fill("duration_minutes", 1) + Fill("duration_minutes_seconds", 1, 2)
                + Fill("distance_nm", "5") + Fill("position", "a", "b", "c") + Fill("message", "m") + Fill("message_named", "n", "t") + Fill("untranslated", "t") + Fill("remark", "r")
                + DateTime.UnixEpoch.ToString(_formats["time"], CultureInfo.InvariantCulture);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"{source}: a format is invalid: {e.Message}");
        }
    }
}
