using Deconflict.Core.Geodesy;

namespace Deconflict.Core.Coordinates;

/// <summary>
/// Universal Polar Stereographic on WGS-84 (scale 0.994 at the pole, false origin 2 000 000 m E and N),
/// used by MGRS north of 84°N and south of 80°S. Ellipsoidal formulas via the conformal latitude.
/// </summary>
public static class PolarStereographic
{
    public const double UpsScale = 0.994;
    public const double UpsFalseOrigin = 2_000_000;

    private static readonly double E = Math.Sqrt(Wgs84.E2);
    private static readonly double C = Math.Sqrt(Math.Pow(1 + E, 1 + E) * Math.Pow(1 - E, 1 - E));

    public static GridCoordinate Forward(double latDeg, double lonDeg, bool northern)
    {
        var phi = double.DegreesToRadians(northern ? latDeg : -latDeg);
        var lambda = double.DegreesToRadians(lonDeg);
        var sinPhi = Math.Sin(phi);
        var t = Math.Tan((Math.PI / 4) - (phi / 2)) / Math.Pow((1 - (E * sinPhi)) / (1 + (E * sinPhi)), E / 2);
        var rho = 2 * Wgs84.A * UpsScale * t / C;
        var x = UpsFalseOrigin + (rho * Math.Sin(lambda));
        var y = northern ? UpsFalseOrigin - (rho * Math.Cos(lambda)) : UpsFalseOrigin + (rho * Math.Cos(lambda));
        return new GridCoordinate(0, northern, x, y);
    }

    public static (double LatDeg, double LonDeg) Inverse(GridCoordinate grid)
    {
        var dx = grid.EastingM - UpsFalseOrigin;
        var dy = grid.NorthingM - UpsFalseOrigin;
        var rho = Math.Sqrt((dx * dx) + (dy * dy));
        var t = rho * C / (2 * Wgs84.A * UpsScale);
        // tan χ = (1 - t²) / (2t) for χ = π/2 - 2 atan t, then φ from the conformal latitude.
        var tauPrime = t == 0 ? double.PositiveInfinity : (1 - (t * t)) / (2 * t);
        var lat = double.IsInfinity(tauPrime) ? 90 : double.RadiansToDegrees(Math.Atan(TransverseMercator.TauFromConformal(tauPrime)));
        var lon = rho == 0 ? 0 : double.RadiansToDegrees(grid.Northern ? Math.Atan2(dx, -dy) : Math.Atan2(dx, dy));
        return (grid.Northern ? lat : -lat, TransverseMercator.NormalizeLongitude(lon));
    }
}
