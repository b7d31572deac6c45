namespace Deconflict.Core.Geodesy;

/// <summary>
/// The local projection of tactical detection: an east/north tangent plane at a reference point
/// (for a pair of aircraft, the midpoint of the two), scaled by the WGS-84 radii of curvature there
/// (meridional M northwards, prime vertical N eastwards).
/// </summary>
/// <remarks>
/// Everything goes through unit vectors in earth-centred axes, so nothing special happens at the
/// antimeridian (179.9° and -179.9° are simply neighbours) or at the poles (the frame of a point
/// near the pole is well defined; only the pole itself needs a conventional east). Velocities are
/// rotated from each aircraft's own east/north frame into this single frame: at high latitude two
/// aircraft's local norths differ by Δlon·sin(lat), which over a 300 s look-ahead moves predicted
/// positions by miles if ignored.
/// </remarks>
public readonly record struct LocalTangentPlane(Vec3 Up, Vec3 East, Vec3 North, double MeridionalRadiusM, double PrimeVerticalRadiusM)
{
    /// <summary>The plane tangent at a point given by its (not necessarily unit) earth-centred direction.</summary>
    public static LocalTangentPlane At(Vec3 direction)
    {
        var len = direction.Length;
        var up = new Vec3(direction.X / len, direction.Y / len, direction.Z / len);
        var h = Math.Sqrt(up.X * up.X + up.Y * up.Y);
        // At the pole itself east is a convention: the direction of the 90°E meridian.
        var east = h > 1e-15 ? new Vec3(-up.Y / h, up.X / h, 0) : new Vec3(0, 1, 0);
        var north = up.Cross(east);
        var w = 1 - Wgs84.E2 * up.Z * up.Z;
        var n = Wgs84.A / Math.Sqrt(w);
        var m = n * (1 - Wgs84.E2) / w;
        return new LocalTangentPlane(up, east, north, m, n);
    }

    /// <summary>The plane tangent at a geographic point.</summary>
    public static LocalTangentPlane At(GeoPoint p) => At(UnitVector(p.LatDeg, p.LonDeg));

    /// <summary>The plane tangent midway between two points (on the great circle joining them).</summary>
    public static LocalTangentPlane Midway(GeoPoint a, GeoPoint b) => At(UnitVector(a.LatDeg, a.LonDeg) + UnitVector(b.LatDeg, b.LonDeg));

    /// <summary>East and north coordinates, metres, of a point relative to the plane's origin.</summary>
    public (double EastM, double NorthM) Project(GeoPoint p)
    {
        var d = UnitVector(p.LatDeg, p.LonDeg) - Up;
        return (PrimeVerticalRadiusM * d.Dot(East), MeridionalRadiusM * d.Dot(North));
    }

    /// <summary>East and north components, in this plane, of a velocity given in the local frame at point p.</summary>
    public (double East, double North) ProjectVelocity(GeoPoint p, double groundSpeed, double trackDeg)
    {
        var v = VelocityVector(p.LatDeg, p.LonDeg, groundSpeed, trackDeg);
        return (v.Dot(East), v.Dot(North));
    }

    /// <summary>Earth-centred unit vector of a latitude/longitude (latitude taken on the sphere).</summary>
    public static Vec3 UnitVector(double latDeg, double lonDeg)
    {
        AngleMath.SinCosDeg(latDeg, out var sl, out var cl);
        AngleMath.SinCosDeg(lonDeg, out var so, out var co);
        return new Vec3(cl * co, cl * so, sl);
    }

    /// <summary>
    /// Earth-centred vector of a horizontal velocity given as speed along a track (degrees clockwise from
    /// north) at a point. Defined at the poles too, where north is taken along the given meridian.
    /// </summary>
    public static Vec3 VelocityVector(double latDeg, double lonDeg, double speed, double trackDeg)
    {
        AngleMath.SinCosDeg(latDeg, out var sl, out var cl);
        AngleMath.SinCosDeg(lonDeg, out var so, out var co);
        AngleMath.SinCosDeg(trackDeg, out var st, out var ct);
        var ve = speed * st;
        var vn = speed * ct;
        // east = (-sin lon, cos lon, 0); north = (-sin lat cos lon, -sin lat sin lon, cos lat)
        return new Vec3(-ve * so - vn * sl * co, ve * co - vn * sl * so, vn * cl);
    }
}
