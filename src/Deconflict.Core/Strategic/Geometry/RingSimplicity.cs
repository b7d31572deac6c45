namespace Deconflict.Core.Strategic.Geometry;

/// <summary>
/// Whether a planar ring (interleaved x, y; first vertex not repeated) crosses or touches itself anywhere but at
/// the shared vertex of consecutive edges, including consecutive edges folding back along each other.
/// A Shamos–Hoey sweep: vertices are visited in (x, y) order, edges enter and leave a status ordered bottom to top,
/// and only edges that become neighbours in it are compared. The first contact of two edges, in sweep order, is
/// always between neighbours, so the sweep finds one whenever there is any, in O(n log n). Orientation signs are
/// exact (<see cref="ExactOrientation"/>), which keeps the status order consistent on degenerate input.
/// </summary>
internal sealed class RingSimplicity
{
    private readonly double[] _xy;
    private readonly int _n;
    private readonly int[] _low;
    private readonly int[] _high;

    private RingSimplicity(ReadOnlySpan<double> xy)
    {
        _xy = xy.ToArray();
        _n = xy.Length / 2;
        _low = new int[_n];
        _high = new int[_n];
        for (var e = 0; e < _n; e++)
        {
            var (a, b) = (e, (e + 1) % _n);
            (_low[e], _high[e]) = Lexicographic(a, b) <= 0 ? (a, b) : (b, a);
        }
    }

    /// <summary>A point where the ring is not simple, or null when it is.</summary>
    public static (double X, double Y)? FindSelfIntersection(ReadOnlySpan<double> xy) =>
        xy.Length < 6 ? null : new RingSimplicity(xy).Sweep();

    private (double X, double Y)? Sweep()
    {
        var order = new int[_n];
        for (var v = 0; v < _n; v++)
        {
            order[v] = v;
        }
        Array.Sort(order, Lexicographic);
        for (var k = 1; k < _n; k++)
        {
            if (Lexicographic(order[k - 1], order[k]) == 0)
            {
                return Vertex(order[k]);
            }
        }
        var status = new SweepStatus(_n, Compare);
        foreach (var v in order)
        {
            // The two edges at v: the one arriving from v - 1 and the one leaving for v + 1. Edges that start at v
            // enter before those ending at v leave, so an edge starting on another edge's end still meets it.
            var edges = (Arriving: (v + _n - 1) % _n, Leaving: v);
            foreach (var e in (ReadOnlySpan<int>)[edges.Arriving, edges.Leaving])
            {
                if (_low[e] != v)
                {
                    continue;
                }
                var (below, above, equal) = status.Insert(e);
                if (equal >= 0)
                {
                    return Vertex(v);
                }
                if ((Contact(below, e) ?? Contact(e, above)) is { } at)
                {
                    return at;
                }
            }
            foreach (var e in (ReadOnlySpan<int>)[edges.Arriving, edges.Leaving])
            {
                if (_high[e] != v)
                {
                    continue;
                }
                if (status.Remove(e) is not { } neighbours)
                {
                    return Vertex(v);
                }
                if (Contact(neighbours.Below, neighbours.Above) is { } at)
                {
                    return at;
                }
            }
        }
        return null;
    }

    /// <summary>Where edges <paramref name="e"/> and <paramref name="f"/> meet against the rule, or null.</summary>
    private (double X, double Y)? Contact(int e, int f)
    {
        if (e < 0 || f < 0)
        {
            return null;
        }
        // Consecutive edges share a vertex, which is allowed; folding back along each other puts them on one line
        // from that vertex, which the status order reports as an overlap when the second of them enters.
        return f == (e + 1) % _n || e == (f + 1) % _n ? null : Touch(e, f);
    }

    /// <summary>A point shared by the closed edges <paramref name="e"/> and <paramref name="f"/>, or null.</summary>
    private (double X, double Y)? Touch(int e, int f)
    {
        var (ax, ay) = Vertex(e);
        var (bx, by) = Vertex((e + 1) % _n);
        var (cx, cy) = Vertex(f);
        var (dx, dy) = Vertex((f + 1) % _n);
        var d1 = ExactOrientation.Sign(cx, cy, dx, dy, ax, ay);
        var d2 = ExactOrientation.Sign(cx, cy, dx, dy, bx, by);
        var d3 = ExactOrientation.Sign(ax, ay, bx, by, cx, cy);
        var d4 = ExactOrientation.Sign(ax, ay, bx, by, dx, dy);
        if (d1 * d2 < 0 && d3 * d4 < 0)
        {
            var o1 = Planar.Orient(cx, cy, dx, dy, ax, ay);
            var o2 = Planar.Orient(cx, cy, dx, dy, bx, by);
            var t = o1 / (o1 - o2);
            return (ax + (t * (bx - ax)), ay + (t * (by - ay)));
        }
        if (d1 == 0 && Within(cx, cy, dx, dy, ax, ay))
        {
            return (ax, ay);
        }
        if (d2 == 0 && Within(cx, cy, dx, dy, bx, by))
        {
            return (bx, by);
        }
        if (d3 == 0 && Within(ax, ay, bx, by, cx, cy))
        {
            return (cx, cy);
        }
        if (d4 == 0 && Within(ax, ay, bx, by, dx, dy))
        {
            return (dx, dy);
        }
        return null;
    }

    private static bool Within(double ax, double ay, double bx, double by, double px, double py) =>
        px >= Math.Min(ax, bx) && px <= Math.Max(ax, bx) && py >= Math.Min(ay, by) && py <= Math.Max(ay, by);

    /// <summary>
    /// The status order of two edges that both cross the sweep: negative when <paramref name="e"/> is below
    /// <paramref name="f"/>. The edge that starts later is placed by the side of the earlier edge's line its
    /// start (or, when that start is on the line, its end) lies on; 0 means the two overlap along one line.
    /// </summary>
    private int Compare(int e, int f)
    {
        if (e == f)
        {
            return 0;
        }
        var c = Lexicographic(_low[e], _low[f]);
        return c <= 0 ? -Side(e, f) : Side(f, e);
    }

    /// <summary>+1 when <paramref name="later"/> is above <paramref name="first"/>, -1 below, 0 overlapping.</summary>
    private int Side(int first, int later)
    {
        var (ax, ay) = Vertex(_low[first]);
        var (bx, by) = Vertex(_high[first]);
        var (sx, sy) = Vertex(_low[later]);
        var s = ExactOrientation.Sign(ax, ay, bx, by, sx, sy);
        if (s != 0)
        {
            return s;
        }
        var (tx, ty) = Vertex(_high[later]);
        s = ExactOrientation.Sign(ax, ay, bx, by, tx, ty);
        if (s != 0)
        {
            return s;
        }
        // On one line: a straight continuation starting where the first edge ends, or an overlap.
        return _low[later] == _high[first] ? 1 : 0;
    }

    private int Lexicographic(int a, int b)
    {
        var c = _xy[2 * a].CompareTo(_xy[2 * b]);
        return c != 0 ? c : _xy[(2 * a) + 1].CompareTo(_xy[(2 * b) + 1]);
    }

    private (double X, double Y) Vertex(int v) => (_xy[2 * v], _xy[(2 * v) + 1]);
}
