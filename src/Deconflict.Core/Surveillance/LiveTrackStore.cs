using Deconflict.Core.Geodesy;

namespace Deconflict.Core.Surveillance;

/// <summary>
/// The live air picture: the latest state of every aircraft, kept as parallel column arrays
/// (one slot per aircraft, an identity → slot dictionary, freed slots reused) rather than one
/// object per report, so that ingestion costs a dictionary lookup and a few stores, and filling a
/// detection snapshot is a linear scan. Tracks with no report for <see cref="StaleAfterS"/> leave
/// the picture. A report's absent fields (NaN) keep the track's last known value. All members are
/// thread-safe: feeds, the HTTP endpoint and the detection cycle share one store.
/// </summary>
public sealed class LiveTrackStore
{
    private readonly Lock _gate = new();
    // A track is (reporting party, id): two parties' aircraft never share a slot, whatever ids they use.
    private readonly Dictionary<(string Party, string Id), int> _slots = [];
    private string?[] _id;
    private string?[] _party;
    private string?[] _intent;
    private string?[] _callsign;
    private double[] _timeS;
    private double[] _lat;
    private double[] _lon;
    private double[] _alt;
    private double[] _gs;
    private double[] _trk;
    private double[] _vs;
    private double[] _holdAlt;
    private double[] _holdSinceS;
    private int[] _free;
    private int _freeCount;
    private int _highWater;
    private long _version;

    public LiveTrackStore(double staleAfterS = 60, int initialCapacity = 256)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(staleAfterS);
        StaleAfterS = staleAfterS;
        var n = Math.Max(4, initialCapacity);
        _id = new string?[n];
        _party = new string?[n];
        _intent = new string?[n];
        _callsign = new string?[n];
        _timeS = new double[n];
        _lat = new double[n];
        _lon = new double[n];
        _alt = new double[n];
        _gs = new double[n];
        _trk = new double[n];
        _vs = new double[n];
        _holdAlt = new double[n];
        _holdSinceS = new double[n];
        _free = new int[n];
    }

    /// <summary>A track's altitude holds while its reports stay within this of the altitude at which the hold began.</summary>
    public const double AltitudeHoldBandFt = 100;

    /// <summary>Seconds without a report after which a track leaves the live picture (default 60).</summary>
    public double StaleAfterS { get; }

    /// <summary>Live tracks.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _slots.Count;
            }
        }
    }

    /// <summary>Increases with every accepted report or eviction, so a reader can tell whether anything changed.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Takes a report into the picture for <paramref name="party"/> (null when parties do not apply, as in a replay).</summary>
    public UpsertResult Upsert(in PositionReport report, string? party = null)
    {
        lock (_gate)
        {
            return UpsertLocked(report, party);
        }
    }

    /// <summary>Takes a batch of reports under one lock; <paramref name="results"/>, when given, receives one result per report.</summary>
    public int UpsertAll(ReadOnlySpan<PositionReport> reports, string? party = null, Span<UpsertResult> results = default)
    {
        var accepted = 0;
        lock (_gate)
        {
            for (var i = 0; i < reports.Length; i++)
            {
                var r = UpsertLocked(reports[i], party);
                if (r is UpsertResult.Added or UpsertResult.Updated)
                {
                    accepted++;
                }
                if (!results.IsEmpty)
                {
                    results[i] = r;
                }
            }
        }
        return accepted;
    }

    /// <summary>Removes tracks whose last report is older than <paramref name="nowS"/> − <see cref="StaleAfterS"/>; returns how many.</summary>
    public int EvictStale(double nowS, List<string>? evicted = null)
    {
        var limit = nowS - StaleAfterS;
        var removed = 0;
        lock (_gate)
        {
            for (var slot = 0; slot < _highWater; slot++)
            {
                if (_id[slot] is { } id && _timeS[slot] < limit)
                {
                    evicted?.Add(id);
                    _slots.Remove((_party[slot] ?? "", id));
                    Release(slot);
                    removed++;
                }
            }
            if (removed > 0)
            {
                _version++;
            }
        }
        return removed;
    }

    /// <summary>Reads the latest state of the track <paramref name="id"/> reported by <paramref name="party"/> (null in a replay).</summary>
    public bool TryGet(string? party, string id, out LiveTrack track)
    {
        lock (_gate)
        {
            if (_slots.TryGetValue((party ?? "", id), out var slot))
            {
                track = Read(slot);
                return true;
            }
        }
        track = default;
        return false;
    }

    /// <summary>
    /// Takes the track <paramref name="id"/> of <paramref name="party"/> out of the picture at once (a track found to be
    /// another track's aircraft, whose reports now go to that one); false when there is none.
    /// </summary>
    public bool Remove(string? party, string id)
    {
        lock (_gate)
        {
            if (!_slots.Remove((party ?? "", id), out var slot))
            {
                return false;
            }
            Release(slot);
            _version++;
            return true;
        }
    }

    /// <summary>Appends the latest state of every live track of <paramref name="party"/> (null in a replay) to <paramref name="into"/>.</summary>
    public void CopyTo(List<LiveTrack> into, string? party)
    {
        lock (_gate)
        {
            for (var slot = 0; slot < _highWater; slot++)
            {
                if (_id[slot] is not null && string.Equals(_party[slot], party, StringComparison.Ordinal))
                {
                    into.Add(Read(slot));
                }
            }
        }
    }

    /// <summary>Appends every live track's latest state to <paramref name="into"/>.</summary>
    public void CopyTo(List<LiveTrack> into)
    {
        lock (_gate)
        {
            for (var slot = 0; slot < _highWater; slot++)
            {
                if (_id[slot] is not null)
                {
                    into.Add(Read(slot));
                }
            }
        }
    }

    /// <summary>
    /// Refills <paramref name="snapshot"/> with every live, non-stale track that has an altitude,
    /// its position and altitude extrapolated along its last velocity to <paramref name="atS"/>, so
    /// that all aircraft are compared at one instant however their reports were staggered.
    /// Allocates nothing once the snapshot's columns are large enough.
    /// </summary>
    public void FillSnapshot(LiveSnapshot snapshot, double atS)
    {
        lock (_gate)
        {
            snapshot.Begin(atS, _slots.Count);
            var limit = atS - StaleAfterS;
            for (var slot = 0; slot < _highWater; slot++)
            {
                if (_id[slot] is not { } id || _timeS[slot] < limit || double.IsNaN(_alt[slot]))
                {
                    continue;
                }
                var gs = double.IsNaN(_gs[slot]) ? 0 : _gs[slot];
                var trk = double.IsNaN(_trk[slot]) ? 0 : _trk[slot];
                var vs = double.IsNaN(_vs[slot]) ? 0 : _vs[slot];
                var dt = atS - _timeS[slot];
                var lat = _lat[slot];
                var lon = _lon[slot];
                var alt = _alt[slot];
                if (dt != 0)
                {
                    Extrapolate(ref lat, ref lon, gs, trk, dt);
                    alt += vs * dt / 60.0;
                }
                snapshot.Add(id, lat, lon, alt, gs, trk, vs, _party[slot], _intent[slot], slot, _alt[slot], _timeS[slot] - _holdSinceS[slot]);
            }
        }
    }

    /// <summary>
    /// Moves a point along a constant track for <paramref name="dtS"/> seconds using the local
    /// meridional and prime-vertical radii of WGS-84: exact to millimetres over the seconds of a
    /// detection cycle, and far cheaper than a full geodesic per track per cycle.
    /// </summary>
    public static void Extrapolate(ref double latDeg, ref double lonDeg, double gsKt, double trkDeg, double dtS)
    {
        var d = gsKt * Wgs84.MetresPerSecondPerKnot * dtS;
        if (d == 0)
        {
            return;
        }
        var phi = latDeg * (Math.PI / 180);
        var (sinT, cosT) = Math.SinCos(trkDeg * (Math.PI / 180));
        var sinPhi = Math.Sin(phi);
        var w = 1 - Wgs84.E2 * sinPhi * sinPhi;
        var n = Wgs84.A / Math.Sqrt(w);
        var m = n * (1 - Wgs84.E2) / w;
        latDeg += d * cosT / m * (180 / Math.PI);
        var cosPhi = Math.Max(Math.Cos(phi), 1e-9);
        lonDeg += d * sinT / (n * cosPhi) * (180 / Math.PI);
        latDeg = Math.Clamp(latDeg, -90, 90);
        if (lonDeg > 180)
        {
            lonDeg -= 360;
        }
        else if (lonDeg < -180)
        {
            lonDeg += 360;
        }
    }

    private UpsertResult UpsertLocked(in PositionReport r, string? party)
    {
        if (_slots.TryGetValue((party ?? "", r.Id), out var slot))
        {
            if (r.TimeS < _timeS[slot])
            {
                return UpsertResult.Outdated;
            }
            Write(slot, r);
            _version++;
            return UpsertResult.Updated;
        }
        slot = Allocate();
        _slots.Add((party ?? "", r.Id), slot);
        _id[slot] = r.Id;
        _party[slot] = party;
        _alt[slot] = _gs[slot] = _trk[slot] = _vs[slot] = _holdAlt[slot] = double.NaN;
        Write(slot, r);
        _version++;
        return UpsertResult.Added;
    }

    private void Write(int slot, in PositionReport r)
    {
        _timeS[slot] = r.TimeS;
        _lat[slot] = r.LatDeg;
        _lon[slot] = r.LonDeg;
        if (!double.IsNaN(r.AltFt))
        {
            _alt[slot] = r.AltFt;
            // How long the reported altitude has held within a band: level flight seen in the altitudes
            // themselves, whatever noise the reported vertical rate carries.
            if (double.IsNaN(_holdAlt[slot]) || Math.Abs(r.AltFt - _holdAlt[slot]) > AltitudeHoldBandFt)
            {
                _holdAlt[slot] = r.AltFt;
                _holdSinceS[slot] = r.TimeS;
            }
        }
        if (!double.IsNaN(r.GsKt))
        {
            _gs[slot] = r.GsKt;
        }
        if (!double.IsNaN(r.TrkDeg))
        {
            _trk[slot] = r.TrkDeg;
        }
        if (!double.IsNaN(r.VsFpm))
        {
            _vs[slot] = r.VsFpm;
        }
        if (r.IntentId is not null)
        {
            _intent[slot] = r.IntentId.Length == 0 ? null : r.IntentId;
        }
        if (r.Callsign is not null)
        {
            _callsign[slot] = r.Callsign;
        }
    }

    private LiveTrack Read(int slot) => new(_id[slot]!, _party[slot], _intent[slot], _callsign[slot], _timeS[slot],
        _lat[slot], _lon[slot], _alt[slot], _gs[slot], _trk[slot], _vs[slot]);

    private int Allocate()
    {
        if (_freeCount > 0)
        {
            return _free[--_freeCount];
        }
        if (_highWater == _id.Length)
        {
            Grow(_id.Length * 2);
        }
        return _highWater++;
    }

    private void Release(int slot)
    {
        _id[slot] = null;
        _party[slot] = null;
        _intent[slot] = null;
        _callsign[slot] = null;
        _free[_freeCount++] = slot;
    }

    private void Grow(int n)
    {
        Array.Resize(ref _id, n);
        Array.Resize(ref _party, n);
        Array.Resize(ref _intent, n);
        Array.Resize(ref _callsign, n);
        Array.Resize(ref _holdAlt, n);
        Array.Resize(ref _holdSinceS, n);
        Array.Resize(ref _timeS, n);
        Array.Resize(ref _lat, n);
        Array.Resize(ref _lon, n);
        Array.Resize(ref _alt, n);
        Array.Resize(ref _gs, n);
        Array.Resize(ref _trk, n);
        Array.Resize(ref _vs, n);
        Array.Resize(ref _free, n);
    }
}
