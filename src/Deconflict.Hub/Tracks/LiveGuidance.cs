using Deconflict.Core.Surveillance;
using Deconflict.Core.Tactical;
using Deconflict.Core.Tactical.Bands;

namespace Deconflict.Hub.Tracks;

/// <summary>
/// Guidance bands for the aircraft of the live tactical alerts, computed off the detection cycle. Bands cost about
/// 100 ms an aircraft, so an alert's are computed when it is raised or changes level, and otherwise at most every
/// <see cref="SurveillanceOptions.BandsRefreshS"/>; one batch of at most <see cref="SurveillanceOptions.BandsBatchAlerts"/>
/// alerts runs at a time on one thread, over a copy of the cycle's snapshot. The detection cycle collects a finished
/// batch (<see cref="Harvest"/>) and writes it as conflict updates; <see cref="Committed"/> is told after the commit,
/// so what later updates carry is only ever what was written. Used from the cycle's thread only.
/// </summary>
public sealed partial class LiveGuidance(SurveillanceOptions options, ILogger logger)
{
    private readonly Dictionary<long, double> _startedS = [];
    private readonly HashSet<long> _urgent = [];
    private readonly Dictionary<long, IReadOnlyList<AircraftBands>> _committed = [];
    private Task<List<GuidanceResult>>? _running;

    /// <summary>The bands last written for an episode, or null.</summary>
    public IReadOnlyList<AircraftBands>? Latest(long sequence) => _committed.GetValueOrDefault(sequence);

    /// <summary>The finished batch, if any (empty otherwise); its results are not yet written.</summary>
    public IReadOnlyList<GuidanceResult> Harvest()
    {
        if (_running is not { IsCompleted: true } done)
        {
            return [];
        }
        _running = null;
        if (done.IsFaulted)
        {
            LogBatchFailed(logger, done.Exception);
        }
        // Each alert's computation catches its own failure, so a batch fails only as a whole by a bug.
        return done.IsCompletedSuccessfully ? done.Result : [];
    }

    /// <summary>The result is written: later updates of the episode carry it.</summary>
    public void Committed(GuidanceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (_startedS.ContainsKey(result.Sequence))
        {
            _committed[result.Sequence] = result.Bands;
        }
    }

    /// <summary>
    /// Notes the cycle's changes (committed) and, when no batch is running, starts one for the alerts that are due:
    /// raised or re-levelled ones first, then the longest without fresh bands.
    /// </summary>
    public void Schedule(double nowS, IReadOnlyList<AlertChange> changes, IReadOnlyDictionary<long, AlertEpisode> active, LiveSnapshot snapshot,
        Func<string, string, SeparationMinima> minima)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(active);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(minima);
        foreach (var c in changes)
        {
            if (c.Kind == AlertChangeKind.Cleared)
            {
                Forget(c.Episode.Sequence);
            }
            else
            {
                _urgent.Add(c.Episode.Sequence);
            }
        }
        foreach (var gone in _startedS.Keys.Where(s => !active.ContainsKey(s)).ToList())
        {
            Forget(gone);
        }
        if (_running is not null || active.Count == 0)
        {
            return;
        }
        var due = active.Values
            .Where(e => _urgent.Contains(e.Sequence) || !_startedS.TryGetValue(e.Sequence, out var t) || nowS - t >= options.BandsRefreshS)
            .OrderBy(e => _urgent.Contains(e.Sequence) ? 0 : 1)
            .ThenBy(e => _startedS.GetValueOrDefault(e.Sequence, double.NegativeInfinity))
            .ThenBy(e => e.Sequence)
            .Take(options.BandsBatchAlerts)
            .ToList();
        if (due.Count == 0)
        {
            return;
        }
        var rows = new Dictionary<(string, string), int>();
        for (var i = 0; i < snapshot.Count; i++)
        {
            rows.TryAdd((snapshot.Party[i] ?? "", snapshot.Ids[i]), i);
        }
        var traffic = new TrafficSnapshot(snapshot.Count);
        for (var i = 0; i < snapshot.Count; i++)
        {
            traffic.Add(snapshot.Ids[i], snapshot.LatDeg[i], snapshot.LonDeg[i], snapshot.AltFt[i], snapshot.GsKt[i], snapshot.TrkDeg[i], snapshot.VsFpm[i]);
        }
        var jobs = new List<Job>(due.Count);
        foreach (var e in due)
        {
            _startedS[e.Sequence] = nowS;
            _urgent.Remove(e.Sequence);
            var aircraft = new List<(string Party, string Id, int Row, string? Intent)>(2);
            foreach (var (party, id) in new[] { (e.Party1 ?? "", e.Id1), (e.Party2 ?? "", e.Id2) })
            {
                if (rows.TryGetValue((party, id), out var row))
                {
                    aircraft.Add((party, id, row, snapshot.IntentId[row]));
                }
            }
            jobs.Add(new Job(e.Sequence, minima(e.Party1 ?? "", e.Party2 ?? ""), aircraft));
        }
        var at = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(snapshot.TimeS * 1000));
        _running = Task.Run(() => Compute(traffic, jobs, at));
    }

    private void Forget(long sequence)
    {
        _startedS.Remove(sequence);
        _urgent.Remove(sequence);
        _committed.Remove(sequence);
    }

    private List<GuidanceResult> Compute(TrafficSnapshot traffic, List<Job> jobs, DateTimeOffset at)
    {
        var results = new List<GuidanceResult>(jobs.Count);
        var calculators = new Dictionary<SeparationMinima, GuidanceBandsCalculator>();
        foreach (var job in jobs)
        {
            try
            {
                if (!calculators.TryGetValue(job.Minima, out var calculator))
                {
                    calculators[job.Minima] = calculator = new GuidanceBandsCalculator(new BandsOptions
                    {
                        HorizontalNm = job.Minima.HorizontalNm,
                        VerticalFt = job.Minima.VerticalFt,
                        LookaheadS = job.Minima.LookaheadS,
                    });
                }
                var bands = new List<AircraftBands>(job.Aircraft.Count);
                foreach (var (party, id, row, intent) in job.Aircraft)
                {
                    if (!IsUsable(traffic, row))
                    {
                        continue;
                    }
                    var (own, ownRow) = WithoutOtherCopies(traffic, row);
                    bands.Add(AircraftBands.From(calculator.Compute(own, [ownRow], 1)[0], party, id, intent, at));
                }
                results.Add(new GuidanceResult(job.Sequence, bands));
            }
            catch (Exception x) when (x is not OperationCanceledException)
            {
                LogBandsFailed(logger, job.Sequence, x);
            }
        }
        return results;
    }

    /// <summary>
    /// The traffic the ownship sees: every other track, except other parties' tracks of the same aircraft (one id
    /// reported by two parties is one aircraft, never in conflict with itself).
    /// </summary>
    private static (TrafficSnapshot Traffic, int Row) WithoutOtherCopies(TrafficSnapshot traffic, int row)
    {
        var id = traffic.Ids[row];
        var copies = 0;
        for (var i = 0; i < traffic.Count; i++)
        {
            copies += string.Equals(traffic.Ids[i], id, StringComparison.Ordinal) ? 1 : 0;
        }
        if (copies == 1)
        {
            return (traffic, row);
        }
        var own = new TrafficSnapshot(traffic.Count);
        var ownRow = -1;
        for (var i = 0; i < traffic.Count; i++)
        {
            if (i == row || !string.Equals(traffic.Ids[i], id, StringComparison.Ordinal))
            {
                var r = own.Add(traffic.Ids[i], traffic.LatDeg[i], traffic.LonDeg[i], traffic.AltFt[i], traffic.GsKt[i], traffic.TrkDeg[i], traffic.VsFpm[i]);
                ownRow = i == row ? r : ownRow;
            }
        }
        return (own, ownRow);
    }

    private static bool IsUsable(TrafficSnapshot s, int i) =>
        double.IsFinite(s.LatDeg[i]) && double.IsFinite(s.LonDeg[i]) && double.IsFinite(s.AltFt[i])
        && double.IsFinite(s.GsKt[i]) && double.IsFinite(s.TrkDeg[i]) && double.IsFinite(s.VsFpm[i]);

    private sealed record Job(long Sequence, SeparationMinima Minima, List<(string Party, string Id, int Row, string? Intent)> Aircraft);

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of guidance bands failed")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Guidance bands of alert {Sequence} failed")]
    private static partial void LogBandsFailed(ILogger logger, long sequence, Exception exception);
}
