namespace Deconflict.Core.Coordinates;

/// <summary>
/// Chooses the grid for a position the way MGRS does: UTM from 80°S up to (not including) 84°N, with the Norway
/// (zone 32V widened to 3°E) and Svalbard (zones 31X, 33X, 35X, 37X only) exceptions; UPS over the poles.
/// </summary>
public static class UtmUps
{
    public const double UtmMaxLatDeg = 84;
    public const double UtmMinLatDeg = -80;

    public static GridCoordinate Forward(double latDeg, double lonDeg)
    {
        Validate(latDeg, lonDeg);
        if (latDeg >= UtmMaxLatDeg || latDeg < UtmMinLatDeg)
        {
            return PolarStereographic.Forward(latDeg, lonDeg, latDeg > 0);
        }
        return Utm(latDeg, lonDeg, StandardZone(latDeg, lonDeg));
    }

    /// <summary>UTM in a given zone (1–60), e.g. to continue a neighbouring zone's grid.</summary>
    public static GridCoordinate Utm(double latDeg, double lonDeg, int zone)
    {
        var (x, y) = TransverseMercator.Forward(latDeg, lonDeg, CentralMeridian(zone), TransverseMercator.UtmScale);
        var northern = latDeg >= 0;
        return new GridCoordinate(zone, northern, TransverseMercator.UtmFalseEasting + x,
            northern ? y : TransverseMercator.UtmFalseNorthingSouth + y);
    }

    public static (double LatDeg, double LonDeg) Inverse(GridCoordinate grid)
    {
        if (grid.IsUps)
        {
            return PolarStereographic.Inverse(grid);
        }
        if (grid.Zone is < 1 or > 60)
        {
            throw new ArgumentOutOfRangeException(nameof(grid), $"UTM zone {grid.Zone} is not 1-60");
        }
        var y = grid.Northern ? grid.NorthingM : grid.NorthingM - TransverseMercator.UtmFalseNorthingSouth;
        return TransverseMercator.Inverse(grid.EastingM - TransverseMercator.UtmFalseEasting, y,
            CentralMeridian(grid.Zone), TransverseMercator.UtmScale);
    }

    public static double CentralMeridian(int zone) => (6 * zone) - 183;

    public static int StandardZone(double latDeg, double lonDeg)
    {
        var lon = TransverseMercator.NormalizeLongitude(lonDeg);
        var zone = (int)Math.Floor((lon + 180) / 6) + 1;
        zone = Math.Clamp(zone, 1, 60);
        if (latDeg is >= 56 and < 64 && lon is >= 3 and < 12)
        {
            return 32;
        }
        if (latDeg is >= 72 and < 84 && lon >= 0 && lon < 42)
        {
            return lon < 9 ? 31 : lon < 21 ? 33 : lon < 33 ? 35 : 37;
        }
        return zone;
    }

    internal static void Validate(double latDeg, double lonDeg)
    {
        if (!double.IsFinite(latDeg) || latDeg is < -90 or > 90)
        {
            throw new ArgumentOutOfRangeException(nameof(latDeg), $"latitude {latDeg} is not within -90..90");
        }
        if (!double.IsFinite(lonDeg))
        {
            throw new ArgumentOutOfRangeException(nameof(lonDeg), $"longitude {lonDeg} is not a number");
        }
    }
}
