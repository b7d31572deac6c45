using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Deconflict.Hub.Json;

/// <summary>Times in the API are RFC 3339 UTC: <c>2026-03-01T12:00:00Z</c> (milliseconds only when present).</summary>
public sealed class UtcTimeConverter : JsonConverter<DateTimeOffset>
{
    public static string Format(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        return utc.ToString(utc.Millisecond == 0 && utc.Ticks % TimeSpan.TicksPerMillisecond == 0
            ? "yyyy-MM-dd'T'HH:mm:ss'Z'"
            : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String
            && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var t)
            && reader.GetString()!.Contains('T', StringComparison.Ordinal))
        {
            return t.ToUniversalTime();
        }
        throw new JsonException("expected an RFC 3339 time such as 2026-03-01T12:00:00Z");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Format(value));
    }
}
