using Deconflict.Core.Strategic;

namespace Deconflict.Core.Surveillance;

/// <summary>
/// Watches every live track that names the operational intent it flies: a track outside all of
/// that intent's volumes (widened by the tolerances) for <see cref="ConformanceOptions.HoldCycles"/>
/// cycles becomes nonconforming; back inside for as many cycles, conforming again. A track whose
/// intent is unknown (not declared, or not visible) is not judged. Not thread-safe: one cycle at a time.
/// </summary>
public sealed class ConformanceMonitor(ConformanceOptions? options = null)
{
    private readonly Dictionary<string, TrackState> _tracks = new(StringComparer.Ordinal);
    private long _cycle;

    public ConformanceOptions Options { get; } = options ?? new ConformanceOptions();

    /// <summary>Tracks currently judged nonconforming, with the intent they breach.</summary>
    public IEnumerable<(string TrackId, string IntentId)> Nonconforming
    {
        get
        {
            foreach (var (id, s) in _tracks)
            {
                if (!s.Conforming)
                {
                    yield return (id, s.IntentId);
                }
            }
        }
    }

    /// <summary>
    /// Checks every row of <paramref name="snapshot"/> that names an intent; appends state changes.
    /// <paramref name="intentOf"/>(party, intent id) finds the reporting party's intent (ids are unique per party only).
    /// </summary>
    public void Check(LiveSnapshot snapshot, Func<string?, string, OperationalIntent?> intentOf, List<ConformanceChange> changes)
    {
        _cycle++;
        var time = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(snapshot.TimeS * 1000));
        var intents = snapshot.IntentId;
        var parties = snapshot.Party;
        for (var i = 0; i < snapshot.Count; i++)
        {
            if (intents[i] is not { } intentId || intentOf(parties[i], intentId) is not { } intent || intent.State == IntentState.Ended)
            {
                continue;
            }
            var id = snapshot.Ids[i];
            var (lat, lon, alt) = (snapshot.LatDeg[i], snapshot.LonDeg[i], snapshot.AltFt[i]);
            var distance = DistanceOutside(intent, lat, lon, alt, time, out var inside);
            if (!_tracks.TryGetValue(id, out var state) || !string.Equals(state.IntentId, intentId, StringComparison.Ordinal))
            {
                state = new TrackState { IntentId = intentId, Conforming = true };
                _tracks[id] = state;
            }
            state.SeenCycle = _cycle;
            if (inside == state.Conforming)
            {
                state.Streak = 0;
                continue;
            }
            if (++state.Streak >= Options.HoldCycles)
            {
                state.Conforming = inside;
                state.Streak = 0;
                changes.Add(new ConformanceChange(id, intentId, parties[i], inside, snapshot.TimeS, lat, lon, alt, inside ? 0 : distance));
            }
        }
        foreach (var (id, s) in _tracks)
        {
            if (s.SeenCycle != _cycle)
            {
                _tracks.Remove(id);
            }
        }
    }

    private double DistanceOutside(OperationalIntent intent, double lat, double lon, double alt, DateTimeOffset time, out bool inside)
    {
        var o = Options;
        var nearest = double.PositiveInfinity;
        foreach (var v in intent.Volumes)
        {
            if (time < v.TimeStart.AddSeconds(-o.TimeToleranceS) || time > v.TimeEnd.AddSeconds(o.TimeToleranceS))
            {
                continue;
            }
            var h = VolumeProximity.HorizontalDistanceOutsideM(v.Shape, lat, lon);
            var verticalOk = alt >= v.AltLowerFt - o.VerticalToleranceFt && alt <= v.AltUpperFt + o.VerticalToleranceFt;
            if (h <= o.HorizontalToleranceM && verticalOk)
            {
                inside = true;
                return 0;
            }
            nearest = Math.Min(nearest, h);
        }
        inside = false;
        return double.IsPositiveInfinity(nearest) ? 0 : nearest;
    }

    private sealed class TrackState
    {
        public required string IntentId { get; init; }

        public bool Conforming { get; set; }

        public int Streak { get; set; }

        public long SeenCycle { get; set; }
    }
}
