using Deconflict.Core.Geodesy;
using System.Runtime.CompilerServices;

namespace Deconflict.Core.Strategic.Geometry;

/// <summary>Great-circle arc primitives on unit vectors (arcs shorter than a half circle).</summary>
internal static class SphericalArc
{
    /// <summary>
    /// Central angle from <paramref name="p"/> to the nearest point of arc AB, and that point. On the ellipsoid
    /// the nearest point shifts slightly, but distance is stationary there, so measuring the geodesic to this
    /// foot is off only to second order (well under a metre for shapes of tens of kilometres).
    /// </summary>
    public static double Distance(Vec3 p, Vec3 a, Vec3 b, out Vec3 foot)
    {
        var n = a.Cross(b);
        var nl = n.Length;
        if (nl > 1e-15)
        {
            n *= 1 / nl;
            var q = p - (n * p.Dot(n));
            if (a.Cross(q).Dot(n) >= 0 && q.Cross(b).Dot(n) >= 0 && q.Dot(a + b) > 0)
            {
                foot = q.Normalized();
                return Vec3.Angle(p, foot);
            }
        }
        var da = Vec3.Angle(p, a);
        var db = Vec3.Angle(p, b);
        foot = da <= db ? a : b;
        return Math.Min(da, db);
    }

    /// <summary>True when arcs AB and CD cross at a point interior to both (touching and collinear cases are not crossings).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool CrossProperly(Vec3 a, Vec3 b, Vec3 c, Vec3 d)
    {
        var ncd = c.Cross(d);
        var sa = a.Dot(ncd);
        var sb = b.Dot(ncd);
        if (!((sa > 0 && sb < 0) || (sa < 0 && sb > 0)))
        {
            return false;
        }
        var nab = a.Cross(b);
        var sc = c.Dot(nab);
        var sd = d.Dot(nab);
        // The two great circles meet twice; the sign tests alone also accept the antipodal meeting point.
        return ((sc > 0 && sd < 0) || (sc < 0 && sd > 0)) && (a + b).Dot(c + d) > 0;
    }
}
