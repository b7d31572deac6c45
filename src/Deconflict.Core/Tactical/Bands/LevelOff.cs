namespace Deconflict.Core.Tactical.Bands;

/// <summary>
/// The vertical profile of an altitude manoeuvre (DAIDALUS's level-out): accelerate at ±a to the climb or
/// descent rate towards the target (a faster current rate in that direction is kept), hold it, then
/// decelerate to arrive level exactly at the target. An aircraft moving away from the target, or unable to
/// stop before it, first reverses through zero at the same acceleration. Phases end at
/// <see cref="T1"/> (first acceleration), <see cref="T2"/> (constant rate) and <see cref="T3"/> (level).
/// </summary>
internal readonly record struct LevelOff(double Z0, double Vz0, double TargetZ, double T1, double T2, double T3, double A1, double A2)
{
    /// <summary>Plans the manoeuvre from altitude <paramref name="z0"/> (m) and vertical speed <paramref name="vz0"/> (m/s).</summary>
    public static LevelOff Plan(double z0, double vz0, double climbRate, double targetZ, double accel)
    {
        var up = accel;
        var down = -accel;
        var sgnv = vz0 >= 0 ? 1 : -1;
        var altDir = targetZ >= z0 ? 1 : -1;
        var s = targetZ - z0;
        var a1 = targetZ >= z0 ? up : down;
        var a2 = targetZ >= z0 ? down : up;
        (double T1, double T2, double T3, double A1, double A2) times;
        if (sgnv == altDir || Almost.Equal(vz0, 0))
        {
            if (Math.Abs(s) >= Math.Abs(StopDistance(vz0, a2)))
            {
                times = Base(z0, vz0, climbRate, targetZ, up, down);
            }
            else
            {
                var ot = Base(z0 + StopDistance(vz0, a2), 0, climbRate, targetZ, up, down);
                var shift = -vz0 / a2;
                times = (shift + ot.T1, shift + ot.T2, shift + ot.T3, ot.A1, ot.A2);
            }
        }
        else
        {
            var ot = Base(z0 + StopDistance(vz0, a1), 0, climbRate, targetZ, up, down);
            var shift = -vz0 / a1;
            times = (shift + ot.T1, shift + ot.T2, shift + ot.T3, ot.A1, ot.A2);
        }
        return new LevelOff(z0, vz0, targetZ, times.T1, times.T2, times.T3, times.A1, times.A2);
    }

    /// <summary>Altitude (m) and vertical speed (m/s) <paramref name="t"/> seconds into the manoeuvre.</summary>
    public (double Z, double Vz) At(double t)
    {
        if (t <= T1)
        {
            return (Z0 + S1(Vz0, A1, t), Vz0 + (A1 * t));
        }
        var v1 = Vz0 + (A1 * T1);
        if (t <= T2)
        {
            return (Z0 + S1(Vz0, A1, T1) + (v1 * (t - T1)), v1);
        }
        if (t <= T3)
        {
            return (Z0 + S1(Vz0, A1, T1) + (v1 * (T2 - T1)) + S1(v1, A2, t - T2), v1 + (A2 * (t - T2)));
        }
        return (TargetZ, 0);
    }

    private static (double T1, double T2, double T3, double A1, double A2) Base(double z0, double vz0, double climbRate, double targetZ, double up, double down)
    {
        var altDir = targetZ >= z0 ? 1 : -1;
        climbRate = altDir * Math.Max(Math.Abs(climbRate), Math.Abs(vz0));
        var s = targetZ - z0;
        var a1 = climbRate >= vz0 ? up : down;
        var a2 = targetZ >= z0 ? down : up;
        var t1 = (climbRate - vz0) / a1;
        var v1 = vz0 + (a1 * t1);
        if (Math.Abs(s) >= Math.Abs(S1(vz0, a1, t1) + StopDistance(v1, a2)))
        {
            var t2 = (s - S1(vz0, a1, t1) - StopDistance(v1, a2)) / climbRate;
            return (t1, t1 + t2, t1 + t2 + StopTime(climbRate, a2), a1, a2);
        }
        // Too close to reach the rate: accelerate, then decelerate at once.
        var aa = 0.5 * a1 * (1 - (a1 / a2));
        var bb = vz0 * (1 - (a1 / a2));
        var cc = (-vz0 * vz0 / (2 * a2)) - s;
        var root1 = Root(aa, bb, cc, 1);
        var root2 = Root(aa, bb, cc, -1);
        t1 = root1 < 0 ? root2 : root2 < 0 ? root1 : Math.Min(root1, root2);
        return (t1, t1, t1 + StopTime(vz0 + (a1 * t1), a2), a1, a2);
    }

    private static double Root(double a, double b, double c, int eps)
    {
        var disc = (b * b) - (4 * a * c);
        if (a == 0 || disc < 0)
        {
            return a == 0 && b != 0 ? -c / b : double.NaN;
        }
        return (-b + (eps * Math.Sqrt(disc))) / (2 * a);
    }

    private static double S1(double v, double a, double t) => (v * t) + (0.5 * a * t * t);

    private static double StopTime(double v, double a) => -v / a;

    private static double StopDistance(double v, double a) => S1(v, a, StopTime(v, a));
}
