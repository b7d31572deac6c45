using System.Text.Json;
using Deconflict.Core.Hotline;

namespace Deconflict.Core.Tests.Hotline;

/// <summary>A sample JSON value for every parameter type, and messages with every parameter of a template given.</summary>
internal static class HotlineSamples
{
    public static string Json(HotlineParameter parameter) => parameter.Type switch
    {
        HotlineParameterType.FlightLevel => parameter.Name == "upper_fl" ? "350" : parameter.Name == "lower_fl" ? "\"FL180\"" : "320",
        HotlineParameterType.UtcTime => parameter.Name == "end" ? "\"2026-03-01T14:30:00Z\"" : "\"2026-03-01T15:45:00+03:00\"",
        HotlineParameterType.Position => """{"lat_deg":35.1,"lon_deg":-38.2}""",
        HotlineParameterType.Duration => "\"PT15M30S\"",
        HotlineParameterType.DistanceNm => "7.5",
        HotlineParameterType.IntentId => "\"INT-77\"",
        HotlineParameterType.TrackId => "\"RFF123\"",
        HotlineParameterType.Heading => "90",
        HotlineParameterType.MessageId => "\"MSG-9\"",
        _ => "\"runway 27 closed\"",
    };

    public static HotlineMessage Full(HotlineTemplate template, string? remark = null)
    {
        var json = "{" + string.Join(",", template.Parameters.Select(p => $"\"{p.Name}\":{Json(p)}")) + "}";
        using var document = JsonDocument.Parse(json);
        var result = HotlineMessageParser.Parse(template.Id, document.RootElement, remark);
        result.Errors.ShouldBeEmpty();
        return result.Message!;
    }

    public static HotlineParseResult Parse(string template, string paramsJson, string? text = null)
    {
        using var document = JsonDocument.Parse(paramsJson);
        return HotlineMessageParser.Parse(template, document.RootElement.Clone(), text);
    }
}
