using System.Runtime.CompilerServices;
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
/// Working in earth-centred coordinates makes the antimeridian and the poles ordinary places. The cost is
/// linear in the number of aircraft at a given density: each aircraft touches a bounded number of cells,
/// and each cell holds the aircraft of a bounded area.
/// </remarks>
internal sealed class TrafficGrid
{
    public const double BoxRadiusM = 6_371_000;
    private const double Origin = -6_500_000;
    private const int SpatialBits = 9;
    private const int SpatialCells = 1 << SpatialBits;
    private const double MinCellM = 2 * -Origin / SpatialCells + 1;
    private const int AltCells = 32;
    private const double AltOriginFt = -3000;
    private const double MinAltCellFt = 3000;
    /// <summary>An aircraft whose box touches more cells than this (absurd speed or look-ahead) is paired with every other aircraft instead.</summary>
    public const int MaxCellsPerAircraft = 2048;
    // Largest relative gap between the WGS-84 radii of curvature (anywhere) and BoxRadiusM.
    private const double RadiusGap = 0.0046;
    private const double MinRadiusM = 6_335_439;

    // Derived state per aircraft: unit position vector, earth-centred velocity (m/s), altitude (ft), vertical speed (ft/s).
    public double[] Ux = [], Uy = [], Uz = [];
    public float[] Vx = [], Vy = [], Vz = [], Alt = [], AltRate = [];
    // Boxes: earth-centred metres (radius BoxRadiusM) and feet.
    public float[] X0 = [], X1 = [], Y0 = [], Y1 = [], Z0 = [], Z1 = [], A0 = [], A1 = [];
    /// <summary>Cells touched per aircraft, then (after <see cref="BuildOffsets"/>) the first entry of each.</summary>
    public int[] Offsets = [];
    /// <summary>Per aircraft: 0 normal, <see cref="FlagInvalid"/>, or <see cref="FlagWide"/> (paired with everyone, in no cell).</summary>
    public byte[] Flags = [];
    public const byte FlagInvalid = 1;
    public const byte FlagWide = 2;
    public uint[] Keys = [], KeysTmp = [];
    public int[] Items = [], ItemsTmp = [];
    public int[] RunStarts = [];
    private readonly int[] _radixCounts = new int[CellKeySort.Buckets];
    public int[] Wide = [];

    public int Count { get; private set; }
    public int EntryCount { get; private set; }
    public int RunCount { get; private set; }
    public int WideCount { get; private set; }

    private double _halfD, _halfH, _lookahead, _maxSpeed, _invCell, _invAltCell;

    /// <summary>Bytes held by the index arrays (what a pass needs beyond the snapshot itself).</summary>
    public long FootprintBytes =>
        (Ux.LongLength + Uy.LongLength + Uz.LongLength) * 8
        + (Vx.LongLength + Vy.LongLength + Vz.LongLength + Alt.LongLength + AltRate.LongLength) * 4
        + (X0.LongLength + X1.LongLength + Y0.LongLength + Y1.LongLength + Z0.LongLength + Z1.LongLength + A0.LongLength + A1.LongLength) * 4
        + Flags.LongLength + (Offsets.LongLength + Items.LongLength + ItemsTmp.LongLength + RunStarts.LongLength + Wide.LongLength + _radixCounts.LongLength) * 4
        + (Keys.LongLength + KeysTmp.LongLength) * 4;

    /// <summary>Sizes the arrays and chooses the cell size for this snapshot and envelope (serial, O(N)).</summary>
    public void Begin(TrafficSnapshot snapshot, SeparationMinima envelope)
    {
        Count = snapshot.Count;
        EnsureAircraftCapacity(Count);
        _halfD = envelope.HorizontalNm * Wgs84.MetresPerNauticalMile / 2;
        _halfH = envelope.VerticalFt / 2;
        _lookahead = envelope.LookaheadS;

        var gs = snapshot.GsKt.AsSpan(0, Count);
        double max = 0, sum = 0;
        var n = 0;
        foreach (var g in gs)
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
        // A cell about the size of a typical box: each box then touches about 2 cells per axis.
        var cell = Math.Max(MinCellM, 2 * _halfD + meanSpeed * _lookahead);
        _invCell = 1 / cell;
        _invAltCell = 1 / Math.Max(MinAltCellFt, 6 * _halfH);
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
            var u = LocalTangentPlane.UnitVector(lat, lon);
            var speed = gs * Wgs84.MetresPerSecondPerKnot;
            var v = LocalTangentPlane.VelocityVector(lat, lon, speed, trk);
            var rate = vs / 60.0;
            Ux[i] = u.X;
            Uy[i] = u.Y;
            Uz[i] = u.Z;
            Vx[i] = (float)v.X;
            Vy[i] = (float)v.Y;
            Vz[i] = (float)v.Z;
            Alt[i] = (float)alt;
            AltRate[i] = (float)rate;

            // Growth: half the separation, the flat-plane scale error and the drift between straight
            // tangent paths and the plane (see the remarks of TacticalDetector), plus float rounding.
            var st = Math.Abs(speed) * t;
            var slack = RadiusGap * 1.01 * (_halfD + st) + (st * st + st * planeGrowth) / (1.9 * MinRadiusM) + 2;
            var r = _halfD + slack;
            double px = BoxRadiusM * u.X, py = BoxRadiusM * u.Y, pz = BoxRadiusM * u.Z;
            double qx = px + v.X * t, qy = py + v.Y * t, qz = pz + v.Z * t;
            X0[i] = (float)(Math.Min(px, qx) - r);
            X1[i] = (float)(Math.Max(px, qx) + r);
            Y0[i] = (float)(Math.Min(py, qy) - r);
            Y1[i] = (float)(Math.Max(py, qy) + r);
            Z0[i] = (float)(Math.Min(pz, qz) - r);
            Z1[i] = (float)(Math.Max(pz, qz) + r);
            var a2 = alt + rate * t;
            A0[i] = (float)(Math.Min(alt, a2) - _halfH - 1);
            A1[i] = (float)(Math.Max(alt, a2) + _halfH + 1);

            long cells = (long)(CellX(X1[i]) - CellX(X0[i]) + 1) * (CellX(Y1[i]) - CellX(Y0[i]) + 1)
                * (CellX(Z1[i]) - CellX(Z0[i]) + 1) * (CellA(A1[i]) - CellA(A0[i]) + 1);
            var wide = cells > MaxCellsPerAircraft;
            Offsets[i] = wide ? 0 : (int)cells;
            Flags[i] = wide ? FlagWide : (byte)0;
        }
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
        if (total > int.MaxValue / 2)
        {
            throw new InvalidOperationException("Traffic snapshot too large for one detection pass.");
        }
        Offsets[Count] = (int)total;
        WideCount = wide;
        EntryCount = (int)total;
        if (Keys.Length < EntryCount)
        {
            var cap = Math.Max(EntryCount, Keys.Length + Keys.Length / 2);
            Keys = new uint[cap];
            KeysTmp = new uint[cap];
            Items = new int[cap];
            ItemsTmp = new int[cap];
            RunStarts = new int[cap + 1];
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
            int x0 = CellX(X0[i]), x1 = CellX(X1[i]), y0 = CellX(Y0[i]), y1 = CellX(Y1[i]);
            int z0 = CellX(Z0[i]), z1 = CellX(Z1[i]), a0 = CellA(A0[i]), a1 = CellA(A1[i]);
            for (var x = x0; x <= x1; x++)
            {
                for (var y = y0; y <= y1; y++)
                {
                    for (var z = z0; z <= z1; z++)
                    {
                        for (var a = a0; a <= a1; a++)
                        {
                            Keys[o] = Key(x, y, z, a);
                            Items[o++] = i;
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
        CellKeySort.Sort(Keys.AsSpan(0, n), Items.AsSpan(0, n), KeysTmp.AsSpan(0, n), ItemsTmp.AsSpan(0, n), _radixCounts);
        var runs = 0;
        for (var e = 0; e < n; e++)
        {
            if (e == 0 || Keys[e] != Keys[e - 1])
            {
                RunStarts[runs++] = e;
            }
        }
        RunStarts[runs] = n;
        RunCount = runs;
    }

    /// <summary>True when the boxes of i and j overlap and the lowest corner of the overlap lies in cell <paramref name="key"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool OverlapsIn(int i, int j, uint key)
    {
        var x0 = Math.Max(X0[i], X0[j]);
        var y0 = Math.Max(Y0[i], Y0[j]);
        var z0 = Math.Max(Z0[i], Z0[j]);
        var a0 = Math.Max(A0[i], A0[j]);
        return x0 <= Math.Min(X1[i], X1[j]) && y0 <= Math.Min(Y1[i], Y1[j]) && z0 <= Math.Min(Z1[i], Z1[j])
            && a0 <= Math.Min(A1[i], A1[j])
            && Key(CellX(x0), CellX(y0), CellX(z0), CellA(a0)) == key;
    }

    /// <summary>True when the boxes of i and j overlap (used for wide aircraft, which are in no cell).</summary>
    public bool Overlaps(int i, int j) =>
        Math.Max(X0[i], X0[j]) <= Math.Min(X1[i], X1[j]) && Math.Max(Y0[i], Y0[j]) <= Math.Min(Y1[i], Y1[j])
        && Math.Max(Z0[i], Z0[j]) <= Math.Min(Z1[i], Z1[j]) && Math.Max(A0[i], A0[j]) <= Math.Min(A1[i], A1[j]);

    /// <summary>False for rows the detector ignores (non-finite or out-of-range values).</summary>
    public bool IsValid(int i) => Flags[i] != FlagInvalid;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int CellX(float v) => Math.Clamp((int)((v - Origin) * _invCell), 0, SpatialCells - 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int CellA(float v) => Math.Clamp((int)((v - AltOriginFt) * _invAltCell), 0, AltCells - 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Key(int x, int y, int z, int a) =>
        ((uint)x << (2 * SpatialBits + 5)) | ((uint)y << (SpatialBits + 5)) | ((uint)z << 5) | (uint)a;

    private void EnsureAircraftCapacity(int n)
    {
        if (Ux.Length >= n && Offsets.Length > n)
        {
            return;
        }
        var cap = Math.Max(n, Ux.Length + Ux.Length / 2);
        Ux = new double[cap];
        Uy = new double[cap];
        Uz = new double[cap];
        Vx = new float[cap];
        Vy = new float[cap];
        Vz = new float[cap];
        Alt = new float[cap];
        AltRate = new float[cap];
        X0 = new float[cap];
        X1 = new float[cap];
        Y0 = new float[cap];
        Y1 = new float[cap];
        Z0 = new float[cap];
        Z1 = new float[cap];
        A0 = new float[cap];
        A1 = new float[cap];
        Offsets = new int[cap + 1];
        Flags = new byte[cap];
    }
}
