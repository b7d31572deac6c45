namespace Deconflict.Core.Tactical.Bands;

/// <summary>
/// The altitude grid of one ownship (DAIDALUS's alt_bands_generic with conflict_free_traj_step): each target
/// altitude is reached by its own level-off manoeuvre, checked at instants every second while accelerating and
/// decelerating (one second past levelling), over the whole constant-rate phase, then in level flight.
/// </summary>
/// <remarks>
/// The manoeuvre keeps the ownship's horizontal velocity, so only the aircraft of
/// <see cref="TrafficRelevance.ForVerticalManoeuvres"/> are looked at, and an instant outside an aircraft's
/// horizontal loss window cannot be a loss of separation with it.
/// </remarks>
internal sealed class LevelOffSearch
{
    private const double StepS = 1;
    private readonly PlaneState _own;
    private readonly ReachableTraffic _traffic;
    private readonly double _t, _minZ, _stepZ, _rate, _accel;
    private readonly int _maxJ;

    public LevelOffSearch(BandsOptions o, in PlaneState own, PlaneState[] traffic, Cylinder detector)
    {
        _own = own;
        _t = o.LookaheadS;
        _traffic = TrafficRelevance.ForVerticalManoeuvres(own, traffic, detector, _t + StepS + 1);
        _minZ = o.MinAltitudeFt * Units.FtToM;
        _stepZ = o.AltitudeStepFt * Units.FtToM;
        _maxJ = (int)Math.Floor((o.MaxAltitudeFt - o.MinAltitudeFt) / o.AltitudeStepFt) + 1;
        _rate = o.VerticalRateFpm * Units.FpmToMps;
        _accel = o.VerticalAccelG * Units.G;
    }

    /// <summary>
    /// Conflict-free flags of the targets <c>min + j × step</c>, j = 0 … ⌊(max − min) / step⌋ + 1; with
    /// <paramref name="stopAtBand"/>, only up to the first two neighbouring free targets (<paramref name="stopped"/>
    /// tells whether it stopped there; the targets not searched are left conflicting).
    /// </summary>
    public bool[] Free(BandsDetection det, bool stopAtBand, out bool stopped)
    {
        stopped = false;
        var free = new bool[_maxJ + 1];
        for (var j = 0; j <= _maxJ; j++)
        {
            var plan = LevelOff.Plan(_own.Z, _own.Vz, _rate, _minZ + (j * _stepZ), _accel);
            free[j] = true;
            for (var n = 0; n < _traffic.Count; n++)
            {
                if (!TargetFree(plan, n, det))
                {
                    free[j] = false;
                    break;
                }
            }
            if (stopAtBand && j > 0 && free[j] && free[j - 1])
            {
                stopped = true;
                break;
            }
        }
        return free;
    }

    private bool TargetFree(in LevelOff plan, int n, BandsDetection det)
    {
        ref readonly var intruder0 = ref _traffic.Aircraft[n];
        var t1 = plan.T1;
        var t2 = plan.T2;
        var t3 = plan.T3 + StepS;
        if (AnyLos(plan, 0, Math.Floor(t1 / StepS), n, det))
        {
            return false;
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
        if (AnyLos(plan, Math.Ceiling(t2 / StepS), Math.Floor(t3 / StepS), n, det))
        {
            return false;
        }
        var tsk3 = Math.Max(t3, 0);
        return !det.ConflictAfter(OwnshipTrajectories.LevelOff(_own, plan, tsk3), tsk3, intruder0, _t);
    }

    // A loss of separation at one of the instants i × step, i = first … last (before T), with aircraft n;
    // only the instants inside its horizontal loss window can be one.
    private bool AnyLos(in LevelOff plan, double first, double last, int n, BandsDetection det)
    {
        var from = Math.Max(first, Math.Ceiling(_traffic.FromS[n] / StepS));
        var to = Math.Min(last, Math.Floor(_traffic.ToS[n] / StepS));
        for (var i = Math.Max(0, from); i <= to && i * StepS < _t; i++)
        {
            if (LosAt(plan, i * StepS, _traffic.Aircraft[n], det))
            {
                return true;
            }
        }
        return false;
    }

    private bool LosAt(in LevelOff plan, double t, in PlaneState intruder0, BandsDetection det)
    {
        var own = OwnshipTrajectories.LevelOff(_own, plan, t);
        var intruder = intruder0.At(t);
        return (det.B <= t && det.Conflict.Violation(own, intruder))
            || (det.Recovery is { } r && t <= det.B && r.Violation(own, intruder));
    }
}
