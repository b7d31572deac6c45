using CsCheck;
using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic;
using Deconflict.Core.Strategic.Geometry;

namespace Deconflict.Core.Tests.Strategic;

/// <summary>
/// The indexed simplicity test agrees with comparing every pair of edges (the definition) on rings with small
/// integer coordinates, where both are exact and touching, collinear and folded edges are common.
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
        Rings.Sample(xy => (RingSimplicity.FindSelfIntersection(xy) is null) == BruteForceSimple(xy), iter: 20_000);
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
    private static bool BruteForceSimple(double[] xy)
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
                    var cross = Planar.Orient(xy[2 * s], xy[(2 * s) + 1], xy[2 * o], xy[(2 * o) + 1], xy[2 * p], xy[(2 * p) + 1]);
                    var dot = ((xy[2 * o] - xy[2 * s]) * (xy[2 * p] - xy[2 * s])) + ((xy[(2 * o) + 1] - xy[(2 * s) + 1]) * (xy[(2 * p) + 1] - xy[(2 * s) + 1]));
                    if (cross == 0 && dot > 0)
                    {
                        return false;
                    }
                    continue;
                }
                if (Planar.SegmentsTouch(xy[2 * i], xy[(2 * i) + 1], xy[2 * i1], xy[(2 * i1) + 1], xy[2 * j], xy[(2 * j) + 1], xy[2 * j1], xy[(2 * j1) + 1]))
                {
                    return false;
                }
            }
        }
        return true;
    }
}
