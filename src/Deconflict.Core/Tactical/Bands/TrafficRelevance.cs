namespace Deconflict.Core.Tactical.Bands;

/// <summary>
/// Which aircraft each kind of manoeuvre can bring inside the detection cylinder, and when, so that the band
/// search of a kind looks only at those and only at those instants. Turns keep the ownship's speed and
/// vertical speed: it stays within speed × t of where it is, at its own altitude line. Ground speed changes
/// keep its track and vertical speed: it stays on its track line, ahead of where it is, no farther than the
/// faster of its speed and the top of the range × t. Vertical speed and altitude manoeuvres keep its
/// horizontal velocity.
/// </summary>
/// <remarks>
/// Every cylinder the search uses (detection, recovery, NMAC) lies inside the detection cylinder, and every
/// instant it tests lies before the look-ahead plus one grid time step plus one second (a step is checked over
/// its duration; a zero-length interval over the second after it), within the reach above (the straight
/// continuations of a manoeuvre stay within it too). The windows here are taken over that horizon, with the
/// cylinder grown by a relative 1e-9 and a millimetre and the times by a millisecond, so leaving the other
/// aircraft and instants out changes no band.
/// </remarks>
internal static class TrafficRelevance
{
    private const double SlackS = 1e-3;

    /// <summary>For turns at the current speed <c>v</c>: within H vertically and within D + v t of the present position.</summary>
    public static ReachableTraffic ForTurns(PlaneState own, PlaneState[] traffic, Cylinder cylinder, double horizonS)
    {
        var d = Grown(cylinder.D);
        var v = own.GroundSpeed;
        return Select(own, traffic, cylinder, horizonS, (in PlaneState i, ref double from, ref double to) =>
        {
            // |q + w t| < d + v t  ⇔  (w·w − v²) t² + 2 (q·w − d v) t + (q·q − d²) < 0, both sides being positive.
            var (qx, qy, wx, wy) = (i.X - own.X, i.Y - own.Y, i.Vx, i.Vy);
            return Negative((wx * wx) + (wy * wy) - (v * v), 2 * ((qx * wx) + (qy * wy) - (d * v)), (qx * qx) + (qy * qy) - (d * d), ref from, ref to);
        });
    }

    /// <summary>For ground speed changes: within H vertically, within D of the track line, between D behind and D beyond the farthest reach ahead.</summary>
    public static ReachableTraffic ForSpeedChanges(PlaneState own, PlaneState[] traffic, Cylinder cylinder, double horizonS, double maxSpeed)
    {
        var d = Grown(cylinder.D);
        var v = own.GroundSpeed;
        var (ux, uy) = v > 0 ? (own.Vx / v, own.Vy / v) : Math.SinCos(own.Track);
        var reach = Math.Max(v, maxSpeed) * (1 + 1e-9);
        return Select(own, traffic, cylinder, horizonS, (in PlaneState i, ref double from, ref double to) =>
        {
            var (qx, qy) = (i.X - own.X, i.Y - own.Y);
            var cross0 = (qx * uy) - (qy * ux);
            var cross1 = (i.Vx * uy) - (i.Vy * ux);
            var along0 = (qx * ux) + (qy * uy);
            var along1 = (i.Vx * ux) + (i.Vy * uy);
            return Below(cross0, cross1, d, ref from, ref to) && Below(-cross0, -cross1, d, ref from, ref to)
                && Below(-along0, -along1, d, ref from, ref to) && Below(along0, along1 - reach, d, ref from, ref to);
        });
    }

    /// <summary>For vertical manoeuvres (horizontally straight at the current velocity): within D horizontally.</summary>
    public static ReachableTraffic ForVerticalManoeuvres(PlaneState own, PlaneState[] traffic, Cylinder cylinder, double horizonS)
    {
        var d = Grown(cylinder.D);
        return Select(own, traffic, null, horizonS, (in PlaneState i, ref double from, ref double to) =>
        {
            var (qx, qy, wx, wy) = (i.X - own.X, i.Y - own.Y, i.Vx - own.Vx, i.Vy - own.Vy);
            return Negative((wx * wx) + (wy * wy), 2 * ((qx * wx) + (qy * wy)), (qx * qx) + (qy * qy) - (d * d), ref from, ref to);
        });
    }

    private delegate bool Window(in PlaneState intruder, ref double from, ref double to);

    // The aircraft whose window (vertical, when a cylinder is given, then the kind's own) is not empty.
    private static ReachableTraffic Select(in PlaneState own, PlaneState[] traffic, Cylinder? vertical, double horizonS, Window window)
    {
        var kept = new List<PlaneState>(traffic.Length);
        var fromS = new List<double>(traffic.Length);
        var toS = new List<double>(traffic.Length);
        foreach (var intruder in traffic)
        {
            double from = 0, to = horizonS;
            if (vertical is { } c)
            {
                var h = Grown(c.H);
                var dz0 = intruder.Z - own.Z;
                var dz1 = intruder.Vz - own.Vz;
                if (!Below(dz0, dz1, h, ref from, ref to) || !Below(-dz0, -dz1, h, ref from, ref to))
                {
                    continue;
                }
            }
            if (!window(intruder, ref from, ref to))
            {
                continue;
            }
            kept.Add(intruder);
            fromS.Add(Math.Max(0, from - SlackS));
            toS.Add(to + SlackS);
        }
        return new ReachableTraffic([.. kept], [.. fromS], [.. toS]);
    }

    // Narrows [from, to] to where c0 + c1 t < limit; false when nothing is left.
    private static bool Below(double c0, double c1, double limit, ref double from, ref double to)
    {
        if (c1 == 0)
        {
            return c0 < limit && from <= to;
        }
        var t = (limit - c0) / c1;
        if (c1 > 0)
        {
            to = Math.Min(to, t);
        }
        else
        {
            from = Math.Max(from, t);
        }
        return from <= to;
    }

    // Narrows [from, to] to the hull of where a t² + b t + c < 0; false when nothing is left.
    private static bool Negative(double a, double b, double c, ref double from, ref double to)
    {
        if (Math.Abs(a) < 1e-12)
        {
            return Below(c, b, 0, ref from, ref to);
        }
        var disc = (b * b) - (4 * a * c);
        if (!(disc > 0))
        {
            // No real root: the sign of a everywhere.
            return a < 0 && from <= to;
        }
        var root = Math.Sqrt(disc);
        var r1 = Math.Min((-b - root) / (2 * a), (-b + root) / (2 * a));
        var r2 = Math.Max((-b - root) / (2 * a), (-b + root) / (2 * a));
        if (a > 0)
        {
            from = Math.Max(from, r1);
            to = Math.Min(to, r2);
            return from <= to;
        }
        // Negative outside [r1, r2]: keep the hull of what is left of [from, to].
        var left = from < r1;
        var right = to > r2;
        if (!left && !right)
        {
            return false;
        }
        from = left ? from : Math.Max(from, r2);
        to = right ? to : Math.Min(to, r1);
        return from <= to;
    }

    private static double Grown(double x) => (x * (1 + 1e-9)) + 1e-3;
}
