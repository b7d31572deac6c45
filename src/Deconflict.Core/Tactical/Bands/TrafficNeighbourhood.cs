namespace Deconflict.Core.Tactical.Bands;

/// <summary>
/// Which aircraft of a snapshot lie within a chord distance of each other: unit position vectors hashed
/// into cubes of that size in earth-centred space, so a query reads the 27 cubes around a point and no
/// longitude or pole is special.
/// </summary>
internal sealed class TrafficNeighbourhood
{
    private readonly double _cell;
    private readonly double[] _ux, _uy, _uz;
    private readonly int[] _order;
    private readonly Dictionary<long, (int Start, int Count)> _cells = [];

    /// <summary>Indexes the valid rows of <paramref name="snapshot"/> with cubes of <paramref name="cellChord"/> (unit sphere).</summary>
    public TrafficNeighbourhood(TrafficSnapshot snapshot, double cellChord)
    {
        _cell = cellChord;
        var n = snapshot.Count;
        _ux = new double[n];
        _uy = new double[n];
        _uz = new double[n];
        var keys = new long[n];
        var valid = new List<int>(n);
        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(snapshot.LatDeg[i]) || !double.IsFinite(snapshot.LonDeg[i]))
            {
                continue;
            }
            var (sinLat, cosLat) = Math.SinCos(snapshot.LatDeg[i] * Units.DegToRad);
            var (sinLon, cosLon) = Math.SinCos(snapshot.LonDeg[i] * Units.DegToRad);
            _ux[i] = cosLat * cosLon;
            _uy[i] = cosLat * sinLon;
            _uz[i] = sinLat;
            keys[i] = Key(Cell(_ux[i]), Cell(_uy[i]), Cell(_uz[i]));
            valid.Add(i);
        }
        _order = [.. valid.OrderBy(i => keys[i])];
        for (var s = 0; s < _order.Length;)
        {
            var e = s;
            while (e < _order.Length && keys[_order[e]] == keys[_order[s]])
            {
                e++;
            }
            _cells[keys[_order[s]]] = (s, e - s);
            s = e;
        }
    }

    /// <summary>Adds to <paramref name="into"/> every indexed aircraft within the cell chord of aircraft <paramref name="i"/> (itself excluded).</summary>
    public void Near(int i, List<int> into)
    {
        int cx = Cell(_ux[i]), cy = Cell(_uy[i]), cz = Cell(_uz[i]);
        var limit = _cell * _cell;
        for (var dx = -1; dx <= 1; dx++)
        {
            for (var dy = -1; dy <= 1; dy++)
            {
                for (var dz = -1; dz <= 1; dz++)
                {
                    if (!_cells.TryGetValue(Key(cx + dx, cy + dy, cz + dz), out var run))
                    {
                        continue;
                    }
                    for (var r = run.Start; r < run.Start + run.Count; r++)
                    {
                        var j = _order[r];
                        var ex = _ux[j] - _ux[i];
                        var ey = _uy[j] - _uy[i];
                        var ez = _uz[j] - _uz[i];
                        if (j != i && (ex * ex) + (ey * ey) + (ez * ez) <= limit)
                        {
                            into.Add(j);
                        }
                    }
                }
            }
        }
    }

    private int Cell(double u) => (int)Math.Floor(u / _cell);

    private static long Key(int x, int y, int z) => ((long)(x & 0x1FFFFF) << 42) | ((long)(y & 0x1FFFFF) << 21) | (long)(z & 0x1FFFFF);
}
