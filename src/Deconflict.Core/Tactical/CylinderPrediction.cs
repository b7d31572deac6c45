using System.Runtime.CompilerServices;
using Deconflict.Core.Geodesy;

namespace Deconflict.Core.Tactical;

/// <summary>
/// Constant-velocity prediction for one pair against a cylinder (DAIDALUS CD3D): the pair is in conflict
/// while horizontal distance &lt; D and vertical distance &lt; H, both open conditions, intersected with the
/// closed window [0, T]. An interval of zero length (touching the cylinder, or entering exactly at T) is
/// not a loss of separation.
/// </summary>
internal static class CylinderPrediction
{
    /// <summary>DAIDALUS's spherical earth: 1 NM is one minute of arc.</summary>
    public const double DaidalusRadiusM = 6_366_707.0;

    /// <summary>
    /// Predicts the pair from earth-centred unit position vectors, earth-centred velocities (m/s),
    /// altitudes (ft) and vertical speeds (ft/s). Both aircraft are placed in the tangent plane at their
    /// midpoint (on DAIDALUS's sphere, or with the WGS-84 radii of curvature there) and both velocities are rotated into that one frame.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryPredict(
        double uix, double uiy, double uiz, double ujx, double ujy, double ujz,
        double vix, double viy, double viz, double vjx, double vjy, double vjz,
        double zi, double zj, double vzi, double vzj,
        double dM, double hFt, double lookaheadS, bool wgs84,
        out double tIn, out double tOut, out double tCpa, out double hCpaM, out double vCpaFt)
    {
        tIn = tOut = tCpa = hCpaM = vCpaFt = 0;

        // Vertical: |dz + dvz t| < H.
        var dz = zj - zi;
        var dvz = vzj - vzi;
        double lo = 0, hi = lookaheadS;
        if (dvz == 0)
        {
            if (!(Math.Abs(dz) < hFt))
            {
                return false;
            }
        }
        else
        {
            var a = (-hFt - dz) / dvz;
            var b = (hFt - dz) / dvz;
            if (a > b)
            {
                (a, b) = (b, a);
            }
            lo = Math.Max(lo, a);
            hi = Math.Min(hi, b);
            if (!(lo < hi))
            {
                return false;
            }
        }

        // The midpoint frame: up = normalised (ui + uj), east = z × up, north = up × east.
        var mx = uix + ujx;
        var my = uiy + ujy;
        var mz = uiz + ujz;
        var ml = Math.Sqrt(mx * mx + my * my + mz * mz);
        if (!(ml > 1e-9))
        {
            return false; // antipodal: thousands of kilometres apart
        }
        mx /= ml;
        my /= ml;
        mz /= ml;
        var h = Math.Sqrt(mx * mx + my * my);
        double ex, ey;
        if (h > 1e-15)
        {
            ex = -my / h;
            ey = mx / h;
        }
        else
        {
            ex = 0;
            ey = 1;
        }
        var nx = -mz * ey;
        var ny = mz * ex;
        var nz = mx * ey - my * ex;
        double primeVertical = DaidalusRadiusM, meridional = DaidalusRadiusM;
        if (wgs84)
        {
            var w = 1 - Wgs84.E2 * mz * mz;
            primeVertical = Wgs84.A / Math.Sqrt(w);
            meridional = primeVertical * (1 - Wgs84.E2) / w;
        }

        var dpx = ujx - uix;
        var dpy = ujy - uiy;
        var dpz = ujz - uiz;
        var sx = primeVertical * (dpx * ex + dpy * ey);
        var sy = meridional * (dpx * nx + dpy * ny + dpz * nz);
        var dvx = vjx - vix;
        var dvy = vjy - viy;
        var dvzE = vjz - viz;
        var vx = dvx * ex + dvy * ey;
        var vy = dvx * nx + dvy * ny + dvzE * nz;

        // Horizontal: |s + v t| < D  <=>  a t^2 + 2 b t + c < 0.
        var va = vx * vx + vy * vy;
        var vb = sx * vx + sy * vy;
        var c = sx * sx + sy * sy - dM * dM;
        if (va == 0)
        {
            if (!(c < 0))
            {
                return false;
            }
        }
        else
        {
            var disc = vb * vb - va * c;
            if (!(disc > 0))
            {
                return false;
            }
            var root = Math.Sqrt(disc);
            // Stable roots: q = -(b + sign(b) sqrt(disc)); t1 = q / a, t2 = c / q.
            var q = vb >= 0 ? -(vb + root) : -(vb - root);
            double t1, t2;
            if (q == 0)
            {
                t1 = t2 = 0;
            }
            else
            {
                t1 = q / va;
                t2 = c / q;
            }
            if (t1 > t2)
            {
                (t1, t2) = (t2, t1);
            }
            lo = Math.Max(lo, t1);
            hi = Math.Min(hi, t2);
        }
        if (!(lo < hi))
        {
            return false;
        }

        tIn = lo;
        tOut = hi;
        tCpa = va > 0 ? Math.Clamp(-vb / va, 0, lookaheadS) : 0;
        var cx = sx + vx * tCpa;
        var cy = sy + vy * tCpa;
        hCpaM = Math.Sqrt(cx * cx + cy * cy);
        vCpaFt = Math.Abs(dz + dvz * tCpa);
        return true;
    }
}
