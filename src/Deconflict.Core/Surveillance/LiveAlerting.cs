using Deconflict.Core.Tactical;

namespace Deconflict.Core.Surveillance;

/// <summary>
/// One live detection pipeline: live track store → snapshot at the cycle time → tactical detector
/// → alert tracker. The hub's background service and the <c>replay</c> command both run exactly
/// this, so a replayed recording alerts as the hub would have. Not thread-safe: cycles run one
/// at a time (the store it reads is thread-safe and may be fed concurrently).
/// </summary>
public sealed class LiveAlerting
{
    /// <summary>Below this many tracks one thread detects faster than a fork/join over all cores.</summary>
    private const int ParallelFrom = 2048;

    private readonly TacticalDetector _detector;
    private readonly TacticalDetector _serialDetector = new(1);
    private readonly List<TacticalConflict> _conflicts = [];
    private readonly Func<int, int, SeparationMinima?>? _pairMinima;

    /// <param name="store">The live picture.</param>
    /// <param name="minima">
    /// Separation minima and look-ahead for every pair; with <paramref name="pairMinima"/>, the envelope
    /// (largest distance, height and look-ahead) of every minima it may return.
    /// </param>
    /// <param name="alerts">Alert levels and hysteresis.</param>
    /// <param name="pairMinima">
    /// Per-pair minima by snapshot row (the snapshot gives ids and parties); null skips the pair.
    /// Called from several threads at once.
    /// </param>
    /// <param name="detector">The detector to use (one is created when null).</param>
    public LiveAlerting(LiveTrackStore store, SeparationMinima minima, AlertOptions? alerts = null,
        Func<LiveSnapshot, int, int, SeparationMinima?>? pairMinima = null, TacticalDetector? detector = null)
    {
        if (!minima.IsValid)
        {
            throw new ArgumentException($"invalid separation minima {minima}", nameof(minima));
        }
        Store = store;
        Minima = minima;
        Tracker = new AlertTracker(alerts);
        _detector = detector ?? new TacticalDetector();
        if (pairMinima is not null)
        {
            _pairMinima = (i, j) => pairMinima(Snapshot, i, j);
        }
    }

    public LiveTrackStore Store { get; }

    /// <summary>The minima (or, with per-pair minima, their envelope); may be changed between cycles.</summary>
    public SeparationMinima Minima
    {
        get;
        set => field = value.IsValid ? value : throw new ArgumentException($"invalid separation minima {value}", nameof(value));
    }

    /// <summary>Called after the snapshot is filled and before detection (e.g. to prepare per-pair minima and their envelope).</summary>
    public Action<LiveSnapshot>? SnapshotFilled { get; set; }

    public AlertTracker Tracker { get; }

    /// <summary>
    /// Level aircraft on levels at least the vertical minimum apart are not alerted (null: every
    /// predicted loss of separation is). May be changed between cycles.
    /// </summary>
    public FlightLevelRule? LevelRule { get; set; }

    /// <summary>Per-pair level rule by snapshot row (an agreement's setting), overriding <see cref="LevelRule"/>; null for no filter. Called from the cycle's thread.</summary>
    public Func<LiveSnapshot, int, int, FlightLevelRule?>? PairLevelRule { get; set; }

    /// <summary>Predicted losses of separation of the last cycle that the level rule filtered out.</summary>
    public int LevelFiltered { get; private set; }

    /// <summary>The snapshot of the last cycle.</summary>
    public LiveSnapshot Snapshot { get; } = new();

    /// <summary>The detector's raw results of the last cycle (indices into <see cref="Snapshot"/>).</summary>
    public IReadOnlyList<TacticalConflict> Conflicts => _conflicts;

    /// <summary>Tracks that went stale in the last cycle.</summary>
    public List<string> Evicted { get; } = [];

    /// <summary>Called at the start of each cycle with its time, before the snapshot (e.g. to reconcile track associations).</summary>
    public Action<double>? CycleStarting { get; set; }

    /// <summary>Runs one cycle at <paramref name="timeS"/>; appends the alert changes to <paramref name="changes"/>.</summary>
    public void RunCycle(double timeS, List<AlertChange> changes)
    {
        CycleStarting?.Invoke(timeS);
        Evicted.Clear();
        Store.EvictStale(timeS, Evicted);
        Store.FillSnapshot(Snapshot, timeS);
        SnapshotFilled?.Invoke(Snapshot);
        _conflicts.Clear();
        if (Snapshot.Count >= 2)
        {
            var detector = Snapshot.Count < ParallelFrom ? _serialDetector : _detector;
            if (_pairMinima is null)
            {
                detector.Detect(Snapshot.Traffic, Minima, _conflicts);
            }
            else
            {
                detector.Detect(Snapshot.Traffic, Minima, _pairMinima, _conflicts);
            }
        }
        var s = Snapshot;
        var party = s.Party;
        LevelFiltered = 0;
        foreach (var c in _conflicts)
        {
            int i = c.Index1, j = c.Index2;
            var rule = PairLevelRule is { } perPair ? perPair(s, i, j) : LevelRule;
            if (rule is not null)
            {
                var v = _pairMinima?.Invoke(i, j)?.VerticalFt ?? Minima.VerticalFt;
                // Reported altitudes, not extrapolated ones: the extrapolation carries the rate's noise.
                var alt = s.ReportedAltFt;
                var held = s.AltitudeHeldS;
                if (rule.Separates(alt[i], s.VsFpm[i], alt[j], s.VsFpm[j], v, held[i], held[j]))
                {
                    LevelFiltered++;
                    continue;
                }
            }
            var (lat, lon) = LossPoint(s, i, j, Math.Max(0, c.TInS));
            // DAIDALUS classifies per ownship; the pair's level is the more urgent of the two views.
            var do365 = Tracker.Options.Do365 is null ? 0 : Math.Max(Do365Alerting.Level(s.Traffic, i, j), Do365Alerting.Level(s.Traffic, j, i));
            Tracker.Observe(new AlertObservation(s.Ids[i], s.Ids[j], party[i], party[j], c.TInS, c.TOutS, c.TCpaS, c.HCpaNm, c.VCpaFt,
                s.LatDeg[i], s.LonDeg[i], s.AltFt[i], s.LatDeg[j], s.LonDeg[j], s.AltFt[j], lat, lon, do365), timeS);
        }
        Tracker.EndCycle(timeS, changes);
    }

    /// <summary>Midway between the two aircraft when separation is predicted to be lost, <paramref name="tS"/> ahead.</summary>
    private static (double LatDeg, double LonDeg) LossPoint(LiveSnapshot s, int i, int j, double tS)
    {
        double lat1 = s.LatDeg[i], lon1 = s.LonDeg[i], lat2 = s.LatDeg[j], lon2 = s.LonDeg[j];
        LiveTrackStore.Extrapolate(ref lat1, ref lon1, s.GsKt[i], s.TrkDeg[i], tS);
        LiveTrackStore.Extrapolate(ref lat2, ref lon2, s.GsKt[j], s.TrkDeg[j], tS);
        if (lon2 - lon1 > 180)
        {
            lon2 -= 360;
        }
        else if (lon1 - lon2 > 180)
        {
            lon2 += 360;
        }
        var lon = (lon1 + lon2) / 2;
        return ((lat1 + lat2) / 2, lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon);
    }
}
