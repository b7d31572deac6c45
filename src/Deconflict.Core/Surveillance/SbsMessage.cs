namespace Deconflict.Core.Surveillance;

/// <summary>
/// The fields of one SBS-1 (BaseStation, port 30003) <c>MSG</c> line that matter to tracking.
/// Absent numbers are NaN; <see cref="Callsign"/> is set only for transmission type 1.
/// </summary>
/// <param name="TransmissionType">1 identification, 3 airborne/surface position, 4 velocity (others are not produced).</param>
/// <param name="Icao">The 24-bit ICAO address.</param>
/// <param name="TimeS">Time generated, UNIX seconds; NaN when the line carries no usable time.</param>
/// <param name="Callsign">Flight identification (MSG,1).</param>
/// <param name="AltFt">Barometric altitude, feet (MSG,3).</param>
/// <param name="GsKt">Ground speed, knots (MSG,4).</param>
/// <param name="TrkDeg">Track over ground, degrees (MSG,4).</param>
/// <param name="LatDeg">Latitude, degrees (MSG,3).</param>
/// <param name="LonDeg">Longitude, degrees (MSG,3).</param>
/// <param name="VsFpm">Vertical rate, feet per minute (MSG,4).</param>
/// <param name="OnGround">The on-ground flag (field 22 is -1).</param>
public readonly record struct SbsMessage(
    int TransmissionType,
    int Icao,
    double TimeS,
    string? Callsign,
    double AltFt,
    double GsKt,
    double TrkDeg,
    double LatDeg,
    double LonDeg,
    double VsFpm,
    bool OnGround);
