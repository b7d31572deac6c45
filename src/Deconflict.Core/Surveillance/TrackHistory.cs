namespace Deconflict.Core.Surveillance;

/// <summary>
/// The recent past of the live picture, kept so a debrief can show tracks as they were: each track's state at most
/// once per <see cref="IntervalS"/> of report time (the first report after the interval is kept), for
/// <see cref="RetentionS"/>, and never more than <see cref="MaxSamples"/> in all (the oldest go first). Samples are
/// held in arrival order in one ring, so recording is O(1) and a window is one scan. Thread-safe.
/// </summary>
public sealed class TrackHistory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Party, string Id), double> _lastKeptS = [];
    private LiveTrack[] _ring;
    private int _head;
    private int _count;
    // Samples before this were trimmed; stragglers that arrived late and sit behind newer ones are never answered.
    private double _cutS = double.NegativeInfinity;

    public TrackHistory(double intervalS = 10, double retentionS = 86_400, int maxSamples = 2_000_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(intervalS);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(retentionS);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSamples);
        IntervalS = intervalS;
        RetentionS = retentionS;
        MaxSamples = maxSamples;
        _ring = new LiveTrack[Math.Min(maxSamples, 1024)];
    }

    /// <summary>Least report time between two kept samples of one track, seconds.</summary>
    public double IntervalS { get; }

    /// <summary>How long a sample is kept, seconds of report time before the newest trim.</summary>
    public double RetentionS { get; }

    /// <summary>Most samples kept in all.</summary>
    public int MaxSamples { get; }

    /// <summary>Samples held now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Keeps <paramref name="track"/>'s state if its track has no sample within <see cref="IntervalS"/> before it.</summary>
    /// <returns>Whether the sample was kept.</returns>
    public bool Record(in LiveTrack track)
    {
        if (!double.IsFinite(track.TimeS))
        {
            return false;
        }
        var key = (track.Party ?? "", track.Id);
        lock (_gate)
        {
            if (_lastKeptS.TryGetValue(key, out var last) && track.TimeS < last + IntervalS)
            {
                return false;
            }
            _lastKeptS[key] = track.TimeS;
            if (_count == MaxSamples)
            {
                DropOldest();
            }
            if (_count == _ring.Length)
            {
                Grow();
            }
            _ring[(_head + _count) % _ring.Length] = track;
            _count++;
            return true;
        }
    }

    /// <summary>Drops the samples older than <see cref="RetentionS"/> before <paramref name="nowS"/>.</summary>
    public void Trim(double nowS)
    {
        var before = nowS - RetentionS;
        lock (_gate)
        {
            _cutS = Math.Max(_cutS, before);
            while (_count > 0 && _ring[_head].TimeS < before)
            {
                DropOldest();
            }
            if (_lastKeptS.Count > 2 * Math.Max(_count, 1024))
            {
                // Tracks long gone no longer need their last kept time.
                foreach (var (key, last) in _lastKeptS.ToList())
                {
                    if (last < before)
                    {
                        _lastKeptS.Remove(key);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Appends the samples with report times in [<paramref name="fromS"/>, <paramref name="toS"/>] to
    /// <paramref name="into"/>, at most one per track per <paramref name="everyS"/> (0: every kept sample), oldest
    /// first, of the tracks <paramref name="include"/> accepts (all when null); stops and answers false when more
    /// than <paramref name="limit"/> would be appended.
    /// </summary>
    public bool Window(double fromS, double toS, double everyS, int limit, List<LiveTrack> into, Func<LiveTrack, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(into);
        var decided = new Dictionary<(string, string), bool>();
        var taken = new List<LiveTrack>();
        var lastTaken = new Dictionary<(string, string), double>();
        lock (_gate)
        {
            for (var k = 0; k < _count; k++)
            {
                var t = _ring[(_head + k) % _ring.Length];
                if (t.TimeS < fromS || t.TimeS > toS || t.TimeS < _cutS)
                {
                    continue;
                }
                var key = (t.Party ?? "", t.Id);
                if (include is not null)
                {
                    if (!decided.TryGetValue(key, out var shown))
                    {
                        decided[key] = shown = include(t);
                    }
                    if (!shown)
                    {
                        continue;
                    }
                }
                if (everyS > 0 && lastTaken.TryGetValue(key, out var last) && t.TimeS < last + everyS)
                {
                    continue;
                }
                lastTaken[key] = t.TimeS;
                if (taken.Count == limit)
                {
                    return false;
                }
                taken.Add(t);
            }
        }
        // Arrival order is nearly time order; a stable sort makes it exact.
        into.AddRange(taken.OrderBy(t => t.TimeS));
        return true;
    }

    private void DropOldest()
    {
        _ring[_head] = default;
        _head = (_head + 1) % _ring.Length;
        _count--;
    }

    private void Grow()
    {
        var next = new LiveTrack[Math.Min(MaxSamples, _ring.Length * 2)];
        for (var k = 0; k < _count; k++)
        {
            next[k] = _ring[(_head + k) % _ring.Length];
        }
        _ring = next;
        _head = 0;
    }
}
