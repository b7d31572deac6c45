using System.Runtime.CompilerServices;

namespace Deconflict.Core.Geodesy;

/// <summary>
/// A Cartesian vector: earth-centred, earth-fixed axes for the detector, or, as a unit vector from
/// <see cref="FromGeo(double, double)"/>, a position on the unit sphere for the strategic shapes (geodetic latitude
/// and longitude taken as spherical coordinates). Working on vectors has no antimeridian or pole singularity.
/// </summary>
public readonly record struct Vec3(double X, double Y, double Z)
{
    /// <summary>The unit vector of a geodetic position taken as spherical coordinates.</summary>
    public static Vec3 FromGeo(double latDeg, double lonDeg)
    {
        var (sinLat, cosLat) = Math.SinCos(latDeg * (Math.PI / 180));
        var (sinLon, cosLon) = Math.SinCos(lonDeg * (Math.PI / 180));
        return new Vec3(cosLat * cosLon, cosLat * sinLon, sinLat);
    }

    public static Vec3 FromGeo(GeoPoint p) => FromGeo(p.LatDeg, p.LonDeg);

    /// <summary>The position a unit vector stands for (inverse of <see cref="FromGeo(double, double)"/>).</summary>
    public GeoPoint ToGeo() => new(
        Math.Atan2(Z, Math.Sqrt((X * X) + (Y * Y))) * (180 / Math.PI),
        Math.Atan2(Y, X) * (180 / Math.PI));

    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    public static Vec3 operator -(Vec3 a, Vec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    public static Vec3 operator *(double k, Vec3 a) => new(k * a.X, k * a.Y, k * a.Z);

    public static Vec3 operator *(Vec3 a, double k) => new(k * a.X, k * a.Y, k * a.Z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Dot(Vec3 b) => (X * b.X) + (Y * b.Y) + (Z * b.Z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vec3 Cross(Vec3 b) => new((Y * b.Z) - (Z * b.Y), (Z * b.X) - (X * b.Z), (X * b.Y) - (Y * b.X));

    public double Length => Math.Sqrt((X * X) + (Y * Y) + (Z * Z));

    public Vec3 Normalized()
    {
        var l = Length;
        return l > 0 ? new Vec3(X / l, Y / l, Z / l) : this;
    }

    /// <summary>Central angle between two unit vectors, radians; accurate for tiny and large angles alike.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Angle(Vec3 a, Vec3 b) => Math.Atan2(a.Cross(b).Length, a.Dot(b));
}
