using System.Diagnostics;

namespace Deconflict.Core.Surveillance;

/// <summary>
/// Replays a time-ordered recording through a <see cref="LiveAlerting"/> pipeline in recording
/// time: before each cycle at time T every report with t ≤ T is ingested, then the cycle runs at
/// T; cycles follow every <see cref="CycleS"/> seconds from the first report to the last. With a
/// speed X &gt; 0 the cycles are paced at X times real time; 0 runs as fast as possible. Stretches
/// with fewer than two live tracks and no active alert are skipped in one step (nothing can
/// alert there). Episodes still active at the last report stay open (not cleared).
/// </summary>
public sealed class RecordingReplay(LiveAlerting alerting, double cycleS = 1, double speed = 0)
{
    private readonly List<AlertEpisode> _episodes = [];
    private readonly List<AlertChange> _changes = [];

    public LiveAlerting Alerting { get; } = alerting;

    public double CycleS { get; } = cycleS > 0 && double.IsFinite(cycleS) ? cycleS : throw new ArgumentOutOfRangeException(nameof(cycleS), "must be positive");

    public double Speed { get; } = speed >= 0 && double.IsFinite(speed) ? speed : throw new ArgumentOutOfRangeException(nameof(speed), "must be 0 or positive");

    /// <summary>Called after every cycle with its time (the pipeline's snapshot, conflicts and tracker can be read then).</summary>
    public Action<double, IReadOnlyList<AlertChange>>? CycleCompleted { get; init; }

    /// <summary>Called for every report as it is ingested.</summary>
    public Action<PositionReport>? ReportIngested { get; init; }

    /// <summary>Every episode raised, in the order raised.</summary>
    public IReadOnlyList<AlertEpisode> Episodes => _episodes;

    public long Reports { get; private set; }

    public long Cycles { get; private set; }

    public double StartS { get; private set; } = double.NaN;

    public double EndS { get; private set; } = double.NaN;

    public async Task RunAsync(IEnumerable<PositionReport> reports, CancellationToken cancellation = default)
    {
        using var e = reports.GetEnumerator();
        if (!e.MoveNext())
        {
            return;
        }
        var next = e.Current;
        var more = true;
        var t = next.TimeS;
        StartS = t;
        EndS = t;
        var wall = Stopwatch.StartNew();
        var store = Alerting.Store;
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            while (more && next.TimeS <= t)
            {
                store.Upsert(next);
                ReportIngested?.Invoke(next);
                Reports++;
                EndS = Math.Max(EndS, next.TimeS);
                more = e.MoveNext();
                if (more)
                {
                    next = e.Current;
                }
            }
            _changes.Clear();
            Alerting.RunCycle(t, _changes);
            Cycles++;
            foreach (var c in _changes)
            {
                if (c.Kind == AlertChangeKind.Raised)
                {
                    _episodes.Add(c.Episode);
                }
            }
            CycleCompleted?.Invoke(t, _changes);
            if (!more)
            {
                break;
            }
            var nextT = t + CycleS;
            if (next.TimeS > nextT && Alerting.Snapshot.Count < 2 && Alerting.Tracker.Active.Count == 0)
            {
                nextT = t + (Math.Ceiling((next.TimeS - t) / CycleS) * CycleS);
            }
            t = nextT;
            if (Speed > 0)
            {
                var due = TimeSpan.FromSeconds((t - StartS) / Speed) - wall.Elapsed;
                if (due > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(due, cancellation).ConfigureAwait(false);
                }
            }
        }
    }
}
