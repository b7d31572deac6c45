namespace Deconflict.Core.Tactical.Bands;

/// <summary>
/// Tactical guidance bands for aircraft of a traffic snapshot, as NASA DAIDALUS computes kinematic bands
/// (track, ground speed, vertical speed, altitude; recovery bands when every value conflicts).
/// </summary>
/// <remarks>
/// Each ownship sees every other aircraft that could come within the protected cylinder under some
/// manoeuvre within the look-ahead, not only the aircraft it is in conflict with: a turn or a speed change
/// can lead into aircraft it is not in conflict with now, up to about D + (700 kt + intruder ground speed)
/// × T away. Those are found with a neighbourhood index and kept when the intruder's straight path passes
/// within D + the ownship's reach of its position, and its altitudes over the look-ahead come within H of the
/// altitudes the ownship can reach. Everything is computed in the ownship's tangent plane on DAIDALUS's
/// sphere (<see cref="TangentFrame"/>).
/// </remarks>
public sealed class GuidanceBandsCalculator
{
    public GuidanceBandsCalculator(BandsOptions? options = null)
    {
        Options = options ?? BandsOptions.Default;
        if (Options.Problem() is { } p)
        {
            throw new ArgumentException($"{p.Name}: {p.Problem}", nameof(options));
        }
    }

    public BandsOptions Options { get; }

    /// <summary>
    /// Rows of <paramref name="snapshot"/> predicted to lose separation with another aircraft within the
    /// look-ahead, flying straight (each pair decided in the tangent plane of its earlier row), ascending.
    /// </summary>
    public int[] AircraftInConflict(TrafficSnapshot snapshot)
    {
        var minima = new SeparationMinima(Options.HorizontalNm, Options.VerticalFt, Options.LookaheadS);
        // A slightly larger cylinder finds every candidate; each is then decided exactly as the bands decide it.
        var envelope = new SeparationMinima((minima.HorizontalNm * 1.02) + 0.05, minima.VerticalFt + 10, minima.LookaheadS);
        var pairs = new List<TacticalConflict>();
        new TacticalDetector().Detect(snapshot, envelope, pairs);
        var cylinder = new Cylinder(minima.HorizontalNm * Units.NmToM, minima.VerticalFt * Units.FtToM);
        var inConflict = new SortedSet<int>();
        foreach (var pair in pairs)
        {
            var (i, j) = pair.Index1 < pair.Index2 ? (pair.Index1, pair.Index2) : (pair.Index2, pair.Index1);
            var frame = new TangentFrame(snapshot.LatDeg[i], snapshot.LonDeg[i]);
            var own = Project(frame, snapshot, i);
            var other = Project(frame, snapshot, j);
            if (cylinder.Conflict(own, other, 0, minima.LookaheadS))
            {
                inConflict.Add(i);
                inConflict.Add(j);
            }
        }
        return [.. inConflict];
    }

    /// <summary>
    /// Ownships sorted by id (ordinal); when more than <paramref name="max"/> (and max &gt; 0), every k-th of
    /// them from the first, k = ⌊n / max⌋, the first <paramref name="max"/> of those (the reference sets' rule).
    /// </summary>
    public static int[] SortAndSample(TrafficSnapshot snapshot, IEnumerable<int> ownships, int max)
    {
        var sorted = ownships.OrderBy(i => snapshot.Ids[i], StringComparer.Ordinal).ToArray();
        if (max <= 0 || sorted.Length <= max)
        {
            return sorted;
        }
        var k = sorted.Length / max;
        return [.. sorted.Where((_, n) => n % k == 0).Take(max)];
    }

    /// <summary>Bands of one ownship.</summary>
    public OwnshipBands Compute(TrafficSnapshot snapshot, int ownship) => Compute(snapshot, [ownship], 1)[0];

    /// <summary>
    /// Bands of each of <paramref name="ownships"/> (in that order), computed on up to
    /// <paramref name="parallelism"/> threads (0: one per core); <paramref name="progress"/> is told the
    /// count done after each ownship.
    /// </summary>
    public OwnshipBands[] Compute(TrafficSnapshot snapshot, IReadOnlyList<int> ownships, int parallelism = 0, IProgress<int>? progress = null)
    {
        var results = new OwnshipBands[ownships.Count];
        if (ownships.Count == 0)
        {
            return results;
        }
        var neighbourhood = NeighbourhoodOf(snapshot);
        var done = 0;
        Parallel.For(0, ownships.Count,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount },
            () => new List<int>(),
            (n, _, scratch) =>
            {
                results[n] = ComputeOne(snapshot, ownships[n], neighbourhood, scratch);
                progress?.Report(Interlocked.Increment(ref done));
                return scratch;
            },
            _ => { });
        return results;
    }

    /// <summary>Bands for an ownship given directly as a state and its traffic (the live pipeline's path).</summary>
    public OwnshipBands Compute(TrafficSnapshot snapshot, int ownship, IReadOnlyList<int> traffic)
    {
        var frame = new TangentFrame(snapshot.LatDeg[ownship], snapshot.LonDeg[ownship]);
        var own = Project(frame, snapshot, ownship);
        var intruders = new List<PlaneState>(traffic.Count);
        foreach (var j in traffic)
        {
            if (j != ownship && frame.Faces(snapshot.LatDeg[j], snapshot.LonDeg[j]))
            {
                intruders.Add(Project(frame, snapshot, j));
            }
        }
        return Solve(ownship, own, [.. intruders]);
    }

    /// <summary>Bands of one ownship with a prepared neighbourhood index (<paramref name="scratch"/> is reused).</summary>
    internal OwnshipBands ComputeOne(TrafficSnapshot snapshot, int ownship, TrafficNeighbourhood neighbourhood, List<int> scratch) =>
        Solve(ownship, SolverFor(snapshot, ownship, neighbourhood, scratch));

    /// <summary>The solver of one ownship against the traffic that could matter to it.</summary>
    internal OwnshipBandsSolver SolverFor(TrafficSnapshot snapshot, int ownship, TrafficNeighbourhood neighbourhood, List<int> scratch)
    {
        scratch.Clear();
        neighbourhood.Near(ownship, scratch);
        var frame = new TangentFrame(snapshot.LatDeg[ownship], snapshot.LonDeg[ownship]);
        var own = Project(frame, snapshot, ownship);
        var t = Options.LookaheadS;
        var reach = (Options.HorizontalNm * Units.NmToM) + (Math.Max(own.GroundSpeed, Options.MaxGroundSpeedKt * Units.KtToMps) * t);
        reach = (reach * 1.01) + 100;
        var maxVs = Math.Max(Math.Max(Math.Abs(own.Vz), Options.VerticalRateFpm * Units.FpmToMps),
            Math.Max(Math.Abs(Options.MinVerticalSpeedFpm), Math.Abs(Options.MaxVerticalSpeedFpm)) * Units.FpmToMps);
        var zLo = own.Z - (maxVs * t) - (Options.VerticalFt * Units.FtToM) - 1;
        var zHi = own.Z + (maxVs * t) + (Options.VerticalFt * Units.FtToM) + 1;
        var intruders = new List<PlaneState>();
        foreach (var j in scratch)
        {
            if (!IsUsable(snapshot, j) || !frame.Faces(snapshot.LatDeg[j], snapshot.LonDeg[j]))
            {
                continue;
            }
            var s = Project(frame, snapshot, j);
            var zEnd = s.Z + (s.Vz * t);
            if (Math.Max(s.Z, zEnd) < zLo || Math.Min(s.Z, zEnd) > zHi)
            {
                continue;
            }
            if (SegmentDistance(own, s, t) <= reach)
            {
                intruders.Add(s);
            }
        }
        return new OwnshipBandsSolver(Options, own, [.. intruders]);
    }

    /// <summary>The neighbourhood index of a snapshot, for <see cref="SolverFor"/>.</summary>
    internal TrafficNeighbourhood NeighbourhoodOf(TrafficSnapshot snapshot) => new(snapshot, ReachChord(snapshot));

    private OwnshipBands Solve(int ownship, in PlaneState own, PlaneState[] intruders) =>
        Solve(ownship, new OwnshipBandsSolver(Options, own, intruders));

    private static OwnshipBands Solve(int ownship, OwnshipBandsSolver solver)
    {
        var bands = new List<GuidanceBand>();
        var values = new double[BandKinds.All.Count];
        foreach (var kind in BandKinds.All)
        {
            bands.AddRange(solver.SolveKind(kind));
            values[(int)kind] = solver.OwnValue(kind);
        }
        return new OwnshipBands(ownship, bands, values);
    }

    // Least horizontal distance from the ownship's present position to the intruder's straight path over [0, t].
    private static double SegmentDistance(in PlaneState own, in PlaneState s, double t)
    {
        var px = s.X - own.X;
        var py = s.Y - own.Y;
        var vv = (s.Vx * s.Vx) + (s.Vy * s.Vy);
        var tc = vv > 0 ? Math.Clamp(-((px * s.Vx) + (py * s.Vy)) / vv, 0, t) : 0;
        var cx = px + (s.Vx * tc);
        var cy = py + (s.Vy * tc);
        return Math.Sqrt((cx * cx) + (cy * cy));
    }

    private double ReachChord(TrafficSnapshot snapshot)
    {
        var maxGs = 0.0;
        for (var i = 0; i < snapshot.Count; i++)
        {
            if (IsUsable(snapshot, i))
            {
                maxGs = Math.Max(maxGs, snapshot.GsKt[i]);
            }
        }
        var t = Options.LookaheadS;
        var reachM = (Options.HorizontalNm * Units.NmToM) + (Math.Max(maxGs, Options.MaxGroundSpeedKt) * Units.KtToMps * t)
            + (maxGs * Units.KtToMps * t);
        return Math.Min(2, ((reachM * 1.02) + 1000) / TangentFrame.RadiusM);
    }

    private static bool IsUsable(TrafficSnapshot s, int i) =>
        double.IsFinite(s.LatDeg[i]) && double.IsFinite(s.LonDeg[i]) && double.IsFinite(s.AltFt[i])
        && double.IsFinite(s.GsKt[i]) && double.IsFinite(s.TrkDeg[i]) && double.IsFinite(s.VsFpm[i]);

    private static PlaneState Project(in TangentFrame frame, TrafficSnapshot s, int i) =>
        frame.Project(s.LatDeg[i], s.LonDeg[i], s.AltFt[i], s.GsKt[i], s.TrkDeg[i], s.VsFpm[i]);
}
