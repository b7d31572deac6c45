using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic.Indexing;

namespace Deconflict.Core.Strategic;

/// <summary>
/// A spatio-temporal index of live operational intents. Each volume is entered in the cells of a
/// <see cref="SphereGrid"/> that its bounding caps meet (corridors cap by leg, so a long route stays thin),
/// each entry carrying the volume's window and band, so a check visits only the cells around the candidate
/// and rejects most neighbours on time and altitude before any geometry. Safe for concurrent checks;
/// updates take an exclusive lock.
/// </summary>
public sealed class StrategicIndex
{
    private readonly SphereGrid _grid;
    private readonly Dictionary<long, GridCell> _cells = [];
    // An intent is identified by (party, id): two parties may use the same id for different intents.
    private readonly Dictionary<(string Party, string Id), int> _slotById = [];
    private readonly List<IndexedIntent?> _intents = [];
    private readonly Stack<int> _freeIntents = new();
    private readonly List<IndexedVolume?> _volumes = [];
    private readonly Stack<int> _freeVolumes = new();
    private readonly Dictionary<string, int> _partyCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _partyIds = new(StringComparer.Ordinal);
    private VolumeKey[] _keys = new VolumeKey[64];
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);

    /// <summary>Default cell size, degrees of latitude.</summary>
    public const double DefaultCellDeg = 0.5;

    /// <param name="cellDeg">Cell size in degrees of latitude; about the size of a typical volume works best.</param>
    public StrategicIndex(double cellDeg = DefaultCellDeg)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cellDeg, 0.01);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cellDeg, 10);
        _grid = new SphereGrid(cellDeg);
    }

    /// <summary>Number of live (not Ended) intents held.</summary>
    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _slotById.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Adds or replaces an intent. An Ended intent is removed instead: it never conflicts.</summary>
    public void Upsert(OperationalIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        if (intent.State == IntentState.Ended)
        {
            Remove(intent.Party, intent.Id);
            return;
        }
        // Geometry is prepared outside the lock; only the cell updates are exclusive.
        var prepared = new PreparedVolume[intent.Volumes.Count];
        var covers = new long[prepared.Length][];
        var cover = new HashSet<long>();
        for (var v = 0; v < prepared.Length; v++)
        {
            prepared[v] = new PreparedVolume(intent.Volumes[v]);
            cover.Clear();
            CoverOf(prepared[v], 0, cover);
            covers[v] = [.. cover];
        }
        _lock.EnterWriteLock();
        try
        {
            RemoveLocked(intent.Party, intent.Id);
            var slot = _freeIntents.Count > 0 ? _freeIntents.Pop() : Add(_intents);
            var party = PartyId(intent.Party);
            var volumeSlots = new int[prepared.Length];
            for (var v = 0; v < prepared.Length; v++)
            {
                var vs = _freeVolumes.Count > 0 ? _freeVolumes.Pop() : Add(_volumes);
                var volume = prepared[v];
                _volumes[vs] = new IndexedVolume(volume, slot);
                if (vs >= _keys.Length)
                {
                    Array.Resize(ref _keys, Math.Max(_keys.Length * 2, vs + 1));
                }
                _keys[vs] = new VolumeKey(slot, party, volume.Shape);
                volumeSlots[v] = vs;
                var entry = CellEntry.For(vs, volume);
                foreach (var key in covers[v])
                {
                    if (!_cells.TryGetValue(key, out var cell))
                    {
                        _cells[key] = cell = new GridCell();
                    }
                    cell.Add(entry);
                }
            }
            _intents[slot] = new IndexedIntent(intent, volumeSlots);
            _slotById[(intent.Party, intent.Id)] = slot;
            _partyCounts[intent.Party] = _partyCounts.GetValueOrDefault(intent.Party) + 1;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Removes an intent (ended or withdrawn); false when it was not held.</summary>
    public bool Remove(string party, string intentId)
    {
        ArgumentNullException.ThrowIfNull(party);
        ArgumentNullException.ThrowIfNull(intentId);
        _lock.EnterWriteLock();
        try
        {
            return RemoveLocked(party, intentId);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>The intent of <paramref name="party"/> held under <paramref name="intentId"/>, if any.</summary>
    public OperationalIntent? Get(string party, string intentId)
    {
        _lock.EnterReadLock();
        try
        {
            return _slotById.TryGetValue((party, intentId), out var slot) ? _intents[slot]!.Intent : null;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// Conflicts of <paramref name="candidate"/> (new or changed, whether held or not) with every held intent of
    /// another party, sorted by the other intent's id (then party). <see cref="StrategicConflict.IntentId1"/> is the candidate;
    /// a conflict is blocking when the other intent's priority is equal or higher. An Ended candidate has none.
    /// <paramref name="buffersFor"/>(candidate party, other party) gives the agreement's buffers.
    /// </summary>
    public IReadOnlyList<StrategicConflict> FindConflicts(OperationalIntent candidate, Func<string, string, StrategicBuffers>? buffersFor = null)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.State == IntentState.Ended)
        {
            return [];
        }
        var volumes = candidate.Volumes.Select(v => new PreparedVolume(v)).ToArray();
        _lock.EnterReadLock();
        try
        {
            var search = new NeighbourSearch(this, buffersFor);
            var found = search.Run(candidate, volumes, otherSlotAbove: -1);
            var list = new List<StrategicConflict>(found.Count);
            for (var f = 0; f < found.Count; f++)
            {
                var o = _intents[found.Slot(f)]!.Intent;
                list.Add(ToConflict(candidate, o, found.Overlap(f), blocking: o.Priority >= candidate.Priority));
            }
            list.Sort(static (x, y) =>
            {
                var c = string.CompareOrdinal(x.IntentId2, y.IntentId2);
                return c != 0 ? c : string.CompareOrdinal(x.Party2, y.Party2);
            });
            return list;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// Every conflicting pair among the held intents, with <see cref="StrategicConflict.IntentId1"/> &lt;
    /// <see cref="StrategicConflict.IntentId2"/> (ordinal) and sorted. With no candidate to judge, a conflict is
    /// blocking when the two priorities are equal: neither may outrank the other into it. Uses every core.
    /// </summary>
    public IReadOnlyList<StrategicConflict> FindAllConflicts(Func<string, string, StrategicBuffers>? buffersFor = null, IProgress<int>? progress = null)
    {
        _lock.EnterReadLock();
        try
        {
            return new AllConflictsJob(this, buffersFor, progress, Environment.ProcessorCount).Run();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    internal SphereGrid Grid => _grid;

    /// <summary>Volumes held (for figures).</summary>
    public int VolumeCount => _volumes.Count - _freeVolumes.Count;

    /// <summary>Cells holding at least one volume (for figures).</summary>
    public int CellCount => _cells.Count;

    /// <summary>Entries over all cells: each volume appears once in every cell its cover meets (for figures).</summary>
    public long CellEntryCount => _cells.Values.Sum(c => (long)c.Count);

    internal IReadOnlyDictionary<long, GridCell> Cells => _cells;

    internal IReadOnlyList<IndexedIntent?> Intents => _intents;

    internal IReadOnlyList<IndexedVolume?> Volumes => _volumes;

    internal IEnumerable<string> Parties => _partyCounts.Keys;

    internal ReadOnlySpan<VolumeKey> Keys => _keys;

    /// <summary>The number standing for a party in <see cref="VolumeKey"/>, or -1 for one never held.</summary>
    internal int PartyIdOrNone(string party) => _partyIds.TryGetValue(party, out var id) ? id : -1;

    private int PartyId(string party)
    {
        if (!_partyIds.TryGetValue(party, out var id))
        {
            _partyIds[party] = id = _partyIds.Count;
        }
        return id;
    }

    internal void CoverOf(PreparedVolume volume, double extraM, HashSet<long> cells)
    {
        var shape = volume.Shape;
        var grow = Geometry.PreparedShape.AngleAtMost(shape.RadiusM + extraM);
        if (shape.Core == Geometry.ShapeCore.Path && shape.Points.Length > 2)
        {
            for (var i = 0; i + 1 < shape.Points.Length; i++)
            {
                var a = shape.Points[i];
                var b = shape.Points[i + 1];
                var mid = (a + b).Normalized();
                var half = Math.Max(Vec3.Angle(mid, a), Vec3.Angle(mid, b));
                _grid.Cover(mid, (half * (1 + 1e-9)) + 1e-12 + grow, cells);
            }
            return;
        }
        _grid.Cover(shape.CoreCentre, shape.CoreCapRad + grow, cells);
    }

    /// <summary>Order of intents in a pair: by id, then by party (ids are unique only per party).</summary>
    internal static bool Before(OperationalIntent a, OperationalIntent b)
    {
        var c = string.CompareOrdinal(a.Id, b.Id);
        return (c != 0 ? c : string.CompareOrdinal(a.Party, b.Party)) < 0;
    }

    internal static StrategicConflict ToConflict(OperationalIntent first, OperationalIntent second, VolumeOverlap o, bool blocking) =>
        new(first.Id, second.Id, first.Party, second.Party,
            new DateTimeOffset(o.StartTicks, TimeSpan.Zero), new DateTimeOffset(o.EndTicks, TimeSpan.Zero), o.LowerFt, o.UpperFt, blocking);

    private bool RemoveLocked(string party, string intentId)
    {
        if (!_slotById.Remove((party, intentId), out var slot))
        {
            return false;
        }
        var held = _intents[slot]!;
        var cover = new HashSet<long>();
        foreach (var vs in held.Volumes)
        {
            cover.Clear();
            var volume = _volumes[vs]!.Volume;
            CoverOf(volume, 0, cover);
            var startS = CellEntry.For(vs, volume).StartS;
            foreach (var key in cover)
            {
                var cell = _cells[key];
                cell.Remove(vs, startS);
                if (cell.Count == 0)
                {
                    _cells.Remove(key);
                }
            }
            _volumes[vs] = null;
            _freeVolumes.Push(vs);
        }
        _intents[slot] = null;
        _freeIntents.Push(slot);
        if (_partyCounts[party] == 1)
        {
            _partyCounts.Remove(party);
        }
        else
        {
            _partyCounts[party]--;
        }
        return true;
    }

    private static int Add<T>(List<T?> list)
        where T : class
    {
        list.Add(null);
        return list.Count - 1;
    }
}
