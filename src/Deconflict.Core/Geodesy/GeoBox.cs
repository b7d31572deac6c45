namespace Deconflict.Core.Geodesy;

/// <summary>
/// A latitude/longitude box from (<see cref="Lat0"/>, <see cref="Lon0"/>) to (<see cref="Lat1"/>, <see cref="Lon1"/>),
/// going east from Lon0 to Lon1: when Lon1 &lt; Lon0 the box crosses the antimeridian.
/// </summary>
public readonly record struct GeoBox(double Lat0, double Lon0, double Lat1, double Lon1)
{
    /// <summary>Eastward longitude extent in degrees, (0, 360].</summary>
    public double LonSpanDeg
    {
        get
        {
            var span = Lon1 - Lon0;
            return span > 0 ? span : span + 360;
        }
    }

    /// <summary>Area on a sphere of the WGS-84 equatorial radius, square metres.</summary>
    public double AreaM2 =>
        Wgs84.A * Wgs84.A * LonSpanDeg * Math.PI / 180 * Math.Abs(Math.Sin(Lat1 * Math.PI / 180) - Math.Sin(Lat0 * Math.PI / 180));

    /// <summary>True when latitudes are within [-90, 90], ordered, and longitudes within [-180, 180].</summary>
    public bool IsValid => Lat0 >= -90 && Lat1 <= 90 && Lat0 < Lat1 && Math.Abs(Lon0) <= 180 && Math.Abs(Lon1) <= 180 && Lon0 != Lon1;
}
