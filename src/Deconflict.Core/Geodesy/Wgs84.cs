namespace Deconflict.Core.Geodesy;

/// <summary>Constants of the WGS-84 ellipsoid and the unit conversions used at the edges (SI inside).</summary>
public static class Wgs84
{
    /// <summary>Semi-major axis, metres.</summary>
    public const double A = 6378137.0;

    /// <summary>Flattening.</summary>
    public const double F = 1.0 / 298.257223563;

    /// <summary>Semi-minor axis, metres.</summary>
    public const double B = A * (1 - F);

    /// <summary>First eccentricity squared.</summary>
    public const double E2 = F * (2 - F);

    public const double MetresPerNauticalMile = 1852.0;
    public const double MetresPerFoot = 0.3048;
    public const double MetresPerSecondPerKnot = 1852.0 / 3600.0;
    public const double MetresPerSecondPerFootPerMinute = 0.3048 / 60.0;
}
