using Deconflict.Core.Geodesy;

namespace Deconflict.Core.Asterix;

/// <summary>
/// Where a radar stands, so that its plots' slant range and azimuth (CAT048 I048/040) become a
/// WGS-84 position. The slant range is turned into an arc over the ground with the target's
/// height (its flight level, taken as height: pressure and geometric height differ by at most a
/// few hundred feet, which moves a plot by metres) on a sphere of the local Gaussian radius, and
/// the arc is laid out along the azimuth with the exact geodesic. <see cref="ToPolar"/> is the
/// inverse, so a round trip is exact to rounding.
/// </summary>
public readonly record struct RadarSite(double LatDeg, double LonDeg, double HeightFt)
{
    /// <summary>Gaussian mean radius of curvature at the site, metres.</summary>
    public double RadiusM
    {
        get
        {
            var s = Math.Sin(LatDeg * Math.PI / 180);
            var w2 = 1 - (Wgs84.E2 * s * s);
            return Wgs84.A * Math.Sqrt(1 - Wgs84.E2) / w2;
        }
    }

    /// <summary>The position of a plot at <paramref name="rhoNm"/> and <paramref name="thetaDeg"/>; heights NaN count as the radar's.</summary>
    public (double LatDeg, double LonDeg) ToWgs84(double rhoNm, double thetaDeg, double targetHeightFt)
    {
        var r = RadiusM;
        var r1 = r + (HeightFt * Wgs84.MetresPerFoot);
        var r2 = r + ((double.IsNaN(targetHeightFt) ? HeightFt : targetHeightFt) * Wgs84.MetresPerFoot);
        var rho = rhoNm * Wgs84.MetresPerNauticalMile;
        var cos = Math.Clamp(((r1 * r1) + (r2 * r2) - (rho * rho)) / (2 * r1 * r2), -1, 1);
        var ground = r * Math.Acos(cos);
        var p = Geodesic.Direct(LatDeg, LonDeg, thetaDeg, ground);
        return (p.LatDeg, p.LonDeg);
    }

    /// <summary>Slant range (NM) and azimuth (degrees) of a target seen from the site.</summary>
    public (double RhoNm, double ThetaDeg) ToPolar(double latDeg, double lonDeg, double targetHeightFt)
    {
        var inverse = Geodesic.Inverse(LatDeg, LonDeg, latDeg, lonDeg);
        var r = RadiusM;
        var r1 = r + (HeightFt * Wgs84.MetresPerFoot);
        var r2 = r + ((double.IsNaN(targetHeightFt) ? HeightFt : targetHeightFt) * Wgs84.MetresPerFoot);
        var gamma = inverse.DistanceM / r;
        var rho = Math.Sqrt(Math.Max(0, (r1 * r1) + (r2 * r2) - (2 * r1 * r2 * Math.Cos(gamma))));
        var theta = inverse.Azimuth1Deg < 0 ? inverse.Azimuth1Deg + 360 : inverse.Azimuth1Deg;
        return (rho / Wgs84.MetresPerNauticalMile, theta);
    }

    /// <summary>Parses <c>LAT,LON[,HEIGHT_FT]</c>; false with a reason when it is not one.</summary>
    public static bool TryParse(string text, out RadarSite site, out string problem)
    {
        site = default;
        var parts = text.Split(',');
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        if (parts.Length is < 2 or > 3
            || !double.TryParse(parts[0], ci, out var lat) || !double.TryParse(parts[1], ci, out var lon)
            || (parts.Length == 3 && !double.TryParse(parts[2], ci, out _)))
        {
            problem = "expected LAT,LON[,HEIGHT_FT] in decimal degrees and feet";
            return false;
        }
        var h = parts.Length == 3 ? double.Parse(parts[2], ci) : 0;
        if (lat is < -90 or > 90 || lon is < -180 or > 180 || !double.IsFinite(h))
        {
            problem = "latitude must be within ±90°, longitude within ±180°";
            return false;
        }
        site = new RadarSite(lat, lon, h);
        problem = "";
        return true;
    }

    /// <summary>Parses <c>SAC/SIC=LAT,LON[,HEIGHT_FT]</c>, the position of the radar that identifies itself by SAC and SIC.</summary>
    public static bool TryParseAssignment(string text, out (int Sac, int Sic) radar, out RadarSite site, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        (radar, site) = (default, default);
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        var ids = eq < 0 ? [] : text[..eq].Split('/');
        if (ids.Length != 2 || !int.TryParse(ids[0], ci, out var sac) || !int.TryParse(ids[1], ci, out var sic) || sac is < 0 or > 255 || sic is < 0 or > 255)
        {
            problem = $"'{text}' must be SAC/SIC=LAT,LON[,HEIGHT_FT] with SAC and SIC from 0 to 255";
            return false;
        }
        if (!TryParse(text[(eq + 1)..], out site, out var reason))
        {
            problem = $"'{text}': {reason}";
            return false;
        }
        radar = (sac, sic);
        problem = "";
        return true;
    }
}
