namespace Deconflict.Core.Tactical.Bands;

/// <summary>
/// Guidance bands for one ownship against its traffic, as DAIDALUS computes kinematic bands. Each kind is
/// evaluated on a grid of targets (own value ± k steps for track, ground speed and vertical speed; absolute
/// altitudes); a target is conflicting when the manoeuvre to it, then holding it, loses separation with any
/// aircraft within the look-ahead. The manoeuvre phase of a turn or speed change is checked at every grid
/// step of time (each step over its whole duration), and a direction is not searched past the first loss of separation during the manoeuvre
/// (every farther target shares that beginning). Runs of at least two consecutive conflict-free targets are
/// NONE bands closed at their end targets; the rest is NEAR. When every value of a kind conflicts, the
/// recovery search finds the values that regain separation soonest (<see cref="SolveKind"/>).
/// </summary>
internal sealed class OwnshipBandsSolver
{
    private readonly BandsOptions _o;
    private readonly PlaneState _own;
    private readonly PlaneState[] _traffic;
    private readonly double _t;
    private readonly Cylinder _detector;
    private readonly double _omega, _hAccel, _vAccel;

    public OwnshipBandsSolver(BandsOptions options, in PlaneState own, PlaneState[] traffic)
    {
        _o = options;
        _own = own;
        _traffic = traffic;
        _t = options.LookaheadS;
        _detector = new Cylinder(options.HorizontalNm * Units.NmToM, options.VerticalFt * Units.FtToM);
        _omega = options.TurnRateDegS * Units.DegToRad;
        _hAccel = options.HorizontalAccelMps2;
        _vAccel = options.VerticalAccelG * Units.G;
    }

    /// <summary>The ownship's current value of <paramref name="kind"/>, in the kind's units.</summary>
    public double OwnValue(BandKind kind) => kind switch
    {
        BandKind.Altitude => _own.Z / Units.FtToM,
        BandKind.GroundSpeed => _own.GroundSpeed / Units.KtToMps,
        BandKind.Track => _own.Track / Units.DegToRad,
        _ => _own.Vz / Units.FpmToMps,
    };

    /// <summary>
    /// The bands of one kind. When no value is conflict-free and recovery is on: if no value even avoids the
    /// NMAC cylinder there are none; otherwise, from the recovery cylinder down (shrinking it by the
    /// collision-avoidance factor towards the NMAC cylinder while no value keeps clear of it), the earliest
    /// time t (bisection to 0.5 s) at which some values stay outside the recovery cylinder during [0, t]
    /// and outside the detection cylinder during [t, T] is sought; with t plus the stability time those
    /// values are RECOVERY.
    /// </summary>
    public List<GuidanceBand> SolveKind(BandKind kind)
    {
        var none = NoneSet(kind, new BandsDetection(_detector, 0, null));
        if (none.Count > 0 || !_o.Recovery)
        {
            return Partition(kind, none, BandRegion.None);
        }
        var nmac = new Cylinder(_o.NmacHorizontalFt * Units.FtToM, _o.NmacVerticalFt * Units.FtToM);
        if (NoneSet(kind, new BandsDetection(nmac, 0, null)).Count == 0)
        {
            return Partition(kind, [], BandRegion.Recovery);
        }
        var cylinder = new Cylinder(_o.MinHorizontalRecoveryNm * Units.NmToM, _o.MinVerticalRecoveryFt * Units.FtToM);
        var factor = 1 - _o.CollisionAvoidanceFactor;
        while (cylinder.D > nmac.D || cylinder.H > nmac.H)
        {
            // The detection cylinder itself over [0, T] is known to be saturated.
            var clear = cylinder == _detector ? [] : NoneSet(kind, new BandsDetection(cylinder, 0, null));
            if (clear.Count == 0 && !_o.CollisionAvoidance)
            {
                break;
            }
            if (clear.Count > 0)
            {
                double red = 0, green = _t + 1, pivot = _t;
                while (green - red > 0.5)
                {
                    if (NoneSet(kind, RecoveryAt(cylinder, pivot)).Count == 0)
                    {
                        red = pivot;
                    }
                    else
                    {
                        green = pivot;
                    }
                    pivot = (red + green) / 2;
                }
                var recoveryTime = green <= _t ? Math.Min(_t, green + _o.RecoveryStabilityS) : red;
                var recovery = NoneSet(kind, RecoveryAt(cylinder, recoveryTime));
                if (recovery.Count > 0)
                {
                    return Partition(kind, recovery, BandRegion.Recovery);
                }
                if (!_o.CollisionAvoidance)
                {
                    break;
                }
            }
            cylinder = new Cylinder(Math.Max(nmac.D, cylinder.D * factor), Math.Max(nmac.H, cylinder.H * factor));
        }
        return Partition(kind, [], BandRegion.Recovery);
    }

    private BandsDetection RecoveryAt(Cylinder cylinder, double b) =>
        b > _t ? new BandsDetection(cylinder, 0, null) : new BandsDetection(_detector, b, cylinder);

    /// <summary>Conflict-free intervals of a kind (units of the kind), sorted and disjoint.</summary>
    private List<(double Lo, double Hi)> NoneSet(BandKind kind, BandsDetection detection)
    {
        if (kind == BandKind.Altitude)
        {
            var free = AltitudeFree(detection);
            return Runs(free, 0, _o.MinAltitudeFt, _o.AltitudeStepFt, _o.MinAltitudeFt, _o.MaxAltitudeFt, circular: false);
        }
        var (stepOut, ts, maxDown, maxUp, lo, hi) = Grid(kind);
        var left = new bool[maxDown + 1];
        var right = new bool[maxUp + 1];
        DirectionFree(kind, -1, ts, detection, left);
        DirectionFree(kind, 1, ts, detection, right);
        var combined = new bool[maxDown + maxUp + 1];
        for (var k = 0; k <= maxDown; k++)
        {
            combined[maxDown - k] = left[k];
        }
        for (var k = 1; k <= maxUp; k++)
        {
            combined[maxDown + k] = right[k];
        }
        return Runs(combined, -maxDown, OwnValue(kind), stepOut, lo, hi, circular: kind == BandKind.Track);
    }

    private (double StepOut, double TimeStep, int MaxDown, int MaxUp, double Lo, double Hi) Grid(BandKind kind)
    {
        switch (kind)
        {
            case BandKind.Track:
                {
                    var step = _o.TrackStepDeg * Units.DegToRad;
                    var max = (int)Math.Ceiling(Math.PI / step);
                    if (Almost.Less(Math.PI, max * step))
                    {
                        max--;
                    }
                    return (_o.TrackStepDeg, step / _omega, max, max, 0, 360);
                }
            case BandKind.GroundSpeed:
                {
                    var step = _o.GroundSpeedStepKt * Units.KtToMps;
                    var own = _own.GroundSpeed;
                    var down = Math.Max(0, (int)Math.Ceiling((own - (_o.MinGroundSpeedKt * Units.KtToMps)) / step));
                    var up = Math.Max(0, (int)Math.Ceiling(((_o.MaxGroundSpeedKt * Units.KtToMps) - own) / step));
                    return (_o.GroundSpeedStepKt, step / _hAccel, down, up, _o.MinGroundSpeedKt, _o.MaxGroundSpeedKt);
                }
            default:
                {
                    var step = _o.VerticalSpeedStepFpm * Units.FpmToMps;
                    var own = _own.Vz;
                    var down = Math.Max(0, (int)Math.Ceiling((own - (_o.MinVerticalSpeedFpm * Units.FpmToMps)) / step));
                    var up = Math.Max(0, (int)Math.Ceiling(((_o.MaxVerticalSpeedFpm * Units.FpmToMps) - own) / step));
                    return (_o.VerticalSpeedStepFpm, step / _vAccel, down, up, _o.MinVerticalSpeedFpm, _o.MaxVerticalSpeedFpm);
                }
        }
    }

    private PlaneState Trajectory(BandKind kind, int direction, double t) => kind switch
    {
        BandKind.Track => OwnshipTrajectories.Turn(_own, direction, _omega, t),
        BandKind.GroundSpeed => OwnshipTrajectories.GroundSpeedChange(_own, direction, _hAccel, t),
        _ => OwnshipTrajectories.VerticalSpeedChange(_own, direction, _vAccel, t),
    };

    // Marks free[k] for the targets k steps away in one direction.
    private void DirectionFree(BandKind kind, int direction, double ts, BandsDetection det, bool[] free)
    {
        var max = free.Length - 1;
        var states = new PlaneState[max + 1];
        for (var k = 0; k <= max; k++)
        {
            states[k] = Trajectory(kind, direction, k * ts);
        }

        // The first grid step at which the manoeuvre itself loses separation with any aircraft.
        var firstLos = max + 1;
        var conflictLosMax = Math.Min((int)Math.Floor(_t / ts), max);
        var recoveryLosMax = det.Recovery is null ? -1 : Math.Min((int)Math.Floor(det.B / ts), max);
        var conflictLosMin = (int)Math.Ceiling(det.B / ts);
        var scan = Math.Max(conflictLosMax, recoveryLosMax);
        for (var k = 0; k <= scan; k++)
        {
            var tsk = k * ts;
            if (tsk >= _t)
            {
                break;
            }
            var checkRecovery = k <= recoveryLosMax;
            var checkConflict = k >= conflictLosMin && k <= conflictLosMax;
            if ((checkRecovery || checkConflict) && AnyViolation(states[k], tsk, ts, checkRecovery ? det.Recovery : null, checkConflict ? det.Conflict : null))
            {
                firstLos = k;
                break;
            }
        }

        for (var k = 0; k <= max; k++)
        {
            free[k] = k < firstLos && !AnyFutureConflict(states[k], k * ts, det);
        }
    }

    // A loss of separation at time t or during the grid step [t, t + ts] that follows (flown at the state's velocity).
    private bool AnyViolation(in PlaneState own, double t, double ts, Cylinder? recovery, Cylinder? conflict)
    {
        foreach (var intruder0 in _traffic)
        {
            var intruder = intruder0.At(t);
            if (recovery is { } r && (r.Violation(own, intruder) || r.Conflict(own, intruder, 0, ts)))
            {
                return true;
            }
            if (conflict is { } c && (c.Violation(own, intruder) || c.Conflict(own, intruder, 0, ts)))
            {
                return true;
            }
        }
        return false;
    }

    // True when the straight continuation from own (the trajectory's state at time tsk) conflicts with any aircraft.
    private bool AnyFutureConflict(in PlaneState own, double tsk, BandsDetection det)
    {
        foreach (var intruder0 in _traffic)
        {
            if (FutureConflict(own, tsk, intruder0, det, _t, _t))
            {
                return true;
            }
        }
        return false;
    }

    // DAIDALUS's CD_future_traj for the conflict cylinder over [max(B, tsk), min(T, conflictEnd)] and the
    // recovery cylinder over [tsk, min(T, B, recoveryEnd)].
    private bool FutureConflict(in PlaneState own, double tsk, in PlaneState intruder0, BandsDetection det, double conflictEnd, double recoveryEnd)
    {
        var intruder = intruder0.At(tsk);
        var end = Math.Min(_t, conflictEnd);
        if (!(tsk > end || det.B > end) && det.Conflict.Conflict(own, intruder, Math.Max(det.B, tsk) - tsk, end - tsk))
        {
            return true;
        }
        if (det.Recovery is { } r)
        {
            var rEnd = Math.Min(_t, Math.Min(det.B, recoveryEnd));
            if (!(tsk > rEnd || rEnd < 0) && r.Conflict(own, intruder, Math.Max(0, tsk) - tsk, rEnd - tsk))
            {
                return true;
            }
        }
        return false;
    }

    private bool[] AltitudeFree(BandsDetection det)
    {
        var step = _o.AltitudeStepFt * Units.FtToM;
        var min = _o.MinAltitudeFt * Units.FtToM;
        var maxJ = (int)Math.Floor((_o.MaxAltitudeFt - _o.MinAltitudeFt) / _o.AltitudeStepFt) + 1;
        var free = new bool[maxJ + 1];
        var rate = _o.VerticalRateFpm * Units.FpmToMps;
        for (var j = 0; j <= maxJ; j++)
        {
            var plan = LevelOff.Plan(_own.Z, _own.Vz, rate, min + (j * step), _vAccel);
            free[j] = true;
            foreach (var intruder in _traffic)
            {
                if (!AltitudeTargetFree(plan, intruder, det))
                {
                    free[j] = false;
                    break;
                }
            }
        }
        return free;
    }

    // DAIDALUS's conflict_free_traj_step for the altitude manoeuvre: instants every second while accelerating
    // and decelerating (one second past levelling), the whole constant-rate phase, then level flight.
    private bool AltitudeTargetFree(in LevelOff plan, in PlaneState intruder0, BandsDetection det)
    {
        const double ts = 1;
        var t1 = plan.T1;
        var t2 = plan.T2;
        var t3 = plan.T3 + ts;
        for (var i = 0; i <= Math.Floor(t1 / ts) && i * ts < _t; i++)
        {
            if (LosAt(plan, i * ts, intruder0, det))
            {
                return false;
            }
        }
        var tsk1 = Math.Max(t1, 0);
        var own1 = OwnshipTrajectories.LevelOff(_own, plan, tsk1);
        var intruder1 = intruder0.At(tsk1);
        var end1 = Math.Min(_t, t2);
        if (t2 >= det.B && !(tsk1 > end1 || det.B > end1) && det.Conflict.Conflict(own1, intruder1, Math.Max(det.B, tsk1) - tsk1, end1 - tsk1))
        {
            return false;
        }
        if (det.Recovery is { } r && t2 >= 0)
        {
            var rEnd = Math.Min(_t, Math.Min(det.B, t2));
            if (!(tsk1 > rEnd || rEnd < 0) && r.Conflict(own1, intruder1, 0, rEnd - tsk1))
            {
                return false;
            }
        }
        for (var i = (int)Math.Ceiling(t2 / ts); i <= Math.Floor(t3 / ts) && i * ts < _t; i++)
        {
            if (LosAt(plan, i * ts, intruder0, det))
            {
                return false;
            }
        }
        var tsk3 = Math.Max(t3, 0);
        return !FutureConflict(OwnshipTrajectories.LevelOff(_own, plan, tsk3), tsk3, intruder0, det, _t, _t);
    }

    private bool LosAt(in LevelOff plan, double t, in PlaneState intruder0, BandsDetection det)
    {
        if (t < 0 || t >= _t)
        {
            return false;
        }
        var own = OwnshipTrajectories.LevelOff(_own, plan, t);
        var intruder = intruder0.At(t);
        return (det.B <= t && det.Conflict.Violation(own, intruder))
            || (det.Recovery is { } r && t <= det.B && r.Violation(own, intruder));
    }

    /// <summary>
    /// NONE intervals from a grid of free flags: each run of at least two consecutive free targets
    /// (index <c>first + i</c>, value <c>origin + index × step</c>) spans its end values, clamped to the range;
    /// on the track circle intervals are taken modulo 360 and split at north.
    /// </summary>
    private static List<(double Lo, double Hi)> Runs(bool[] free, int first, double origin, double step, double lo, double hi, bool circular)
    {
        var result = new List<(double Lo, double Hi)>();
        var i = 0;
        while (i < free.Length)
        {
            if (!free[i])
            {
                i++;
                continue;
            }
            var start = i;
            while (i + 1 < free.Length && free[i + 1])
            {
                i++;
            }
            var end = i;
            i++;
            if (end == start)
            {
                continue;
            }
            var a = origin + ((first + start) * step);
            var b = origin + ((first + end) * step);
            if (circular)
            {
                AddCircular(result, a, b);
            }
            else
            {
                a = Math.Max(lo, a);
                b = Math.Min(hi, b);
                if (Almost.Less(a, b))
                {
                    result.Add((a, b));
                }
            }
        }
        return Merge(result);
    }

    private static void AddCircular(List<(double Lo, double Hi)> into, double a, double b)
    {
        if (b - a >= 360 || Almost.Equal(b - a, 360))
        {
            into.Add((0, 360));
            return;
        }
        a = Modulo360(a);
        b = Modulo360(b);
        if (a < b)
        {
            into.Add((a, b));
        }
        else
        {
            into.Add((a, 360));
            into.Add((0, b));
        }
    }

    private static double Modulo360(double x)
    {
        var m = x % 360;
        return m < 0 ? m + 360 : m;
    }

    private static List<(double Lo, double Hi)> Merge(List<(double Lo, double Hi)> intervals)
    {
        intervals.Sort();
        var merged = new List<(double Lo, double Hi)>(intervals.Count);
        foreach (var (lo, hi) in intervals)
        {
            if (!(hi > lo) || Almost.Equal(lo, hi))
            {
                continue;
            }
            if (merged.Count > 0 && lo <= merged[^1].Hi + 1e-9)
            {
                merged[^1] = (merged[^1].Lo, Math.Max(merged[^1].Hi, hi));
            }
            else
            {
                merged.Add((lo, hi));
            }
        }
        return merged;
    }

    // The whole range of the kind: the given intervals as `region`, the gaps between them NEAR.
    private List<GuidanceBand> Partition(BandKind kind, List<(double Lo, double Hi)> intervals, BandRegion region)
    {
        var (lo, hi) = kind switch
        {
            BandKind.Altitude => (_o.MinAltitudeFt, _o.MaxAltitudeFt),
            BandKind.GroundSpeed => (_o.MinGroundSpeedKt, _o.MaxGroundSpeedKt),
            BandKind.Track => (0.0, 360.0),
            _ => (_o.MinVerticalSpeedFpm, _o.MaxVerticalSpeedFpm),
        };
        var bands = new List<GuidanceBand>();
        var at = lo;
        foreach (var (a0, b0) in intervals)
        {
            var a = Math.Max(a0, lo);
            var b = Math.Min(b0, hi);
            if (!(b > a))
            {
                continue;
            }
            if (a > at + 1e-9)
            {
                bands.Add(new GuidanceBand(kind, at, a, BandRegion.Near));
            }
            bands.Add(new GuidanceBand(kind, Math.Max(at, a), b, region));
            at = b;
        }
        if (hi > at + 1e-9)
        {
            bands.Add(new GuidanceBand(kind, at, hi, BandRegion.Near));
        }
        return bands;
    }
}
