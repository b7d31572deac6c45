using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic.Geometry;

namespace Deconflict.Core.Strategic.Indexing;

/// <summary>
/// Cells of roughly equal size over the whole sphere: rows of constant latitude, each cut into as many
/// columns as keeps cells near square (fewer towards the poles). Longitudes wrap, so shapes across the
/// antimeridian or over a pole are covered like any other.
/// </summary>
internal sealed class SphereGrid
{
    private readonly double _cellDeg;
    private readonly int _rows;
    private readonly int[] _columns;

    public SphereGrid(double cellDeg)
    {
        _cellDeg = cellDeg;
        _rows = (int)Math.Ceiling(180 / cellDeg);
        _columns = new int[_rows];
        for (var r = 0; r < _rows; r++)
        {
            var south = -90 + (r * cellDeg);
            var north = Math.Min(90, south + cellDeg);
            var nearEquator = south <= 0 && north >= 0 ? 0 : Math.Min(Math.Abs(south), Math.Abs(north));
            _columns[r] = Math.Max(1, (int)Math.Ceiling(360 / cellDeg * Math.Cos(nearEquator * Math.PI / 180)));
        }
    }

    /// <summary>Adds to <paramref name="cells"/> the key of every cell that meets the cap (centre, angular radius).</summary>
    public void Cover(Vec3 centre, double capRad, HashSet<long> cells)
    {
        var c = centre.ToGeo();
        var capDeg = capRad * (180 / Math.PI);
        var south = c.LatDeg - capDeg;
        var north = c.LatDeg + capDeg;
        var overPole = south <= -90 || north >= 90;
        var halfLon = overPole || capDeg >= 89
            ? 180
            : Math.Asin(Math.Min(1, Math.Sin(capRad) / Math.Cos(c.LatDeg * Math.PI / 180))) * (180 / Math.PI);
        var r0 = Row(Math.Max(-90, south));
        var r1 = Row(Math.Min(90, north));
        for (var r = r0; r <= r1; r++)
        {
            var n = _columns[r];
            if (halfLon >= 180 - 1e-9)
            {
                for (var col = 0; col < n; col++)
                {
                    cells.Add(Key(r, col));
                }
                continue;
            }
            var first = (int)Math.Floor((c.LonDeg - halfLon + 180) / 360 * n);
            var last = (int)Math.Floor((c.LonDeg + halfLon + 180) / 360 * n);
            if (last - first + 1 >= n)
            {
                first = 0;
                last = n - 1;
            }
            for (var col = first; col <= last; col++)
            {
                cells.Add(Key(r, ((col % n) + n) % n));
            }
        }
    }

    private int Row(double latDeg) => Math.Clamp((int)Math.Floor((latDeg + 90) / _cellDeg), 0, _rows - 1);

    private static long Key(int row, int col) => ((long)row << 32) | (uint)col;
}
