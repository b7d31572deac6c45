using Deconflict.Core.Geodesy;

namespace Deconflict.Core.Tactical;

/// <summary>
/// Tactical conflict detection over a whole traffic snapshot: every pair of aircraft that, flying straight
/// at constant velocity, comes closer than D horizontally and H vertically at the same time within
/// [0, T] (DAIDALUS CD3D on a cylinder). Results are sorted by (Index1, Index2) and identical whatever the
/// number of threads.
/// </summary>
/// <remarks>
/// <para>Earth model: each pair is placed in the tangent plane at its midpoint with the WGS-84 radii of
/// curvature there, and both velocity vectors are rotated into that one frame (see
/// <see cref="LocalTangentPlane"/>); positions and velocities go through earth-centred unit vectors, so
/// the antimeridian and the poles need no special case.</para>
/// <para>Pairs are not compared naively: a uniform grid over earth-centred coordinates and altitude
/// (<see cref="TrafficGrid"/>) holds the box each aircraft can reach within T, grown by half the
/// separation and by a proven bound on the gap between those straight 3-D paths and the tangent-plane
/// model, so the grid never drops a pair the exact test would report. The cost grows linearly with the
/// number of aircraft at a given density.</para>
/// <para>The hot loop works on flat arrays, allocates nothing once the buffers have grown, and runs on
/// every core through a fork/join that reuses its work items. An instance is not thread-safe: use one
/// per thread, and keep it to reuse its buffers.</para>
/// </remarks>
public sealed class TacticalDetector : IParallelJob
{
    private const int AircraftChunk = 2048;

    private readonly TrafficGrid _grid = new();
    private readonly ParallelRunner _runner = ParallelRunner.Shared;
    private readonly int _workers;
    private readonly ConflictBuffer[] _workerResults;
    private readonly ConflictBuffer _merged = new(64);
    private readonly long[] _workerCandidates;

    private TrafficSnapshot? _snapshot;
    private SeparationMinima _envelope;
    private Func<int, int, SeparationMinima?>? _minimaFor;
    private Phase _phase;
    private int _nextChunk;
    private int _chunks;
    private int _runsPerChunk;
    private int _lastConflicts;

    private enum Phase { Prepare, Fill, Pairs }

    /// <param name="workerCount">Threads to use (the calling one included); defaults to the processor count.</param>
    public TacticalDetector(int workerCount = 0)
    {
        _workers = Math.Clamp(workerCount > 0 ? workerCount : Environment.ProcessorCount, 1, _runner.MaxWorkers);
        _workerResults = new ConflictBuffer[_workers];
        for (var i = 0; i < _workerResults.Length; i++)
        {
            _workerResults[i] = new ConflictBuffer(64);
        }
        _workerCandidates = new long[_workers * 16];
    }

    /// <summary>Radius used to flatten the Earth for each pair; <see cref="EarthModel.DaidalusSphere"/> unless set.</summary>
    public EarthModel EarthModel { get; set; } = EarthModel.DaidalusSphere;

    /// <summary>Pairs whose reachable boxes overlapped in the last pass (and so were tested exactly).</summary>
    public long LastCandidatePairs { get; private set; }

    /// <summary>Bytes held by the detector after the last pass: index arrays and per-thread result buffers.</summary>
    public long FootprintBytes
    {
        get
        {
            var bytes = _grid.FootprintBytes + _merged.FootprintBytes;
            foreach (var buffer in _workerResults)
            {
                bytes += buffer.FootprintBytes;
            }
            return bytes;
        }
    }

    /// <summary>Detects every conflict in <paramref name="snapshot"/> under one set of minima; clears and fills <paramref name="results"/>.</summary>
    public void Detect(TrafficSnapshot snapshot, SeparationMinima minima, List<TacticalConflict> results) =>
        RunIntoList(snapshot, minima, null, results);

    /// <summary>
    /// Detects every conflict in <paramref name="snapshot"/> under one set of minima; clears and fills
    /// <paramref name="results"/> without the copy into a list (the cold one-shot path).
    /// </summary>
    public void Detect(TrafficSnapshot snapshot, SeparationMinima minima, ConflictBuffer results)
    {
        ArgumentNullException.ThrowIfNull(results);
        Run(snapshot, minima, null, results);
    }

    /// <summary>
    /// Detects conflicts with minima chosen per pair: <paramref name="minimaFor"/>(i, j) (i &lt; j) returns the
    /// minima for that pair, or null to skip it (for example two aircraft of the same party). It is called
    /// from several threads at once, only for pairs that could conflict under <paramref name="envelope"/>, which
    /// must contain every minima it returns (largest distance, height and look-ahead): the grid is built for it.
    /// </summary>
    public void Detect(TrafficSnapshot snapshot, SeparationMinima envelope, Func<int, int, SeparationMinima?> minimaFor,
        List<TacticalConflict> results)
    {
        ArgumentNullException.ThrowIfNull(minimaFor);
        RunIntoList(snapshot, envelope, minimaFor, results);
    }

    /// <summary>A list is cleared first (so a failed pass leaves it empty) and filled from the detector's own buffer.</summary>
    private void RunIntoList(TrafficSnapshot snapshot, SeparationMinima envelope, Func<int, int, SeparationMinima?>? minimaFor,
        List<TacticalConflict> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        results.Clear();
        Run(snapshot, envelope, minimaFor, _merged);
        _merged.CopyTo(results);
    }

    private void Run(TrafficSnapshot snapshot, SeparationMinima envelope, Func<int, int, SeparationMinima?>? minimaFor,
        ConflictBuffer results)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!envelope.IsValid)
        {
            throw new ArgumentOutOfRangeException(nameof(envelope), envelope, "Separation minima must be finite and positive.");
        }
        results.Clear();
        _snapshot = snapshot;
        _envelope = envelope;
        _minimaFor = minimaFor;
        foreach (var buffer in _workerResults)
        {
            // Any worker may find all of them next time: room for the last total keeps a steady pass allocation-free.
            buffer.Clear();
            buffer.EnsureCapacity(_lastConflicts);
        }
        Array.Clear(_workerCandidates);
        try
        {
            var n = snapshot.Count;
            _grid.Begin(snapshot, envelope);
            RunPhase(Phase.Prepare, (n + AircraftChunk - 1) / AircraftChunk);
            _grid.BuildOffsets();
            RunPhase(Phase.Fill, (n + AircraftChunk - 1) / AircraftChunk);
            _grid.SortIntoRuns();
            var runs = _grid.RunCount;
            _runsPerChunk = Math.Max(1, runs / (_workers * 32));
            RunPhase(Phase.Pairs, (runs + _runsPerChunk - 1) / _runsPerChunk);
            PairWideAircraft();

            long candidates = 0;
            for (var w = 0; w < _workers; w++)
            {
                candidates += _workerCandidates[w * 16];
                results.AddRange(_workerResults[w]);
            }
            LastCandidatePairs = candidates;
            _lastConflicts = results.Count;
            results.Sort();
        }
        finally
        {
            _snapshot = null;
            _minimaFor = null;
        }
    }

    private void RunPhase(Phase phase, int chunks)
    {
        if (chunks == 0)
        {
            return;
        }
        _phase = phase;
        _chunks = chunks;
        _nextChunk = 0;
        _runner.Run(this, _workers);
    }

    void IParallelJob.Run(int worker)
    {
        var snapshot = _snapshot!;
        var n = snapshot.Count;
        int chunk;
        while ((chunk = Interlocked.Increment(ref _nextChunk) - 1) < _chunks)
        {
            switch (_phase)
            {
                case Phase.Prepare:
                    _grid.Prepare(snapshot, chunk * AircraftChunk, Math.Min(n, (chunk + 1) * AircraftChunk));
                    break;
                case Phase.Fill:
                    _grid.Fill(chunk * AircraftChunk, Math.Min(n, (chunk + 1) * AircraftChunk));
                    break;
                default:
                    PairRuns(worker, chunk * _runsPerChunk, Math.Min(_grid.RunCount, (chunk + 1) * _runsPerChunk));
                    break;
            }
        }
    }

    private void PairRuns(int worker, int firstRun, int endRun)
    {
        var g = _grid;
        var entries = g.Entries;
        var boxes = g.Boxes;
        var starts = g.RunStarts;
        var results = _workerResults[worker];
        long candidates = 0;
        for (var r = firstRun; r < endRun; r++)
        {
            int s = starts[r], e = starts[r + 1];
            var key = (uint)(entries[s] >> 32);
            for (var a = s; a < e - 1; a++)
            {
                var i = (int)(uint)entries[a];
                ref var boxI = ref boxes[i];
                for (var b = a + 1; b < e; b++)
                {
                    var j = (int)(uint)entries[b];
                    if (g.OverlapsIn(ref boxI, ref boxes[j], key))
                    {
                        candidates++;
                        TestPair(i, j, results);
                    }
                }
            }
        }
        _workerCandidates[worker * 16] += candidates;
    }

    /// <summary>Wide aircraft (boxes too large for the grid) are tested against every other aircraft.</summary>
    private void PairWideAircraft()
    {
        var g = _grid;
        var results = _workerResults[0];
        long candidates = 0;
        for (var k = 0; k < g.WideCount; k++)
        {
            var w = g.Wide[k];
            for (var other = 0; other < g.Count; other++)
            {
                if (other == w || !g.IsValid(other) || (g.Flags[other] == TrafficGrid.FlagWide && other < w) || !g.Overlaps(w, other))
                {
                    continue;
                }
                candidates++;
                TestPair(Math.Min(w, other), Math.Max(w, other), results);
            }
        }
        _workerCandidates[0] += candidates;
    }

    private void TestPair(int i, int j, ConflictBuffer results)
    {
        var minima = _envelope;
        if (_minimaFor is { } minimaFor)
        {
            if (minimaFor(i, j) is not { } pairMinima)
            {
                return;
            }
            if (!pairMinima.FitsWithin(_envelope) || !pairMinima.IsValid)
            {
                throw new InvalidOperationException($"Minima {pairMinima} for pair ({i}, {j}) exceed the envelope {_envelope} or are invalid.");
            }
            minima = pairMinima;
        }
        ref var a = ref _grid.States[i];
        ref var b = ref _grid.States[j];
        if (CylinderPrediction.TryPredict(
            a.Ux, a.Uy, a.Uz, b.Ux, b.Uy, b.Uz,
            a.Vx, a.Vy, a.Vz, b.Vx, b.Vy, b.Vz,
            a.Alt, b.Alt, a.AltRate, b.AltRate,
            minima.HorizontalNm * Wgs84.MetresPerNauticalMile, minima.VerticalFt, minima.LookaheadS, EarthModel == EarthModel.Wgs84Midpoint,
            out var tIn, out var tOut, out var tCpa, out var hCpaM, out var vCpaFt))
        {
            results.Add(new TacticalConflict(i, j, tIn, tOut, tCpa, hCpaM / Wgs84.MetresPerNauticalMile, vCpaFt));
        }
    }
}
