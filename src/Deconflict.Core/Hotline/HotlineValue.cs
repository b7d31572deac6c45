using System.Globalization;
using System.Text.Json;

namespace Deconflict.Core.Hotline;

/// <summary>A validated parameter value, normalised (UTC times, WGS-84 degrees, whole seconds).</summary>
public abstract record HotlineValue
{
    public abstract HotlineParameterType Type { get; }

    /// <summary>Writes the canonical JSON form (what is stored and audited).</summary>
    public abstract void WriteTo(Utf8JsonWriter json);

    public sealed record FlightLevel(int Level) : HotlineValue
    {
        public override HotlineParameterType Type => HotlineParameterType.FlightLevel;

        public override void WriteTo(Utf8JsonWriter json) => json.WriteNumberValue(Level);
    }

    public sealed record UtcTime(DateTimeOffset Time) : HotlineValue
    {
        public override HotlineParameterType Type => HotlineParameterType.UtcTime;

        public override void WriteTo(Utf8JsonWriter json) =>
            json.WriteStringValue(Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }

    public sealed record Position(double LatDeg, double LonDeg) : HotlineValue
    {
        public override HotlineParameterType Type => HotlineParameterType.Position;

        public override void WriteTo(Utf8JsonWriter json)
        {
            json.WriteStartObject();
            json.WriteNumber("lat_deg", LatDeg);
            json.WriteNumber("lon_deg", LonDeg);
            json.WriteEndObject();
        }
    }

    public sealed record Duration(long Seconds) : HotlineValue
    {
        public override HotlineParameterType Type => HotlineParameterType.Duration;

        public override void WriteTo(Utf8JsonWriter json) => json.WriteNumberValue(Seconds);
    }

    public sealed record DistanceNm(double Nm) : HotlineValue
    {
        public override HotlineParameterType Type => HotlineParameterType.DistanceNm;

        public override void WriteTo(Utf8JsonWriter json) => json.WriteNumberValue(Nm);
    }

    /// <summary>A heading in whole degrees, 1–360 (north is 360).</summary>
    public sealed record Heading(int Deg) : HotlineValue
    {
        public override HotlineParameterType Type => HotlineParameterType.Heading;

        public override void WriteTo(Utf8JsonWriter json) => json.WriteNumberValue(Deg);
    }

    /// <summary>An identifier or free text; <see cref="Type"/> tells which.</summary>
    public sealed record Word(HotlineParameterType Kind, string Value) : HotlineValue
    {
        public override HotlineParameterType Type => Kind;

        public override void WriteTo(Utf8JsonWriter json) => json.WriteStringValue(Value);
    }
}
