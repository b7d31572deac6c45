using CsCheck;
using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic;
using Deconflict.Core.Strategic.Geometry;

namespace Deconflict.Core.Tests.Strategic;

/// <summary>
/// The sweep agrees with comparing every pair of edges (the definition) on rings with small integer coordinates,
/// where touching, collinear and folded edges are common; on the same rings moved to coordinates that doubles
/// cannot hold exactly (both sides then use exact orientation signs); and on larger random rings.
/// </summary>
public class RingSimplicityTests
{
    private static readonly Gen<double[]> Rings =
        Gen.Int[0, 6].Select(Gen.Int[0, 6]).Array[3, 14]
            .Where(v => v.Distinct().Count() == v.Length && !AllOnOneLine(v))
            .Select(v => v.SelectMany(p => new double[] { p.Item1, p.Item2 }).ToArray());

    [Fact]
    public void Agrees_with_every_pair_of_edges()
    {
        Rings.Sample(xy => (RingSimplicity.FindSelfIntersection(xy) is null) == BruteForceSimple(xy, Planar.Orient), iter: 20_000);
    }

    [Fact]
    public void Agrees_with_every_pair_of_edges_on_inexact_coordinates()
    {
        // x·0.1 + 0.3 is rounded, so near-collinear triples appear whose float orientation has the wrong sign.
        Rings.Select(xy => xy.Select(c => (c * 0.1) + 0.3).ToArray())
            .Sample(xy => (RingSimplicity.FindSelfIntersection(xy) is null) == BruteForceSimple(xy, ExactSign), iter: 20_000);
    }

    [Fact]
    public void Agrees_with_every_pair_of_edges_on_larger_random_rings()
    {
        // Random vertices in a square: from 20 to 300 of them; a star around their mean when sorted by angle
        // (simple unless collinear), any order otherwise (almost never simple).
        var rings = Gen.Select(Gen.Double[-1, 1].Select(Gen.Double[-1, 1]).Array[20, 300], Gen.Bool, (v, star) =>
        {
            if (star)
            {
                var (mx, my) = (v.Average(p => p.Item1), v.Average(p => p.Item2));
                v = [.. v.OrderBy(p => Math.Atan2(p.Item2 - my, p.Item1 - mx))];
            }
            return v.SelectMany(p => new[] { p.Item1, p.Item2 }).ToArray();
        });
        rings.Sample(xy => (RingSimplicity.FindSelfIntersection(xy) is null) == BruteForceSimple(xy, ExactSign), iter: 300);
    }

    [Fact]
    public void Reports_a_point_on_both_edges_that_meet()
    {
        Rings.Sample(xy =>
        {
            if (RingSimplicity.FindSelfIntersection(xy) is not { } at)
            {
                return true;
            }
            var n = xy.Length / 2;
            var onEdges = Enumerable.Range(0, n).Count(e => DistanceToEdge(xy, e, at.X, at.Y) < 1e-9);
            return onEdges >= 2;
        }, iter: 5_000);
    }

    [Fact]
    public void Finds_the_crossing_of_a_bow_tie()
    {
        var at = RingSimplicity.FindSelfIntersection([0, 0, 2, 2, 2, 0, 0, 2]);
        at.ShouldNotBeNull();
        at.Value.X.ShouldBe(1, 1e-12);
        at.Value.Y.ShouldBe(1, 1e-12);
        RingSimplicity.FindSelfIntersection([0, 0, 2, 0, 2, 2, 0, 2]).ShouldBeNull();
    }

    [Fact]
    public void Large_simple_rings_are_accepted_and_names_the_place_of_a_crossing()
    {
        // 2,000 vertices on a small circle: simple. Swapping two neighbours (at 35°N 37.5°E) makes the ring cross itself there.
        var ring = Enumerable.Range(0, ShapeRules.MaxVertices)
            .Select(k => new GeoPoint(35 + (0.5 * Math.Sin(2 * Math.PI * k / ShapeRules.MaxVertices)), 38 + (0.5 * Math.Cos(2 * Math.PI * k / ShapeRules.MaxVertices))))
            .ToList();
        ShapeRules.CheckPolygon(ring).ShouldBeNull();
        (ring[1000], ring[1001]) = (ring[1001], ring[1000]);
        var problem = ShapeRules.CheckPolygon(ring);
        problem.ShouldNotBeNull();
        problem.ShouldContain("intersects itself near latitude 34.99");
        problem.ShouldContain("longitude 37.50");
        ShapeRules.CheckPolygon([.. ring, new GeoPoint(35.7, 38)]).ShouldNotBeNull().ShouldContain("at most 2000");
    }

    private static bool AllOnOneLine((int, int)[] v) =>
        v.All(p => ((v[1].Item1 - v[0].Item1) * (p.Item2 - v[0].Item2)) - ((v[1].Item2 - v[0].Item2) * (p.Item1 - v[0].Item1)) == 0);

    /// <summary>The definition: no two non-adjacent edges share a point; adjacent edges do not fold back along each other.</summary>
    private static bool BruteForceSimple(double[] xy, Func<double, double, double, double, double, double, double> orient)
    {
        var n = xy.Length / 2;
        for (var i = 0; i < n; i++)
        {
            var i1 = (i + 1) % n;
            for (var j = i + 1; j < n; j++)
            {
                var j1 = (j + 1) % n;
                if (j == i1 || i == j1)
                {
                    var (s, o, p) = j == i1 ? (i1, i, j1) : (i, i1, j);
                    var cross = orient(xy[2 * s], xy[(2 * s) + 1], xy[2 * o], xy[(2 * o) + 1], xy[2 * p], xy[(2 * p) + 1]);
                    var dot = ((xy[2 * o] - xy[2 * s]) * (xy[2 * p] - xy[2 * s])) + ((xy[(2 * o) + 1] - xy[(2 * s) + 1]) * (xy[(2 * p) + 1] - xy[(2 * s) + 1]));
                    if (cross == 0 && dot > 0)
                    {
                        return false;
                    }
                    continue;
                }
                if (SegmentsTouch(orient, xy[2 * i], xy[(2 * i) + 1], xy[2 * i1], xy[(2 * i1) + 1], xy[2 * j], xy[(2 * j) + 1], xy[2 * j1], xy[(2 * j1) + 1]))
                {
                    return false;
                }
            }
        }
        return true;
    }

    private static double ExactSign(double ax, double ay, double bx, double by, double cx, double cy) =>
        ExactOrientation.Sign(ax, ay, bx, by, cx, cy);

    /// <summary>Closed segments AB and CD share a point: a proper crossing, or an endpoint of one on the other.</summary>
    private static bool SegmentsTouch(Func<double, double, double, double, double, double, double> orient,
        double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy)
    {
        var d1 = Math.Sign(orient(cx, cy, dx, dy, ax, ay));
        var d2 = Math.Sign(orient(cx, cy, dx, dy, bx, by));
        var d3 = Math.Sign(orient(ax, ay, bx, by, cx, cy));
        var d4 = Math.Sign(orient(ax, ay, bx, by, dx, dy));
        return (d1 * d2 < 0 && d3 * d4 < 0)
            || (d1 == 0 && InBox(cx, cy, dx, dy, ax, ay)) || (d2 == 0 && InBox(cx, cy, dx, dy, bx, by))
            || (d3 == 0 && InBox(ax, ay, bx, by, cx, cy)) || (d4 == 0 && InBox(ax, ay, bx, by, dx, dy));
    }

    private static bool InBox(double ax, double ay, double bx, double by, double px, double py) =>
        px >= Math.Min(ax, bx) && px <= Math.Max(ax, bx) && py >= Math.Min(ay, by) && py <= Math.Max(ay, by);

    private static double DistanceToEdge(double[] xy, int e, double px, double py)
    {
        var n = xy.Length / 2;
        var (ax, ay, bx, by) = (xy[2 * e], xy[(2 * e) + 1], xy[2 * ((e + 1) % n)], xy[(2 * ((e + 1) % n)) + 1]);
        var t = Math.Clamp((((px - ax) * (bx - ax)) + ((py - ay) * (by - ay))) / (((bx - ax) * (bx - ax)) + ((by - ay) * (by - ay))), 0, 1);
        return Math.Sqrt(Math.Pow(ax + (t * (bx - ax)) - px, 2) + Math.Pow(ay + (t * (by - ay)) - py, 2));
    }
}
