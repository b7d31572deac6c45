namespace Deconflict.Core.Surveillance;

/// <summary>
/// One surveillance report of an aircraft's state at a time. A value type so that a feed can be
/// parsed and ingested without one heap object per report. A field that the source did not carry
/// is <see cref="double.NaN"/>: the live store then keeps the last known value rather than
/// inventing one.
/// </summary>
/// <param name="Id">Track identity (for ADS-B the ICAO 24-bit address, six lower-case hex digits).</param>
/// <param name="TimeS">Seconds since the UNIX epoch (UTC).</param>
/// <param name="LatDeg">WGS-84 latitude, degrees.</param>
/// <param name="LonDeg">WGS-84 longitude, degrees.</param>
/// <param name="AltFt">Barometric altitude, feet.</param>
/// <param name="GsKt">Ground speed, knots.</param>
/// <param name="TrkDeg">True track over ground, degrees clockwise from north.</param>
/// <param name="VsFpm">Barometric vertical rate, feet per minute.</param>
/// <param name="IntentId">The operational intent the aircraft says it flies, when it names one.</param>
/// <param name="Callsign">The flight identification, when the source carries one.</param>
public readonly record struct PositionReport(
    string Id,
    double TimeS,
    double LatDeg,
    double LonDeg,
    double AltFt,
    double GsKt,
    double TrkDeg,
    double VsFpm,
    string? IntentId = null,
    string? Callsign = null);
