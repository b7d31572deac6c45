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
    private readonly double _t;
    private readonly Cylinder _detector;
    private readonly double _omega, _hAccel, _vAccel;

    // The aircraft each kind's manoeuvres can reach, and when (TrafficRelevance).
    private readonly ReachableTraffic _turnTraffic, _speedTraffic, _verticalTraffic;
    private readonly LevelOffSearch _altitude;

    public OwnshipBandsSolver(BandsOptions options, in PlaneState own, PlaneState[] traffic)
    {
        _o = options;
        _own = own;
        _t = options.LookaheadS;
        _detector = new Cylinder(options.HorizontalNm * Units.NmToM, options.VerticalFt * Units.FtToM);
        _omega = options.TurnRateDegS * Units.DegToRad;
        _hAccel = options.HorizontalAccelMps2;
        _vAccel = options.VerticalAccelG * Units.G;
        var track = Grid(BandKind.Track);
        var speed = Grid(BandKind.GroundSpeed);
        var vertical = Grid(BandKind.VerticalSpeed);
        _turnTraffic = TrafficRelevance.ForTurns(own, traffic, _detector, _t + track.TimeStep + 1);
        // The fastest target of the grid may lie up to one step above the top of the range.
        var fastest = own.GroundSpeed + (speed.MaxUp * _o.GroundSpeedStepKt * Units.KtToMps);
        _speedTraffic = TrafficRelevance.ForSpeedChanges(own, traffic, _detector, _t + speed.TimeStep + 1, fastest);
        _verticalTraffic = TrafficRelevance.ForVerticalManoeuvres(own, traffic, _detector, _t + vertical.TimeStep + 1);
        _altitude = new LevelOffSearch(options, own, traffic, _detector);
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
        if (!AnyNone(kind, new BandsDetection(nmac, 0, null)))
        {
            return Partition(kind, [], BandRegion.Recovery);
        }
        var cylinder = new Cylinder(_o.MinHorizontalRecoveryNm * Units.NmToM, _o.MinVerticalRecoveryFt * Units.FtToM);
        var factor = 1 - _o.CollisionAvoidanceFactor;
        while (cylinder.D > nmac.D || cylinder.H > nmac.H)
        {
            // The detection cylinder itself over [0, T] is known to be saturated.
            var clear = cylinder != _detector && AnyNone(kind, new BandsDetection(cylinder, 0, null));
            if (!clear && !_o.CollisionAvoidance)
            {
                break;
            }
            if (clear)
            {
                double red = 0, green = _t + 1, pivot = _t;
                while (green - red > 0.5)
                {
                    if (!AnyNone(kind, RecoveryAt(cylinder, pivot)))
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

    /// <summary>
    /// True when some value of the kind is conflict-free: the search stops at the first two neighbouring
    /// conflict-free targets (a band), and is finished only when that band is empty after clamping to the range.
    /// </summary>
    private bool AnyNone(BandKind kind, BandsDetection detection) =>
        NoneSet(kind, detection, stopAtBand: true, out var stopped).Count > 0 || (stopped && NoneSet(kind, detection).Count > 0);

    /// <summary>Conflict-free intervals of a kind (units of the kind), sorted and disjoint.</summary>
    private List<(double Lo, double Hi)> NoneSet(BandKind kind, BandsDetection detection) => NoneSet(kind, detection, false, out _);

    // With stopAtBand, the grid is searched only up to the first two neighbouring conflict-free targets
    // (stopped tells whether it was), the targets not searched counting as conflicting.
    private List<(double Lo, double Hi)> NoneSet(BandKind kind, BandsDetection detection, bool stopAtBand, out bool stopped)
    {
        if (kind == BandKind.Altitude)
        {
            var free = _altitude.Free(detection, stopAtBand, out stopped);
            return GridRuns.Runs(free, 0, _o.MinAltitudeFt, _o.AltitudeStepFt, _o.MinAltitudeFt, _o.MaxAltitudeFt, circular: false);
        }
        var (stepOut, ts, maxDown, maxUp, lo, hi) = Grid(kind);
        var left = new bool[maxDown + 1];
        var right = new bool[maxUp + 1];
        stopped = DirectionFree(kind, 1, ts, detection, right, stopAtBand);
        if (!stopped)
        {
            stopped = DirectionFree(kind, -1, ts, detection, left, stopAtBand);
        }
        var combined = new bool[maxDown + maxUp + 1];
        for (var k = 0; k <= maxDown; k++)
        {
            combined[maxDown - k] = left[k];
        }
        // The current value is the same target in both directions (the right one may be all that was searched).
        combined[maxDown] = left[0] || right[0];
        for (var k = 1; k <= maxUp; k++)
        {
            combined[maxDown + k] = right[k];
        }
        return GridRuns.Runs(combined, -maxDown, OwnValue(kind), stepOut, lo, hi, circular: kind == BandKind.Track);
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

    // Marks free[k] for the targets k steps away in one direction; with stopAtBand, only up to the first two
    // neighbouring free targets (true when it stopped there).
    private bool DirectionFree(BandKind kind, int direction, double ts, BandsDetection det, bool[] free, bool stopAtBand)
    {
        var traffic = kind switch { BandKind.Track => _turnTraffic, BandKind.GroundSpeed => _speedTraffic, _ => _verticalTraffic };
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
            if ((checkRecovery || checkConflict) && AnyViolation(traffic, states[k], tsk, ts, checkRecovery ? det.Recovery : null, checkConflict ? det.Conflict : null))
            {
                firstLos = k;
                break;
            }
        }

        for (var k = 0; k <= max; k++)
        {
            free[k] = k < firstLos && !AnyFutureConflict(traffic, states[k], k * ts, det);
            if (stopAtBand && k > 0 && free[k] && free[k - 1])
            {
                return true;
            }
        }
        return false;
    }

    // A loss of separation at time t or during the grid step [t, t + ts] that follows (flown at the state's velocity).
    private static bool AnyViolation(ReachableTraffic traffic, in PlaneState own, double t, double ts, Cylinder? recovery, Cylinder? conflict)
    {
        for (var n = 0; n < traffic.Count; n++)
        {
            if (!traffic.Overlaps(n, t, t + ts))
            {
                continue;
            }
            var intruder = traffic.Aircraft[n].At(t);
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
    private bool AnyFutureConflict(ReachableTraffic traffic, in PlaneState own, double tsk, BandsDetection det)
    {
        for (var n = 0; n < traffic.Count; n++)
        {
            if (traffic.ToS[n] >= tsk && det.ConflictAfter(own, tsk, traffic.Aircraft[n], _t))
            {
                return true;
            }
        }
        return false;
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
