using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Deconflict.Core.Geodesy;

namespace Deconflict.Core.Tactical;

/// <summary>
/// The spatial index of tactical detection. Each aircraft's straight path over the look-ahead, as a
/// segment in earth-centred coordinates, is boxed (axis-aligned, grown by half the separation plus a bound
/// on the flat-plane approximation) together with its altitude range grown by half the vertical separation.
/// Each box is entered in every cell of a uniform grid it touches (3 earth-centred axes × altitude bands);
/// entries are radix-sorted by cell, so each cell is a run of aircraft indices. Two aircraft can only lose
/// separation if their boxes overlap, and then they share the cell holding the lowest corner of the
/// overlap, which is where the pair is examined (exactly once).
/// </summary>
/// <remarks>
/// <para>Working in earth-centred coordinates makes the antimeridian and the poles ordinary places. The cost
/// is linear in the number of aircraft at a given density: each aircraft touches a bounded number of cells,
/// and each cell holds the aircraft of a bounded area.</para>
/// <para>Why the growth bound holds: for a pair, the tangent-plane relative position differs from the
/// difference of the two straight 3-D paths (on a sphere of radius <see cref="BoxRadiusM"/>) by the radius
/// mismatch (under 0.46 % of the initial separation) and by the out-of-plane drift of the two paths, whose
/// rate is (Vi + Vj)·Δp / (|ui + uj| R). Near a loss of separation Δp ≈ -ΔV t, so that rate is bounded by
/// (|si² - sj²| T + (si + sj)(D + mismatch)) / (1.9 R). Each aircraft's box takes its own share.</para>
/// </remarks>
internal sealed class TrafficGrid
{
    public const double BoxRadiusM = 6_371_000;
    private const double Origin = -6_500_000;
    private const int SpatialBits = 9;
    private const int SpatialCells = 1 << SpatialBits;
    private const double MinCellM = 2 * -Origin / SpatialCells + 1;
    private const int AltBits = 5;
    private const int AltCells = 1 << AltBits;
    private const double AltOriginFt = -3000;
    private const double MinAltCellFt = 4500;
    /// <summary>Cell edge as a multiple of a typical box (separation plus the distance flown at mean speed).</summary>
    private const double CellScale = 1.3;
    /// <summary>An aircraft whose box touches more cells than this (absurd speed or look-ahead) is paired with every other aircraft instead.</summary>
    public const int MaxCellsPerAircraft = 2048;
    // Largest relative gap between the WGS-84 radii of curvature (or DAIDALUS's sphere) and BoxRadiusM.
    private const double RadiusGap = 0.0046;
    private const double MinRadiusM = 6_335_439;

    public const byte FlagInvalid = 1;
    public const byte FlagWide = 2;

    public AircraftState[] States = [];
    public ReachBox[] Boxes = [];
    /// <summary>Per aircraft: 0 normal, <see cref="FlagInvalid"/>, or <see cref="FlagWide"/> (paired with everyone, in no cell).</summary>
    public byte[] Flags = [];
    /// <summary>Cells touched per aircraft, then (after <see cref="BuildOffsets"/>) the first entry of each.</summary>
    public int[] Offsets = [];
    /// <summary>Cell entries, (key &lt;&lt; 32 | aircraft index); sorted by key after <see cref="SortIntoRuns"/>.</summary>
    public ulong[] Entries = [];
    /// <summary>The radix sort's second buffer; afterwards it holds the run starts (as ints).</summary>
    private ulong[] _scratch = [];
    private readonly int[] _radixCounts = new int[2048];
    public int[] Wide = [];

    public int Count { get; private set; }
    public int EntryCount { get; private set; }
    public int RunCount { get; private set; }
    public int WideCount { get; private set; }

    private double _halfD, _halfH, _lookahead, _maxSpeed, _invCell, _invAltCell;

    /// <summary>Start of each cell's run of entries (RunCount + 1 values), valid after <see cref="SortIntoRuns"/>.</summary>
    public Span<int> RunStarts => MemoryMarshal.Cast<ulong, int>(_scratch.AsSpan());

    /// <summary>Bytes held by the index arrays (what a pass needs beyond the snapshot itself).</summary>
    public long FootprintBytes =>
        States.LongLength * Unsafe.SizeOf<AircraftState>() + Boxes.LongLength * Unsafe.SizeOf<ReachBox>() + Flags.LongLength
        + Offsets.LongLength * 4 + (Entries.LongLength + _scratch.LongLength) * 8 + (Wide.LongLength + _radixCounts.LongLength) * 4;

    /// <summary>Sizes the arrays and chooses the cell size for this snapshot and envelope (serial, O(N)).</summary>
    public void Begin(TrafficSnapshot snapshot, SeparationMinima envelope)
    {
        Count = snapshot.Count;
        EnsureAircraftCapacity(Count);
        _halfD = envelope.HorizontalNm * Wgs84.MetresPerNauticalMile / 2;
        _halfH = envelope.VerticalFt / 2;
        _lookahead = envelope.LookaheadS;

        double max = 0, sum = 0;
        var n = 0;
        foreach (var g in snapshot.GsKt.AsSpan(0, Count))
        {
            var s = Math.Abs(g);
            if (double.IsFinite(s))
            {
                max = Math.Max(max, s);
                sum += s;
                n++;
            }
        }
        _maxSpeed = max * Wgs84.MetresPerSecondPerKnot;
        var meanSpeed = n > 0 ? sum / n * Wgs84.MetresPerSecondPerKnot : 0;
        _invCell = 1 / Math.Max(MinCellM, CellScale * (2 * _halfD + meanSpeed * _lookahead));
        _invAltCell = 1 / Math.Max(MinAltCellFt, 9 * _halfH);
    }

    /// <summary>Derives state and box for aircraft [start, end) and counts the cells each touches.</summary>
    public void Prepare(TrafficSnapshot s, int start, int end)
    {
        var t = _lookahead;
        var planeGrowth = _halfD * 2 + RadiusGap * 1.01 * (2 * _halfD + 2 * _maxSpeed * t);
        for (var i = start; i < end; i++)
        {
            double lat = s.LatDeg[i], lon = s.LonDeg[i], alt = s.AltFt[i], gs = s.GsKt[i], trk = s.TrkDeg[i], vs = s.VsFpm[i];
            if (!(double.IsFinite(lat) && double.IsFinite(lon) && double.IsFinite(alt) && double.IsFinite(gs)
                && double.IsFinite(trk) && double.IsFinite(vs) && Math.Abs(lat) <= 90))
            {
                Offsets[i] = 0;
                Flags[i] = FlagInvalid;
                continue;
            }
            ref var state = ref States[i];
            state = Derive(lat, lon, alt, gs, trk, vs);
            double ux = state.Ux, uy = state.Uy, uz = state.Uz, vx = state.Vx, vy = state.Vy, vz = state.Vz;
            var speed = gs * Wgs84.MetresPerSecondPerKnot;
            var rate = (double)state.AltRate;

            var reach = Math.Abs(speed) * t;
            var slack = RadiusGap * 1.01 * (_halfD + reach) + (reach * reach + reach * planeGrowth) / (1.9 * MinRadiusM) + 2;
            var r = _halfD + slack;
            double px = BoxRadiusM * ux, py = BoxRadiusM * uy, pz = BoxRadiusM * uz;
            double qx = px + vx * t, qy = py + vy * t, qz = pz + vz * t;
            ref var box = ref Boxes[i];
            box.X0 = (float)(Math.Min(px, qx) - r);
            box.X1 = (float)(Math.Max(px, qx) + r);
            box.Y0 = (float)(Math.Min(py, qy) - r);
            box.Y1 = (float)(Math.Max(py, qy) + r);
            box.Z0 = (float)(Math.Min(pz, qz) - r);
            box.Z1 = (float)(Math.Max(pz, qz) + r);
            var a2 = alt + rate * t;
            box.A0 = (float)(Math.Min(alt, a2) - _halfH - 1);
            box.A1 = (float)(Math.Max(alt, a2) + _halfH + 1);

            var cells = (long)(Cell(box.X1) - Cell(box.X0) + 1) * (Cell(box.Y1) - Cell(box.Y0) + 1)
                * (Cell(box.Z1) - Cell(box.Z0) + 1) * (CellA(box.A1) - CellA(box.A0) + 1);
            var wide = cells > MaxCellsPerAircraft;
            Offsets[i] = wide ? 0 : (int)cells;
            Flags[i] = wide ? FlagWide : (byte)0;
        }
    }

    /// <summary>The state the pair test uses, from one row of a snapshot.</summary>
    public static AircraftState Derive(double lat, double lon, double alt, double gs, double trk, double vs)
    {
        const double rad = Math.PI / 180;
        var (sl, cl) = Math.SinCos(lat * rad);
        var (so, co) = Math.SinCos(lon * rad);
        var (st, ct) = Math.SinCos(trk * rad);
        var speed = gs * Wgs84.MetresPerSecondPerKnot;
        double ve = speed * st, vn = speed * ct;
        // east = (-sin lon, cos lon, 0); north = (-sin lat cos lon, -sin lat sin lon, cos lat)
        return new AircraftState
        {
            Ux = cl * co,
            Uy = cl * so,
            Uz = sl,
            Vx = (float)(-ve * so - vn * sl * co),
            Vy = (float)(ve * co - vn * sl * so),
            Vz = (float)(vn * cl),
            Alt = (float)alt,
            AltRate = (float)(vs / 60.0),
        };
    }

    /// <summary>Turns cell counts into entry offsets, lists wide aircraft and sizes the entry arrays (serial).</summary>
    public void BuildOffsets()
    {
        long total = 0;
        var wide = 0;
        for (var i = 0; i < Count; i++)
        {
            var c = Offsets[i];
            if (Flags[i] == FlagWide)
            {
                if (wide == Wide.Length)
                {
                    Array.Resize(ref Wide, Math.Max(16, wide * 2));
                }
                Wide[wide++] = i;
            }
            Offsets[i] = (int)total;
            total += c;
        }
        if (total > Array.MaxLength / 2)
        {
            throw new InvalidOperationException("Traffic snapshot too large for one detection pass.");
        }
        Offsets[Count] = (int)total;
        WideCount = wide;
        EntryCount = (int)total;
        if (Entries.Length < EntryCount + 1)
        {
            var cap = Math.Max(EntryCount + 1, Entries.Length + Entries.Length / 4);
            Entries = new ulong[cap];
            _scratch = new ulong[cap];
        }
    }

    /// <summary>Writes the cell entries of aircraft [start, end).</summary>
    public void Fill(int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var o = Offsets[i];
            if (Offsets[i + 1] == o)
            {
                continue;
            }
            ref var b = ref Boxes[i];
            int x0 = Cell(b.X0), x1 = Cell(b.X1), y0 = Cell(b.Y0), y1 = Cell(b.Y1);
            int z0 = Cell(b.Z0), z1 = Cell(b.Z1), a0 = CellA(b.A0), a1 = CellA(b.A1);
            for (var x = x0; x <= x1; x++)
            {
                for (var y = y0; y <= y1; y++)
                {
                    for (var z = z0; z <= z1; z++)
                    {
                        for (var a = a0; a <= a1; a++)
                        {
                            Entries[o++] = ((ulong)Key(x, y, z, a) << 32) | (uint)i;
                        }
                    }
                }
            }
        }
    }

    /// <summary>Sorts the entries by cell and records where each cell's run starts (serial).</summary>
    public void SortIntoRuns()
    {
        var n = EntryCount;
        CellKeySort.Sort(Entries.AsSpan(0, n), _scratch.AsSpan(0, n), _radixCounts);
        var starts = RunStarts;
        var runs = 0;
        var previous = ulong.MaxValue;
        for (var e = 0; e < n; e++)
        {
            var key = Entries[e] >> 32;
            if (key != previous)
            {
                starts[runs++] = e;
                previous = key;
            }
        }
        starts[runs] = n;
        RunCount = runs;
    }

    /// <summary>True when boxes a and b overlap and the lowest corner of the overlap lies in cell <paramref name="key"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool OverlapsIn(ref ReachBox a, ref ReachBox b, uint key)
    {
        // Plain comparisons (boxes hold no NaN): cheaper than Math.Max/Min, which honour NaN and -0.
        if (a.A0 > b.A1 || b.A0 > a.A1 || a.X0 > b.X1 || b.X0 > a.X1 || a.Y0 > b.Y1 || b.Y0 > a.Y1 || a.Z0 > b.Z1 || b.Z0 > a.Z1)
        {
            return false;
        }
        var x0 = a.X0 > b.X0 ? a.X0 : b.X0;
        var y0 = a.Y0 > b.Y0 ? a.Y0 : b.Y0;
        var z0 = a.Z0 > b.Z0 ? a.Z0 : b.Z0;
        var a0 = a.A0 > b.A0 ? a.A0 : b.A0;
        return Key(Cell(x0), Cell(y0), Cell(z0), CellA(a0)) == key;
    }

    /// <summary>True when the boxes of i and j overlap (used for wide aircraft, which are in no cell).</summary>
    public bool Overlaps(int i, int j)
    {
        ref var a = ref Boxes[i];
        ref var b = ref Boxes[j];
        return Math.Max(a.X0, b.X0) <= Math.Min(a.X1, b.X1) && Math.Max(a.Y0, b.Y0) <= Math.Min(a.Y1, b.Y1)
            && Math.Max(a.Z0, b.Z0) <= Math.Min(a.Z1, b.Z1) && Math.Max(a.A0, b.A0) <= Math.Min(a.A1, b.A1);
    }

    /// <summary>False for rows the detector ignores (non-finite or out-of-range values).</summary>
    public bool IsValid(int i) => Flags[i] != FlagInvalid;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Cell(float v) => Math.Clamp((int)((v - Origin) * _invCell), 0, SpatialCells - 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int CellA(float v) => Math.Clamp((int)((v - AltOriginFt) * _invAltCell), 0, AltCells - 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Key(int x, int y, int z, int a) =>
        ((uint)x << (2 * SpatialBits + AltBits)) | ((uint)y << (SpatialBits + AltBits)) | ((uint)z << AltBits) | (uint)a;

    private void EnsureAircraftCapacity(int n)
    {
        if (States.Length >= n && Offsets.Length > n)
        {
            return;
        }
        var cap = Math.Max(n, States.Length + States.Length / 4);
        States = new AircraftState[cap];
        Boxes = new ReachBox[cap];
        Flags = new byte[cap];
        Offsets = new int[cap + 1];
    }
}
