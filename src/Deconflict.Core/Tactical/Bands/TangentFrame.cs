namespace Deconflict.Core.Tactical.Bands;

/// <summary>
/// The ownship's tangent plane on DAIDALUS's sphere (R = 6,366,707 m, one nautical mile per minute of arc):
/// orthographic projection onto the plane touching the sphere under the ownship, altitudes kept. Velocities
/// are projected as DAIDALUS does: the great-circle position 10 s ahead minus the present one, over 10 s.
/// Working with unit vectors, neither the antimeridian nor the poles are special.
/// </summary>
internal readonly struct TangentFrame
{
    public const double RadiusM = 1852.0 * 60 * 180 / Math.PI;
    private const double StepS = 10;

    private readonly double _ex, _ey, _nx, _ny, _nz;

    public TangentFrame(double latDeg, double lonDeg)
    {
        var (sinLat, cosLat) = Math.SinCos(latDeg * (Math.PI / 180));
        var (sinLon, cosLon) = Math.SinCos(lonDeg * (Math.PI / 180));
        _ex = -sinLon;
        _ey = cosLon;
        _nx = -sinLat * cosLon;
        _ny = -sinLat * sinLon;
        _nz = cosLat;
    }

    /// <summary>The aircraft's state in this plane (units of the surveillance formats in).</summary>
    public PlaneState Project(double latDeg, double lonDeg, double altFt, double gsKt, double trkDeg, double vsFpm)
    {
        var lat = latDeg * (Math.PI / 180);
        var lon = lonDeg * (Math.PI / 180);
        var (x, y) = ProjectRad(lat, lon);
        var z = altFt * Units.FtToM;
        var vz = vsFpm * Units.FtToM / 60;

        // Great-circle destination after 10 s along the track.
        var d = gsKt * Units.KtToMps * StepS / RadiusM;
        var trk = trkDeg * (Math.PI / 180);
        var (sinLat, cosLat) = Math.SinCos(lat);
        var (sinD, cosD) = Math.SinCos(d);
        var (sinTrk, cosTrk) = Math.SinCos(trk);
        var sinLat2 = Math.Clamp((sinLat * cosD) + (cosLat * sinD * cosTrk), -1, 1);
        var lat2 = Math.Asin(sinLat2);
        var lon2 = lon + Math.Atan2(sinTrk * sinD * cosLat, cosD - (sinLat * sinLat2));
        var (x2, y2) = ProjectRad(lat2, lon2);
        var z2 = z + (vz * StepS);
        return new PlaneState(x, y, z, (x2 - x) / StepS, (y2 - y) / StepS, (z2 - z) / StepS);
    }

    /// <summary>True when the position is on the hemisphere facing the plane (the projection is meaningful).</summary>
    public bool Faces(double latDeg, double lonDeg)
    {
        var (sinLat, cosLat) = Math.SinCos(latDeg * (Math.PI / 180));
        var (sinLon, cosLon) = Math.SinCos(lonDeg * (Math.PI / 180));
        // Up = east × north.
        var ux = (_ey * _nz) - (0 * _ny);
        var uy = (0 * _nx) - (_ex * _nz);
        var uz = (_ex * _ny) - (_ey * _nx);
        return (ux * cosLat * cosLon) + (uy * cosLat * sinLon) + (uz * sinLat) > 0;
    }

    private (double X, double Y) ProjectRad(double lat, double lon)
    {
        var (sinLat, cosLat) = Math.SinCos(lat);
        var (sinLon, cosLon) = Math.SinCos(lon);
        var px = cosLat * cosLon;
        var py = cosLat * sinLon;
        var pz = sinLat;
        return (RadiusM * ((_ex * px) + (_ey * py)), RadiusM * ((_nx * px) + (_ny * py) + (_nz * pz)));
    }
}
