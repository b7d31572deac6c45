using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic;
using static Deconflict.Core.Tests.Strategic.Build;

namespace Deconflict.Core.Tests.Strategic;

public class ConflictRuleTests
{
    [Theory]
    [InlineData(-100, true)]
    [InlineData(100, false)]
    public void Circles_conflict_when_centres_are_closer_than_the_sum_of_radii(double slackM, bool expected)
    {
        foreach (var (lat, lon, az) in new[] { (34.0, 37.0, 90.0), (0.0, 10.0, 0.0), (-60.0, 120.0, 45.0), (70.0, -30.0, 270.0) })
        {
            var far = Offset(lat, lon, az, 8000 + 5000 + slackM);
            Conflicts(Circle(lat, lon, 8000), Circle(far.LatDeg, far.LonDeg, 5000)).ShouldBe(expected, $"at {lat},{lon}");
        }
    }

    [Fact]
    public void Polygons_sharing_only_an_edge_do_not_conflict_but_overlapping_ones_do()
    {
        var a = Polygon((34, 37), (34, 37.2), (34.2, 37.2), (34.2, 37));
        var b = Polygon((34, 37.2), (34, 37.4), (34.2, 37.4), (34.2, 37.2));
        var c = Polygon((34, 37.19), (34, 37.4), (34.2, 37.4), (34.2, 37.19));
        Conflicts(a, b).ShouldBeFalse();
        Conflicts(a, c).ShouldBeTrue();
        Conflicts(a, a).ShouldBeTrue();
    }

    [Fact]
    public void A_polygon_inside_another_conflicts()
    {
        var outer = Polygon((30, 30), (30, 32), (32, 32), (32, 30));
        var inner = Polygon((30.9, 30.9), (30.9, 31.1), (31.1, 31.1), (31.1, 30.9));
        Conflicts(outer, inner).ShouldBeTrue();
        Conflicts(outer, Circle(31, 31, 500)).ShouldBeTrue();
        Conflicts(outer, Corridor(200, (31, 30.5), (31, 31.5))).ShouldBeTrue();
    }

    [Fact]
    public void A_long_east_west_edge_bows_poleward_of_its_parallel()
    {
        // The great circle through (60N, 0E) and (60N, 40E) peaks midway at atan(tan 60 / cos 20).
        var peak = Math.Atan(Math.Tan(60 * Math.PI / 180) / Math.Cos(20 * Math.PI / 180)) * 180 / Math.PI;
        peak.ShouldBeGreaterThan(61.4);
        var area = Polygon((55, 0), (55, 40), (60, 40), (60, 0));
        var below = peak - 0.3;
        var above = peak + 0.3;
        Conflicts(area, Circle(below, 20, 1000)).ShouldBeTrue("north of the parallel but under the arc");
        Conflicts(area, Circle(above, 20, 1000)).ShouldBeFalse();
        // Distance from just above the arc: a circle reaching a little past it conflicts, one stopping short does not.
        var gap = Geodesic.Inverse(above, 20, peak, 20).DistanceM;
        Conflicts(area, Circle(above, 20, gap + 60)).ShouldBeTrue();
        Conflicts(area, Circle(above, 20, gap - 60)).ShouldBeFalse();
    }

    [Fact]
    public void Shapes_across_the_antimeridian_conflict_like_any_other()
    {
        var area = Polygon((-17, 179.5), (-17, -179.5), (-16, -179.5), (-16, 179.5));
        Conflicts(area, Circle(-16.5, 180, 500)).ShouldBeTrue();
        Conflicts(area, Circle(-16.5, -180, 500)).ShouldBeTrue();
        Conflicts(area, Circle(-16.5, 178.9, 500)).ShouldBeFalse();
        Conflicts(area, Corridor(1000, (-18, 179.9), (-15, -179.9))).ShouldBeTrue();
        var east = Offset(-16.5, -179.5, 90, 3000);
        Conflicts(area, Circle(east.LatDeg, east.LonDeg, 3060)).ShouldBeTrue();
        Conflicts(area, Circle(east.LatDeg, east.LonDeg, 2940)).ShouldBeFalse();
        Conflicts(Circle(10, 179.99, 1200), Circle(10, -179.99, 1200)).ShouldBeTrue();
        Conflicts(Circle(10, 179.99, 1000), Circle(10, -179.99, 1000)).ShouldBeFalse("2.19 km apart");
    }

    [Fact]
    public void A_polygon_around_the_pole_contains_it_and_its_edges_bow_poleward()
    {
        var cap = Polygon((85, 0), (85, 90), (85, 180), (85, -90));
        Conflicts(cap, Circle(89.99, 17, 100)).ShouldBeTrue();
        Conflicts(cap, Circle(90, 0, 100)).ShouldBeTrue();
        // Midway between (85N, 0) and (85N, 90E) the edge is at atan(tan 85 / cos 45), about 86.46N:
        // a point at 86.2N there is north of every vertex yet outside.
        var edge = Math.Atan(Math.Tan(85 * Math.PI / 180) / Math.Cos(45 * Math.PI / 180)) * 180 / Math.PI;
        edge.ShouldBeGreaterThan(86.4);
        Conflicts(cap, Circle(86.2, 45, 100)).ShouldBeFalse();
        Conflicts(cap, Circle(86.2, 45, Geodesic.Inverse(86.2, 45, edge, 45).DistanceM + 50)).ShouldBeTrue();
        Conflicts(cap, Circle(edge + 0.01, 45, 100)).ShouldBeTrue();
        Conflicts(Circle(89.98, 0, 3000), Circle(89.98, 180, 3000)).ShouldBeTrue("4.5 km apart across the pole");
        Conflicts(Circle(89.97, 0, 5000), Corridor(100, (89, 90), (89, -90))).ShouldBeTrue("the path runs over the pole, 3.3 km away");
        Conflicts(Circle(89.9, 0, 5000), Corridor(100, (89, 90), (89, -90))).ShouldBeFalse("11 km away");
    }

    [Theory]
    [InlineData(-80, true)]
    [InlineData(80, false)]
    public void Parallel_corridors_conflict_when_closer_than_both_half_widths(double slackM, bool expected)
    {
        var a0 = new GeoPoint(35, 38);
        var a1 = Offset(35, 38, 45, 100_000);
        var b0 = Offset(35, 38, 135, 3000 + 2000 + slackM);
        var b1 = Offset(b0.LatDeg, b0.LonDeg, 45, 100_000);
        var a = new CorridorShape([a0, a1], 3000);
        var b = new CorridorShape([b0, b1], 2000);
        Conflicts(a, b).ShouldBe(expected);
    }

    [Theory]
    [InlineData(-60, true)]
    [InlineData(60, false)]
    public void Corridor_ends_are_round(double slackM, bool expected)
    {
        var end = Offset(35, 38, 90, 50_000);
        var beyond = Offset(end.LatDeg, end.LonDeg, 60, 4000 + 1000 + slackM);
        Conflicts(new CorridorShape([new GeoPoint(35, 38), end], 4000), Circle(beyond.LatDeg, beyond.LonDeg, 1000)).ShouldBe(expected);
    }

    [Fact]
    public void Crossing_corridors_conflict_even_when_no_vertex_is_near()
    {
        Conflicts(Corridor(100, (34, 36), (36, 38)), Corridor(100, (36, 36), (34, 38))).ShouldBeTrue();
    }

    [Fact]
    public void Touching_altitude_bands_or_time_windows_do_not_conflict()
    {
        var shape = Circle(34, 37, 5000);
        Check(Intent("a", "p1", Volume(shape, 0, 1000)), Intent("b", "p2", Volume(shape, 1000, 2000))).ShouldBeEmpty();
        Check(Intent("a", "p1", Volume(shape, startH: 0, endH: 2)), Intent("b", "p2", Volume(shape, startH: 2, endH: 4))).ShouldBeEmpty();
        Check(Intent("a", "p1", Volume(shape, 0, 1001)), Intent("b", "p2", Volume(shape, 1000, 2000))).Count.ShouldBe(1);
    }

    [Fact]
    public void Same_party_and_ended_intents_never_conflict()
    {
        var shape = Circle(34, 37, 5000);
        Check(Intent("a", "p1", shape), Intent("b", "p1", shape)).ShouldBeEmpty();
        Check(Intent("a", "p1", shape), Intent("b", "p2", shape, state: IntentState.Ended)).ShouldBeEmpty();
        Check(Intent("a", "p1", shape, state: IntentState.Ended), Intent("b", "p2", shape)).ShouldBeEmpty();
        Check(Intent("a", "p1", shape, state: IntentState.Contingent), Intent("b", "p2", shape, state: IntentState.Nonconforming)).Count.ShouldBe(1);
    }

    [Fact]
    public void Overlap_reports_the_shared_window_and_band()
    {
        var shape = Circle(34, 37, 5000);
        var conflict = Check(Intent("a", "p1", Volume(shape, 0, 3000, 0, 3)), Intent("b", "p2", Volume(shape, 2000, 9000, 1, 5))).Single();
        conflict.OverlapStart.ShouldBe(T0.AddHours(1));
        conflict.OverlapEnd.ShouldBe(T0.AddHours(3));
        conflict.OverlapLowerFt.ShouldBe(2000);
        conflict.OverlapUpperFt.ShouldBe(3000);
        (conflict.IntentId1, conflict.IntentId2, conflict.Party1, conflict.Party2).ShouldBe(("a", "b", "p1", "p2"));
    }

    [Fact]
    public void Very_large_polygons_with_long_high_latitude_edges_work()
    {
        // Edges of 60 degrees of longitude at 70N: the great circle between (70N, -30) and (70N, 30) peaks at
        // atan(tan 70 / cos 30), about 72.4N.
        var peak = Math.Atan(Math.Tan(70 * Math.PI / 180) / Math.Cos(30 * Math.PI / 180)) * 180 / Math.PI;
        var band = Polygon((60, -30), (60, 30), (70, 30), (70, -30));
        Conflicts(band, Circle(peak - 0.05, 0, 500)).ShouldBeTrue();
        Conflicts(band, Circle(peak + 0.05, 0, 500)).ShouldBeFalse();
        var neighbour = Polygon((71, -20), (71, 20), (75, 20), (75, -20));
        // The neighbour's southern edge peaks lower, at atan(tan 71 / cos 20), about 72.1N: the two overlap near 0E.
        Conflicts(band, neighbour).ShouldBeTrue();
    }
}
