using CsCheck;
using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic;
using Deconflict.Core.Utm;

namespace Deconflict.Core.Tests.Utm;

/// <summary>F3548 extents: exact intersection, bounds that cover, outlines for corridors; answers derived from geodesics.</summary>
public sealed class UtmOverlapTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly Gen<GeoPoint> Point = Gen.Select(Gen.Double[-70, 70], Gen.Double[-180, 180], (lat, lon) => new GeoPoint(lat, lon));

    private static readonly Gen<(GeoPoint Centre, double RadiusM)> Circle = Gen.Select(Point, Gen.Double[50, 50_000]);

    private static UtmVolume Volume(VolumeShape shape, double lower = 0, double upper = 100, int fromMin = 0, int toMin = 60) =>
        new(shape, lower, upper, T0.AddMinutes(fromMin), T0.AddMinutes(toMin));

    [Fact]
    public void Two_circles_intersect_exactly_when_their_centres_are_closer_than_the_sum_of_radii()
    {
        Gen.Select(Circle, Gen.Double[0, 360], Gen.Double[0.2, 1.8]).Sample(t =>
        {
            var ((centre, r1), azimuth, ratio) = t;
            var r2 = r1 * 0.7;
            var gap = (r1 + r2) * ratio;
            if (Math.Abs(gap - (r1 + r2)) < 1)
            {
                return;
            }
            var other = Geodesic.Direct(centre, azimuth, gap);
            var b = new GeoPoint(other.LatDeg, other.LonDeg);
            var expected = Geodesic.Inverse(centre, b).DistanceM < r1 + r2;
            UtmOverlap.Intersects(Volume(new CircleShape(centre, r1)), Volume(new CircleShape(b, r2))).ShouldBe(expected);
        }, iter: 300);
    }

    [Fact]
    public void Intersection_is_symmetric_and_needs_shared_height_and_time()
    {
        Gen.Select(Circle, Circle, Gen.Int[0, 120], Gen.Double[0, 200]).Sample(t =>
        {
            var ((c1, r1), (c2, r2), shiftMin, lift) = t;
            var a = Volume(new CircleShape(c1, r1));
            var b = Volume(new CircleShape(c2, r2), lift, lift + 100, shiftMin, shiftMin + 60);
            UtmOverlap.Intersects(a, b).ShouldBe(UtmOverlap.Intersects(b, a));
            var same = b with { Shape = a.Shape };
            // Same outline: they meet exactly when both the bands (0–100 m against lift..lift+100) and the windows overlap.
            UtmOverlap.Intersects(a, same).ShouldBe(lift < 100 && shiftMin < 60);
        }, iter: 300);
    }

    [Fact]
    public void Absent_parts_of_an_area_of_interest_meet_everything()
    {
        var v = Volume(new CircleShape(new GeoPoint(10, 10), 1_000));
        UtmOverlap.Intersects(v, new UtmVolume(null, null, null, null, null)).ShouldBeTrue();
        UtmOverlap.Intersects(v, new UtmVolume(new CircleShape(new GeoPoint(10, 10.001), 10), null, null, null, null)).ShouldBeTrue();
        UtmOverlap.Intersects(v, new UtmVolume(null, 100, null, null, null)).ShouldBeFalse(); // the band touches at 100 m: no shared height
        UtmOverlap.Intersects(v, new UtmVolume(null, null, null, T0.AddMinutes(60), null)).ShouldBeFalse(); // touching windows
    }

    [Fact]
    public void A_polygon_and_a_circle_inside_it_intersect_and_one_outside_does_not()
    {
        var square = UtmShapes.Polygon([new(0, 0), new(0, 1), new(1, 1), new(1, 0), new(0, 0)], 500_000);
        square.Problem.ShouldBeNull();
        ((PolygonShape)square.Shape!).Vertices.Count.ShouldBe(4); // the closing vertex is dropped
        UtmOverlap.Intersects(Volume(square.Shape!), Volume(new CircleShape(new GeoPoint(0.5, 0.5), 10))).ShouldBeTrue();
        // 1° of longitude at the equator is about 111 km: a 100 km circle centred 2° east stays clear, a 120 km one reaches in.
        UtmOverlap.Intersects(Volume(square.Shape!), Volume(new CircleShape(new GeoPoint(0.5, 2), 100_000))).ShouldBeFalse();
        UtmOverlap.Intersects(Volume(square.Shape!), Volume(new CircleShape(new GeoPoint(0.5, 2), 120_000))).ShouldBeTrue();
    }

    [Fact]
    public void Shapes_too_large_or_malformed_are_refused_in_words()
    {
        UtmShapes.Circle(new GeoPoint(0, 0), 200_000, 150_000).Problem!.ShouldContain("too large");
        UtmShapes.Circle(new GeoPoint(0, 0), -1, 150_000).Problem!.ShouldContain("radius");
        UtmShapes.Polygon([new(0, 0), new(0, 1)], 150_000).Problem!.ShouldContain("at least 3");
        UtmShapes.Polygon([new(0, 0), new(1, 1), new(0, 1), new(1, 0)], 150_000).Problem!.ShouldContain("intersects itself");
    }

    [Fact]
    public void The_bound_of_several_extents_covers_every_point_of_each()
    {
        Gen.Select(Circle, Circle, Gen.Double[0, 360], Gen.Double[0, 1]).Sample(t =>
        {
            var ((c1, r1), (c2Far, r2), azimuth, along) = t;
            // Keep the second circle within a few hundred km of the first, as extents of one intent are.
            var near = Geodesic.Direct(c1, azimuth, 300_000 * along);
            var c2 = new GeoPoint(near.LatDeg, near.LonDeg);
            var volumes = new[] { Volume(new CircleShape(c1, r1), 0, 50, 0, 30), Volume(new CircleShape(c2, r2), 20, 120, 40, 90) };
            var bound = UtmBounds.Of(volumes);
            bound.AltLowerM.ShouldBe(0);
            bound.AltUpperM.ShouldBe(120);
            bound.TimeStart.ShouldBe(T0);
            bound.TimeEnd.ShouldBe(T0.AddMinutes(90));
            UtmBounds.CoversInTime(bound, volumes).ShouldBeTrue();
            var circle = (CircleShape)bound.Shape!;
            foreach (var (c, r) in new[] { (c1, r1), (c2, r2) })
            {
                for (var az = 0; az < 360; az += 45)
                {
                    var edge = Geodesic.Direct(c, az, r);
                    Geodesic.Inverse(circle.Centre, new GeoPoint(edge.LatDeg, edge.LonDeg)).DistanceM.ShouldBeLessThanOrEqualTo(circle.RadiusM);
                }
            }
        }, iter: 200);
    }

    [Fact]
    public void A_corridor_as_outlines_is_one_polygon_per_leg_holding_every_point_of_the_corridor_and_hugging_it()
    {
        var gen = Gen.Select(Gen.Select(Gen.Double[-85, 85], Gen.Double[-180, 180], (lat, lon) => new GeoPoint(lat, lon)),
            Gen.Select(Gen.Double[0, 360], Gen.Double[1_000, 80_000]).Array[1, 3], Gen.Double[10, 5_000], Gen.Double[0, 1], Gen.Double[0, 360], Gen.Double[0, 0.999]);
        gen.Sample(t =>
        {
            var (start, legs, halfWidth, along, azimuth, offset) = t;
            var path = new List<GeoPoint> { start };
            foreach (var (az, length) in legs)
            {
                var next = Geodesic.Direct(path[^1], az, length);
                path.Add(new GeoPoint(next.LatDeg, next.LonDeg));
            }
            var outlines = UtmShapes.AsOutlines(new CorridorShape(path, halfWidth));
            outlines.Count.ShouldBe(legs.Length);
            outlines.ShouldAllBe(o => o is PolygonShape);

            // A point of the corridor: along a leg, then up to the half-width away in any direction.
            var leg = (int)(along * legs.Length) % legs.Length;
            var between = Geodesic.Inverse(path[leg], path[leg + 1]);
            var onPath = Geodesic.Direct(path[leg], between.Azimuth1Deg, between.DistanceM * ((along * legs.Length) - Math.Floor(along * legs.Length)));
            var inside = Geodesic.Direct(new GeoPoint(onPath.LatDeg, onPath.LonDeg), azimuth, halfWidth * offset);
            var probe = Volume(new CircleShape(new GeoPoint(inside.LatDeg, inside.LonDeg), 0.5));
            outlines.Any(o => UtmOverlap.Intersects(Volume(o), probe)).ShouldBeTrue("a point of the corridor lies outside every outline");

            // Every vertex of a leg's outline lies just outside the half-width from that leg (sampled every 500 m).
            for (var i = 0; i < legs.Length; i++)
            {
                var g = Geodesic.Inverse(path[i], path[i + 1]);
                var samples = Enumerable.Range(0, (int)(g.DistanceM / 500) + 2)
                    .Select(k => Geodesic.Direct(path[i], g.Azimuth1Deg, Math.Min(g.DistanceM, k * 500.0)))
                    .Select(d => new GeoPoint(d.LatDeg, d.LonDeg)).ToList();
                foreach (var vertex in ((PolygonShape)outlines[i]).Vertices)
                {
                    var nearest = samples.Min(p => Geodesic.Inverse(p, vertex).DistanceM);
                    nearest.ShouldBeGreaterThanOrEqualTo(halfWidth * 0.999 - 250);
                    nearest.ShouldBeLessThanOrEqualTo(halfWidth * 1.001 + 250);
                }
            }
        }, iter: 100);
    }

    [Fact]
    public void Polygons_and_circles_are_their_own_outlines_and_a_one_point_corridor_is_a_circle()
    {
        var circle = new CircleShape(new GeoPoint(35, 38), 500);
        UtmShapes.AsOutlines(circle).ShouldBe([circle]);
        var polygon = new PolygonShape([new GeoPoint(35, 38), new GeoPoint(35, 38.1), new GeoPoint(35.1, 38)]);
        UtmShapes.AsOutlines(polygon).ShouldBe([polygon]);
        UtmShapes.AsOutlines(new CorridorShape([new GeoPoint(35, 38)], 300)).ShouldBe([new CircleShape(new GeoPoint(35, 38), 300)]);
    }
}
