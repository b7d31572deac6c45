using System.Globalization;
using System.Text.Json;
using Deconflict.Core.Coordinates;

namespace Deconflict.Core.Hotline;

/// <summary>
/// Validates a posted message (<c>{"template","params","text"}</c>) against its template. Errors are keyed by field
/// path (<c>template</c>, <c>params.flight_level</c>, <c>text</c>) so the hub can return them as problem+json as they are.
/// </summary>
public static class HotlineMessageParser
{
    public const int MaxTextLength = 2000;
    public const int MaxIdLength = 128;
    public const int MaxFlightLevel = 660;

    public static HotlineParseResult Parse(string? templateId, JsonElement parameters, string? text)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var template = HotlineTemplates.Find(templateId);
        if (template is null)
        {
            errors["template"] = [$"unknown template '{templateId}'; expected one of {string.Join(", ", HotlineTemplates.All.Select(t => t.Id))}"];
            return new HotlineParseResult(null, errors);
        }
        var values = new Dictionary<string, HotlineValue>(StringComparer.Ordinal);
        var given = parameters.ValueKind switch
        {
            JsonValueKind.Object => parameters.EnumerateObject().ToList(),
            JsonValueKind.Undefined or JsonValueKind.Null => [],
            _ => null,
        };
        if (given is null)
        {
            errors["params"] = ["must be an object"];
            return new HotlineParseResult(null, errors);
        }
        foreach (var member in given)
        {
            var parameter = template.Find(member.Name);
            if (parameter is null)
            {
                errors[$"params.{member.Name}"] = [$"template {template.Id} has no parameter '{member.Name}'; it takes {Describe(template)}"];
                continue;
            }
            if (member.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            if (TryValue(parameter.Type, member.Value, out var value, out var problem))
            {
                values[parameter.Name] = value;
            }
            else
            {
                errors[$"params.{member.Name}"] = [problem];
            }
        }
        string? remark = null;
        if (text is not null)
        {
            if (TryText(text, out var problem))
            {
                remark = text;
            }
            else
            {
                errors["text"] = [problem];
            }
        }
        // FREE_TEXT takes its body from "text" when "params.text" is absent.
        if (template.Id == HotlineTemplates.FreeText && !values.ContainsKey("text") && remark is not null)
        {
            values["text"] = new HotlineValue.Word(HotlineParameterType.Text, remark);
            remark = null;
        }
        foreach (var parameter in template.Parameters)
        {
            if (parameter.Required && !values.ContainsKey(parameter.Name) && !errors.ContainsKey($"params.{parameter.Name}"))
            {
                errors[$"params.{parameter.Name}"] = [$"required by {template.Id}"];
            }
        }
        CheckRelations(template, values, errors);
        return errors.Count > 0
            ? new HotlineParseResult(null, errors)
            : new HotlineParseResult(new HotlineMessage(template, values, remark), errors);
    }

    /// <summary>Reads back a stored message (template id, canonical parameter JSON, remark).</summary>
    public static HotlineMessage Load(string templateId, string parametersJson, string? remark)
    {
        using var document = JsonDocument.Parse(parametersJson);
        var result = Parse(templateId, document.RootElement, remark);
        return result.Message ?? throw new InvalidOperationException(
            $"stored message does not validate: {string.Join("; ", result.Errors.Select(e => e.Key + ": " + string.Join(", ", e.Value)))}");
    }

    private static void CheckRelations(HotlineTemplate template, Dictionary<string, HotlineValue> values, Dictionary<string, string[]> errors)
    {
        if (values.GetValueOrDefault("lower_fl") is HotlineValue.FlightLevel lower
            && values.GetValueOrDefault("upper_fl") is HotlineValue.FlightLevel upper && upper.Level < lower.Level)
        {
            errors["params.upper_fl"] = [$"must not be below lower_fl (FL{lower.Level:000})"];
        }
        if (values.GetValueOrDefault("start") is HotlineValue.UtcTime start
            && values.GetValueOrDefault("end") is HotlineValue.UtcTime end && end.Time <= start.Time)
        {
            errors["params.end"] = [$"must be after start in {template.Id}"];
        }
    }

    private static string Describe(HotlineTemplate template) => template.Parameters.Count == 0
        ? "no parameters"
        : string.Join(", ", template.Parameters.Select(p => p.Required ? p.Name : p.Name + "?"));

    private static bool TryValue(HotlineParameterType type, JsonElement json, out HotlineValue value, out string problem)
    {
        value = null!;
        problem = "";
        switch (type)
        {
            case HotlineParameterType.FlightLevel:
                int level;
                if (json.ValueKind == JsonValueKind.Number && json.TryGetInt32(out level)) { }
                else if (json.ValueKind == JsonValueKind.String && json.GetString() is { } s
                    && s.StartsWith("FL", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(s.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out level)) { }
                else
                {
                    problem = "must be a flight level: an integer such as 320, or \"FL320\"";
                    return false;
                }
                if (level is < 0 or > MaxFlightLevel)
                {
                    problem = $"flight level {level} is outside 0-{MaxFlightLevel}";
                    return false;
                }
                value = new HotlineValue.FlightLevel(level);
                return true;
            case HotlineParameterType.UtcTime:
                if (json.ValueKind == JsonValueKind.String && json.GetString() is { } t
                    && (t.EndsWith('Z') || t.EndsWith('z') || t.LastIndexOfAny(['+', '-']) > 10)
                    && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var time))
                {
                    value = new HotlineValue.UtcTime(new DateTimeOffset(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero));
                    return true;
                }
                problem = "must be an RFC 3339 time with a zone, e.g. 2026-03-01T12:00:00Z";
                return false;
            case HotlineParameterType.Position:
                return TryPosition(json, out value, out problem);
            case HotlineParameterType.Duration:
                long seconds = -1;
                if (json.ValueKind == JsonValueKind.Number && json.TryGetInt64(out var n))
                {
                    seconds = n;
                }
                else if (json.ValueKind == JsonValueKind.String && IsoDuration.TryParseSeconds(json.GetString(), out var parsed))
                {
                    seconds = parsed;
                }
                if (seconds is < 1 or > 7 * 86_400)
                {
                    problem = "must be a duration of 1 s to 7 days: whole seconds (900) or ISO 8601 (\"PT15M\")";
                    return false;
                }
                value = new HotlineValue.Duration(seconds);
                return true;
            case HotlineParameterType.DistanceNm:
                if (json.ValueKind == JsonValueKind.Number && json.TryGetDouble(out var nm) && nm > 0 && nm <= 1000)
                {
                    value = new HotlineValue.DistanceNm(nm);
                    return true;
                }
                problem = "must be a distance in nautical miles, greater than 0 and at most 1000";
                return false;
            case HotlineParameterType.Heading:
                if (json.ValueKind == JsonValueKind.Number && json.TryGetInt32(out var deg) && deg is >= 0 and <= 360)
                {
                    value = new HotlineValue.Heading(deg == 0 ? 360 : deg);
                    return true;
                }
                problem = "must be a heading in whole degrees, 0-360 (0 or 360 for north)";
                return false;
            case HotlineParameterType.IntentId or HotlineParameterType.TrackId or HotlineParameterType.MessageId:
                if (json.ValueKind == JsonValueKind.String && json.GetString() is { Length: > 0 and <= MaxIdLength } id
                    && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '/'))
                {
                    value = new HotlineValue.Word(type, id);
                    return true;
                }
                problem = $"must be an id of 1-{MaxIdLength} letters, digits or - _ . : /";
                return false;
            default:
                if (json.ValueKind == JsonValueKind.String && TryText(json.GetString()!, out problem))
                {
                    value = new HotlineValue.Word(HotlineParameterType.Text, json.GetString()!);
                    return true;
                }
                problem = problem.Length > 0 ? problem : "must be a string";
                return false;
        }
    }

    private static bool TryPosition(JsonElement json, out HotlineValue value, out string problem)
    {
        value = null!;
        problem = "must be {\"lat_deg\",\"lon_deg\"}, {\"mgrs\"} or an MGRS string";
        string? mgrs = json.ValueKind == JsonValueKind.String ? json.GetString()
            : json.ValueKind == JsonValueKind.Object && json.TryGetProperty("mgrs", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()
            : null;
        if (mgrs is not null)
        {
            if (!Mgrs.TryParse(mgrs, out var point, out var reason))
            {
                problem = reason;
                return false;
            }
            value = new HotlineValue.Position(Math.Round(point.LatDeg, 7), Math.Round(point.LonDeg, 7));
            return true;
        }
        if (json.ValueKind != JsonValueKind.Object
            || !json.TryGetProperty("lat_deg", out var lat) || !lat.TryGetDouble(out var latDeg)
            || !json.TryGetProperty("lon_deg", out var lon) || !lon.TryGetDouble(out var lonDeg))
        {
            return false;
        }
        if (latDeg is < -90 or > 90 || lonDeg is < -180 or > 180)
        {
            problem = "lat_deg must be within -90..90 and lon_deg within -180..180";
            return false;
        }
        value = new HotlineValue.Position(latDeg, lonDeg);
        return true;
    }

    private static bool TryText(string text, out string problem)
    {
        problem = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "must not be empty";
        }
        else if (text.Length > MaxTextLength)
        {
            problem = $"must be at most {MaxTextLength} characters";
        }
        else if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\t'))
        {
            problem = "must not contain control characters";
        }
        return problem.Length == 0;
    }
}
