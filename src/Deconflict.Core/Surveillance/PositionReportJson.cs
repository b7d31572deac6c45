using System.Globalization;
using System.Text.Json;

namespace Deconflict.Core.Surveillance;

/// <summary>
/// Reads position reports in the hub's JSON form
/// <c>{"id","t","lat_deg","lon_deg","alt_ft","gs_kt","trk_deg","vs_fpm","intent_id"}</c> (a JSON
/// array, or NDJSON: one object per line). Each report is validated on its own: a bad report is
/// listed with its index and field errors and the others are still accepted. <c>t</c> is RFC 3339;
/// <c>t_s</c> (UNIX seconds) is accepted instead. Optional numbers may be absent or null.
/// </summary>
public static class PositionReportJson
{
    private static readonly string[] OptionalNumbers = ["alt_ft", "gs_kt", "trk_deg", "vs_fpm"];

    /// <summary>Parses a JSON array body. Throws <see cref="JsonException"/> when the body is not a JSON array at all.</summary>
    public static void ParseArray(ReadOnlyMemory<byte> body, List<PositionReport> accepted, List<int> acceptedIndex, List<ReportRejection> rejected)
    {
        using var doc = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("the body must be a JSON array of position reports");
        }
        var i = 0;
        foreach (var element in doc.RootElement.EnumerateArray())
        {
            Add(element, i++, accepted, acceptedIndex, rejected);
        }
    }

    /// <summary>Parses NDJSON: one report per non-blank line; a line that is not JSON is rejected on its own.</summary>
    public static void ParseNdjson(ReadOnlySpan<byte> body, List<PositionReport> accepted, List<int> acceptedIndex, List<ReportRejection> rejected)
    {
        var index = 0;
        while (!body.IsEmpty)
        {
            var nl = body.IndexOf((byte)'\n');
            var line = nl < 0 ? body : body[..nl];
            body = nl < 0 ? [] : body[(nl + 1)..];
            if (line.Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }
            try
            {
                using var doc = JsonDocument.Parse(line.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
                Add(doc.RootElement, index, accepted, acceptedIndex, rejected);
            }
            catch (JsonException e)
            {
                rejected.Add(new ReportRejection(index, new Dictionary<string, string[]> { ["$"] = [$"not valid JSON: {e.Message}"] }));
            }
            index++;
        }
    }

    /// <summary>Validates one JSON object as a report.</summary>
    public static bool TryRead(JsonElement e, out PositionReport report, out Dictionary<string, string[]>? errors)
    {
        report = default;
        errors = null;
        if (e.ValueKind != JsonValueKind.Object)
        {
            errors = new() { ["$"] = ["must be a JSON object"] };
            return false;
        }
        string? id = null;
        if (!e.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.String)
        {
            Fail(ref errors, "id", "is required and must be a string");
        }
        else
        {
            id = idElement.GetString()!;
            if (ReportValidation.CheckId(id) is { } problem)
            {
                Fail(ref errors, "id", problem);
            }
        }
        var t = ReadTime(e, ref errors);
        var lat = ReadNumber(e, "lat_deg", required: true, ref errors);
        var lon = ReadNumber(e, "lon_deg", required: true, ref errors);
        Span<double> optional = stackalloc double[OptionalNumbers.Length];
        for (var i = 0; i < OptionalNumbers.Length; i++)
        {
            optional[i] = ReadNumber(e, OptionalNumbers[i], required: false, ref errors);
        }
        string? intent = null;
        if (e.TryGetProperty("intent_id", out var intentElement) && intentElement.ValueKind != JsonValueKind.Null)
        {
            if (intentElement.ValueKind != JsonValueKind.String || intentElement.GetString() is not { Length: > 0 and <= 200 } s)
            {
                Fail(ref errors, "intent_id", "must be a non-empty string of at most 200 characters");
            }
            else
            {
                intent = s;
            }
        }
        if (errors is not null)
        {
            return false;
        }
        var trk = optional[2] >= 360 ? optional[2] - 360 : optional[2];
        report = new PositionReport(id!, t, lat, lon, optional[0], optional[1], trk, optional[3], intent);
        return true;
    }

    private static void Add(JsonElement element, int index, List<PositionReport> accepted, List<int> acceptedIndex, List<ReportRejection> rejected)
    {
        if (TryRead(element, out var report, out var errors))
        {
            accepted.Add(report);
            acceptedIndex.Add(index);
        }
        else
        {
            rejected.Add(new ReportRejection(index, errors!));
        }
    }

    private static double ReadTime(JsonElement e, ref Dictionary<string, string[]>? errors)
    {
        if (e.TryGetProperty("t", out var t))
        {
            if (t.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(t.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
                && t.GetString()!.Contains('T', StringComparison.OrdinalIgnoreCase))
            {
                var s = (time - DateTimeOffset.UnixEpoch).TotalSeconds;
                if (ReportValidation.Check("t", s) is { } problem)
                {
                    Fail(ref errors, "t", problem);
                }
                return s;
            }
            Fail(ref errors, "t", "must be an RFC 3339 time such as 2026-03-01T12:00:00Z");
            return double.NaN;
        }
        if (e.TryGetProperty("t_s", out _))
        {
            return ReadNumber(e, "t_s", required: true, ref errors);
        }
        Fail(ref errors, "t", "is required (RFC 3339 time)");
        return double.NaN;
    }

    private static double ReadNumber(JsonElement e, string name, bool required, ref Dictionary<string, string[]>? errors)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Fail(ref errors, name, "is required");
            }
            return double.NaN;
        }
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var value))
        {
            Fail(ref errors, name, "must be a number");
            return double.NaN;
        }
        if (ReportValidation.Check(name, value) is { } problem)
        {
            Fail(ref errors, name, problem);
        }
        return value;
    }

    private static void Fail(ref Dictionary<string, string[]>? errors, string field, string message)
    {
        errors ??= new Dictionary<string, string[]>(StringComparer.Ordinal);
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
    }
}
