namespace Deconflict.Core.Tactical.Bands;

/// <summary>
/// A protected cylinder (radius <see cref="D"/>, half-height <see cref="H"/>, metres) and the two tests on
/// it, with DAIDALUS's semantics: a loss of separation is horizontal distance &lt; D and vertical &lt; H, both
/// strict and almost-strict (a distance equal to the threshold to 13 digits is not a loss), and a conflict
/// over [B, T] is a loss interval of non-zero length inside it.
/// </summary>
internal readonly record struct Cylinder(double D, double H)
{
    /// <summary>Loss of separation between two states at the same instant.</summary>
    public bool Violation(in PlaneState own, in PlaneState intruder)
    {
        var sx = own.X - intruder.X;
        var sy = own.Y - intruder.Y;
        var sz = Math.Abs(own.Z - intruder.Z);
        return Almost.Less((sx * sx) + (sy * sy), D * D) && Almost.Less(sz, H);
    }

    /// <summary>
    /// True when the two states (at the same instant) flown straight lose separation for a non-zero time
    /// within [<paramref name="b"/>, <paramref name="t"/>] seconds from that instant.
    /// </summary>
    /// <remarks>
    /// As DAIDALUS's Detection3D.conflict: an interval of (almost) zero length, <paramref name="b"/> ≈
    /// <paramref name="t"/>, asks for a loss of separation at that instant (a loss over [b, b + 1] that begins at b),
    /// not for nothing. The recovery search meets it when the recovery time reaches the look-ahead.
    /// </remarks>
    public bool Conflict(in PlaneState own, in PlaneState intruder, double b, double t)
    {
        if (Almost.Equal(b, t))
        {
            var (tIn, tOut) = Loss(own, intruder, b, b + 1);
            return tIn < tOut && !Almost.Equal(tIn, tOut) && Almost.Equal(tIn, b);
        }
        if (b > t)
        {
            return false;
        }
        var (i, o) = Loss(own, intruder, b, t);
        return i < o && !Almost.Equal(i, o);
    }

    // DAIDALUS's CD3D.detection: the loss interval within [b, t], empty (tIn > tOut) when there is none.
    private (double TIn, double TOut) Loss(in PlaneState own, in PlaneState intruder, double b, double t)
    {
        if (!(b >= 0 && b < t))
        {
            return (t + 1, b);
        }
        var sx = own.X - intruder.X;
        var sy = own.Y - intruder.Y;
        var sz = own.Z - intruder.Z;
        double tIn = t + 1, tOut = b;
        var sameVz = Almost.Equal(own.Vz, intruder.Vz);
        var vz = own.Vz - intruder.Vz;
        if (Almost.Equal(own.Vx, intruder.Vx) && Almost.Equal(own.Vy, intruder.Vy))
        {
            // No relative horizontal motion: only the vertical decides, while horizontally inside.
            if (!HorizontalLos(sx, sy))
            {
                return (tIn, tOut);
            }
            if (!sameVz)
            {
                tIn = Math.Min(Math.Max(ThetaH(sz, vz, -1), b), t);
                tOut = Math.Max(Math.Min(ThetaH(sz, vz, 1), t), b);
            }
            else if (VerticalLos(sz))
            {
                tIn = b;
                tOut = t;
            }
        }
        else
        {
            var vx = own.Vx - intruder.Vx;
            var vy = own.Vy - intruder.Vy;
            var a = (vx * vx) + (vy * vy);
            var det = (sx * vy) - (sy * vx);
            var delta = (D * D * a) - (det * det);
            if (!(delta > 0))
            {
                return (tIn, tOut);
            }
            var root = Math.Sqrt(delta);
            var dot = (sx * vx) + (sy * vy);
            var td1 = (-dot - root) / a;
            var td2 = (-dot + root) / a;
            if (!sameVz)
            {
                var tin = Math.Max(td1, ThetaH(sz, vz, -1));
                var tout = Math.Min(td2, ThetaH(sz, vz, 1));
                tIn = Math.Min(Math.Max(tin, b), t);
                tOut = Math.Max(Math.Min(tout, t), b);
            }
            else if (VerticalLos(sz))
            {
                tIn = Math.Min(Math.Max(td1, b), t);
                tOut = Math.Max(Math.Min(td2, t), b);
            }
        }
        return (tIn, tOut);
    }

    private bool HorizontalLos(double sx, double sy) => Almost.Less((sx * sx) + (sy * sy), D * D);

    private bool VerticalLos(double sz) => Almost.Less(Math.Abs(sz), H);

    // Time the vertical separation sz + vz t reaches ∓H (entry, eps = -1) or ±H (exit, eps = 1).
    private double ThetaH(double sz, double vz, int eps) => ((eps * Math.Sign(vz) * H) - sz) / vz;
}
