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

    /// <summary>The whole sphere between two latitudes.</summary>
    public static GeoBox AllLongitudes(double lat0, double lat1) => new(lat0, -180, lat1, 180);

    /// <summary>True when the box spans every longitude.</summary>
    public bool IsFullLongitude => LonSpanDeg >= 360;

    /// <summary>
    /// True when the two boxes share a point (edges included). Longitudes are compared on the circle, so boxes
    /// across the antimeridian and boxes spanning every longitude need no special case.
    /// </summary>
    public bool Intersects(GeoBox other)
    {
        if (Lat1 < other.Lat0 || other.Lat1 < Lat0)
        {
            return false;
        }
        if (IsFullLongitude || other.IsFullLongitude)
        {
            return true;
        }
        return EastOf(Lon0, other.Lon0) <= LonSpanDeg || EastOf(other.Lon0, Lon0) <= other.LonSpanDeg;
    }

    /// <summary>
    /// The smallest box holding a spherical cap of angular radius <paramref name="capRad"/> around a centre: a cap
    /// reaching a pole spans every longitude; otherwise its longitude half-width is asin(sin r / cos φ).
    /// </summary>
    public static GeoBox AroundCap(GeoPoint centre, double capRad)
    {
        var r = capRad * 180 / Math.PI;
        var lat0 = centre.LatDeg - r;
        var lat1 = centre.LatDeg + r;
        if (lat1 >= 90 || lat0 <= -90)
        {
            return AllLongitudes(Math.Max(lat0, -90), Math.Min(lat1, 90));
        }
        var ratio = Math.Sin(capRad) / Math.Cos(centre.LatDeg * Math.PI / 180);
        if (ratio >= 1)
        {
            return AllLongitudes(lat0, lat1);
        }
        var half = Math.Asin(ratio) * 180 / Math.PI;
        return new GeoBox(lat0, Wrap(centre.LonDeg - half), lat1, Wrap(centre.LonDeg + half));
    }

    /// <summary>Degrees to go east from <paramref name="from"/> to <paramref name="to"/>, [0, 360).</summary>
    private static double EastOf(double from, double to)
    {
        var d = (to - from) % 360;
        return d < 0 ? d + 360 : d;
    }

    private static double Wrap(double lon) => lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
}
