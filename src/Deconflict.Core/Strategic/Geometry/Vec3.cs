using System.Runtime.CompilerServices;
using Deconflict.Core.Geodesy;

namespace Deconflict.Core.Strategic.Geometry;

/// <summary>
/// A vector in 3D; as a unit vector it is a geodetic position placed on the unit sphere (geodetic latitude
/// and longitude taken as spherical coordinates). Great-circle arcs between such points are the edges of
/// our shapes, and working on vectors has no antimeridian or pole singularity.
/// </summary>
internal readonly record struct Vec3(double X, double Y, double Z)
{
    public static Vec3 FromGeo(double latDeg, double lonDeg)
    {
        var lat = latDeg * (Math.PI / 180);
        var lon = lonDeg * (Math.PI / 180);
        var (sinLat, cosLat) = Math.SinCos(lat);
        var (sinLon, cosLon) = Math.SinCos(lon);
        return new Vec3(cosLat * cosLon, cosLat * sinLon, sinLat);
    }

    public static Vec3 FromGeo(GeoPoint p) => FromGeo(p.LatDeg, p.LonDeg);

    public GeoPoint ToGeo() => new(
        Math.Atan2(Z, Math.Sqrt((X * X) + (Y * Y))) * (180 / Math.PI),
        Math.Atan2(Y, X) * (180 / Math.PI));

    public double Length => Math.Sqrt((X * X) + (Y * Y) + (Z * Z));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Dot(Vec3 o) => (X * o.X) + (Y * o.Y) + (Z * o.Z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vec3 Cross(Vec3 o) => new((Y * o.Z) - (Z * o.Y), (Z * o.X) - (X * o.Z), (X * o.Y) - (Y * o.X));

    public Vec3 Normalized()
    {
        var l = Length;
        return l > 0 ? new Vec3(X / l, Y / l, Z / l) : this;
    }

    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    public static Vec3 operator -(Vec3 a, Vec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    public static Vec3 operator *(Vec3 a, double s) => new(a.X * s, a.Y * s, a.Z * s);

    /// <summary>Central angle between two unit vectors, radians; accurate for tiny and large angles alike.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Angle(Vec3 a, Vec3 b) => Math.Atan2(a.Cross(b).Length, a.Dot(b));
}
