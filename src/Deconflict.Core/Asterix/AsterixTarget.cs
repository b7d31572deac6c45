namespace Deconflict.Core.Asterix;

/// <summary>
/// What one ASTERIX record says about one target, in the units the rest of the system uses
/// (degrees, feet, knots, feet per minute). Anything the record did not carry is NaN, -1 or null.
/// CAT048 plots carry a polar position (<see cref="RhoNm"/>, <see cref="ThetaDeg"/>) that becomes a
/// WGS-84 one only with the radar's position (<see cref="RadarSite"/>).
/// </summary>
public struct AsterixTarget()
{
    public int Category { get; set; }

    /// <summary>System Area Code of the data source (I0xx/010), -1 when absent.</summary>
    public int Sac { get; set; } = -1;

    /// <summary>System Identification Code of the data source, -1 when absent.</summary>
    public int Sic { get; set; } = -1;

    /// <summary>Seconds since UTC midnight of the position (time of applicability, of track information, or of day).</summary>
    public double TimeOfDayS { get; set; } = double.NaN;

    public double LatDeg { get; set; } = double.NaN;

    public double LonDeg { get; set; } = double.NaN;

    /// <summary>Barometric (pressure) altitude: flight level × 100 ft.</summary>
    public double FlightLevelFt { get; set; } = double.NaN;

    /// <summary>Geometric height above the WGS-84 ellipsoid, ft.</summary>
    public double GeometricAltFt { get; set; } = double.NaN;

    public double GsKt { get; set; } = double.NaN;

    public double TrkDeg { get; set; } = double.NaN;

    /// <summary>Barometric vertical rate, ft/min.</summary>
    public double VsFpm { get; set; } = double.NaN;

    /// <summary>Geometric vertical rate, ft/min.</summary>
    public double GeometricVsFpm { get; set; } = double.NaN;

    /// <summary>24-bit target address, -1 when absent.</summary>
    public int Address { get; set; } = -1;

    /// <summary>Whether <see cref="Address"/> is an ICAO aircraft address (not a duplicate, surface, anonymous or other address).</summary>
    public bool AddressIsIcao { get; set; }

    public string? Callsign { get; set; }

    /// <summary>Track number of the source (CAT062 I062/040, CAT021 I021/161, CAT048 I048/161), -1 when absent.</summary>
    public int TrackNumber { get; set; } = -1;

    /// <summary>Mode 3/A code as a 12-bit octal-coded value, -1 when absent.</summary>
    public int Mode3A { get; set; } = -1;

    /// <summary>ADS-B emitter category (CAT021 I021/020 or CAT062 I062/380 EMC), -1 when absent.</summary>
    public int EmitterCategory { get; set; } = -1;

    /// <summary>NUCp or NIC from the quality indicators (I021/090), -1 when absent.</summary>
    public int NucpNic { get; set; } = -1;

    /// <summary>Navigation Accuracy Category for position (I021/090 first extension), -1 when absent.</summary>
    public int NacP { get; set; } = -1;

    /// <summary>Source Integrity Level (I021/090 first extension), -1 when absent.</summary>
    public int Sil { get; set; } = -1;

    /// <summary>Simulated or test target: never a real aircraft.</summary>
    public bool SimulatedOrTest { get; set; }

    /// <summary>Ground bit set (CAT021) or surface target (CAT062).</summary>
    public bool OnGround { get; set; }

    /// <summary>A tentative (unconfirmed) track (CAT062 I062/080 CNF).</summary>
    public bool Tentative { get; set; }

    /// <summary>The source's last message for this track (CAT062 I062/080 TSE).</summary>
    public bool TrackEnded { get; set; }

    /// <summary>Slant range from the radar, NM (CAT048 I048/040).</summary>
    public double RhoNm { get; set; } = double.NaN;

    /// <summary>Azimuth from the radar, degrees clockwise from north (CAT048 I048/040).</summary>
    public double ThetaDeg { get; set; } = double.NaN;

    /// <summary>Whether the record carried a position of any kind.</summary>
    public readonly bool HasPosition => !double.IsNaN(LatDeg) || !double.IsNaN(RhoNm);
}
