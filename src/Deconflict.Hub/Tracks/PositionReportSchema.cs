using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Deconflict.Hub.Tracks;

/// <summary>
/// The schema of one position report of <c>POST /api/v1/tracks</c>, for the OpenAPI document (the hub reads reports
/// with Core's <c>PositionReportJson</c>, judging each on its own).
/// </summary>
public sealed record PositionReportSchema(
    [property: Description("The reporting party's track id (callsign, registration or its own).")] string Id,
    [property: Description("Time of the position, RFC 3339 UTC (or t_s: seconds since 1970).")] DateTimeOffset? T,
    double LatDeg,
    double LonDeg,
    double? AltFt = null,
    double? GsKt = null,
    double? TrkDeg = null,
    double? VsFpm = null,
    [property: Description("The reporting party's live intent the aircraft flies under, for conformance.")] string? IntentId = null,
    [property: Description("Seconds since 1970 instead of t."), JsonPropertyName("t_s")] double? TS = null);
