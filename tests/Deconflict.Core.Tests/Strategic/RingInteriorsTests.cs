using CsCheck;
using Deconflict.Core.Strategic.Geometry;
using NetTopologySuite.Geometries;

namespace Deconflict.Core.Tests.Strategic;

/// <summary>
/// The planar shortcut for two polygons' shared interior must agree with NetTopologySuite's exact topology
/// whenever it decides, and decide the ordinary cases. Vertices snapped to a coarse grid make shared edges,
/// shared vertices and collinear overlaps common, which must be left undecided or decided right.
/// </summary>
public class RingInteriorsTests
{
    private static readonly GeometryFactory Factory = new();

    /// <summary>A simple polygon: vertices at increasing angles around a centre, optionally snapped to a grid of <paramref name="step"/>.</summary>
    private static Gen<double[]> Ring(double step) =>
        Gen.Select(Gen.Double[-3, 3], Gen.Double[-3, 3], Gen.Int[3, 9], Gen.Int[0, 1_000_000])
            .Select((cx, cy, n, seed) =>
            {
                var random = new Random(seed);
                var xy = new double[n * 2];
                for (var i = 0; i < n; i++)
                {
                    var angle = (i + (0.8 * random.NextDouble())) * 2 * Math.PI / n;
                    var r = 0.5 + (2 * random.NextDouble());
                    xy[2 * i] = Snap(cx + (r * Math.Cos(angle)), step);
                    xy[(2 * i) + 1] = Snap(cy + (r * Math.Sin(angle)), step);
                }
                return xy;
            });

    private static double Snap(double v, double step) => step > 0 ? Math.Round(v / step) * step : v;

    private static Polygon ToPolygon(double[] xy)
    {
        var n = xy.Length / 2;
        var c = new Coordinate[n + 1];
        for (var i = 0; i < n; i++)
        {
            c[i] = new Coordinate(xy[2 * i], xy[(2 * i) + 1]);
        }
        c[^1] = c[0];
        return Factory.CreatePolygon(c);
    }

    private static bool Exact(double[] a, double[] b) =>
        ToPolygon(a).Relate(ToPolygon(b))[Location.Interior, Location.Interior] == Dimension.Surface;

    private static Gen<(double[] A, double[] B)> Pair(double step) =>
        Gen.Select(Ring(step), Ring(step)).Where(p => ToPolygon(p.Item1).IsValid && ToPolygon(p.Item2).IsValid);

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Agrees_with_the_exact_topology_whenever_it_decides(double gridStep)
    {
        Pair(gridStep).Sample(p =>
            RingInteriors.Meet(p.A, p.B) is not { } meet || meet == Exact(p.A, p.B), iter: 3000);
    }

    [Fact]
    public void Decides_polygons_off_a_grid()
    {
        var decided = 0;
        Pair(0).Sample(p =>
        {
            if (RingInteriors.Meet(p.A, p.B) is not null)
            {
                Interlocked.Increment(ref decided);
            }
        }, iter: 1000, threads: 1);
        decided.ShouldBeGreaterThan(990);
    }

    [Fact]
    public void Leaves_shared_edges_to_the_exact_test_and_decides_crossing_containment_and_distance()
    {
        var square = new double[] { 0, 0, 1, 0, 1, 1, 0, 1 };
        RingInteriors.Meet(square, square).ShouldBeNull();
        RingInteriors.Meet(square, [1, 0, 2, 0, 2, 1, 1, 1]).ShouldBeNull();
        RingInteriors.Meet(square, [0.5, 0.4, 3, 0.5, 3, 3]).ShouldBe(true);
        RingInteriors.Meet(square, [0.2, 0.2, 0.8, 0.2, 0.5, 0.8]).ShouldBe(true);
        RingInteriors.Meet([0.2, 0.2, 0.8, 0.2, 0.5, 0.8], square).ShouldBe(true);
        RingInteriors.Meet(square, [2, 2, 3, 2, 3, 3]).ShouldBe(false);
    }
}
