namespace Deconflict.Core.Tactical.Bands;

/// <summary>
/// The ownship's kinematic manoeuvres in its tangent plane: a turn at a constant rate, a ground speed or a
/// vertical speed change at a constant acceleration (direction +1 right/faster/up, -1
/// left/slower/down), each continued indefinitely; a grid target is that manoeuvre up to the time it
/// reaches the target, then straight flight.
/// </summary>
internal static class OwnshipTrajectories
{
    public static PlaneState Turn(in PlaneState own, int direction, double omega, double t)
    {
        if (t == 0)
        {
            return own;
        }
        var w = direction * omega;
        var theta = own.Track;
        var v = own.GroundSpeed;
        var (sin0, cos0) = Math.SinCos(theta);
        var (sin1, cos1) = Math.SinCos(theta + (w * t));
        return new PlaneState(
            own.X + (v / w * (cos0 - cos1)),
            own.Y - (v / w * (sin0 - sin1)),
            own.Z + (own.Vz * t),
            v * sin1,
            v * cos1,
            own.Vz);
    }

    public static PlaneState GroundSpeedChange(in PlaneState own, int direction, double accel, double t)
    {
        if (t == 0)
        {
            return own;
        }
        var v = own.GroundSpeed;
        var a = direction * accel;
        double ux = 0, uy = 1;
        if (v > 0)
        {
            ux = own.Vx / v;
            uy = own.Vy / v;
        }
        else
        {
            var trk = own.Track;
            (ux, uy) = Math.SinCos(trk);
        }
        var dist = (v * t) + (0.5 * a * t * t);
        var nv = v + (a * t);
        if (nv < 0)
        {
            // DAIDALUS has no velocity below zero ground speed: an invalid state, which never conflicts.
            return new PlaneState(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }
        return new PlaneState(own.X + (ux * dist), own.Y + (uy * dist), own.Z + (own.Vz * t), ux * nv, uy * nv, own.Vz);
    }

    public static PlaneState VerticalSpeedChange(in PlaneState own, int direction, double accel, double t)
    {
        if (t == 0)
        {
            return own;
        }
        var a = direction * accel;
        return new PlaneState(own.X + (own.Vx * t), own.Y + (own.Vy * t), own.Z + (own.Vz * t) + (0.5 * a * t * t),
            own.Vx, own.Vy, own.Vz + (a * t));
    }

    /// <summary>The altitude manoeuvre <paramref name="plan"/>, horizontally straight.</summary>
    public static PlaneState LevelOff(in PlaneState own, in LevelOff plan, double t)
    {
        if (t == 0)
        {
            return own;
        }
        var (z, vz) = plan.T1 < 0 ? (plan.TargetZ, 0.0) : plan.At(t);
        return new PlaneState(own.X + (own.Vx * t), own.Y + (own.Vy * t), z, own.Vx, own.Vy, vz);
    }
}
