namespace Deconflict.Core.Hotline;

/// <summary>The typed values a message template can carry. Every type except <see cref="Text"/> renders in any language.</summary>
public enum HotlineParameterType
{
    /// <summary>Flight level in hundreds of feet, 0–660 (JSON: 320 or "FL320").</summary>
    FlightLevel,

    /// <summary>An instant, always shown in UTC (JSON: RFC 3339 with Z or an offset).</summary>
    UtcTime,

    /// <summary>WGS-84 position, shown as decimal lat/lon and MGRS (JSON: {"lat_deg","lon_deg"}, {"mgrs"} or an MGRS string).</summary>
    Position,

    /// <summary>A duration (JSON: whole seconds, or ISO 8601 such as "PT15M").</summary>
    Duration,

    /// <summary>A distance in nautical miles (JSON: number).</summary>
    DistanceNm,

    /// <summary>A heading (track over ground), whole degrees 1–360, 360 for north (JSON: 90 or 0 for north); shown as 090°.</summary>
    Heading,

    /// <summary>An operational intent id.</summary>
    IntentId,

    /// <summary>A track (aircraft) id.</summary>
    TrackId,

    /// <summary>Another message of the thread, e.g. the request a WILCO answers.</summary>
    MessageId,

    /// <summary>Free text: shown as written, marked untranslated.</summary>
    Text,
}
