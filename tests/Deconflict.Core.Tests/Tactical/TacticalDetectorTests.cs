using Deconflict.Core.Geodesy;
using Deconflict.Core.Tactical;

namespace Deconflict.Core.Tests.Tactical;

public class TacticalDetectorTests
{
    // On DAIDALUS's sphere one nautical mile is exactly one minute of arc, which makes expected times exact.
    private const double ArcMinute = 1.0 / 60;

    private static List<TacticalConflict> Detect(TrafficSnapshot s, SeparationMinima? minima = null, EarthModel model = EarthModel.DaidalusSphere)
    {
        var results = new List<TacticalConflict>();
        new TacticalDetector { EarthModel = model }.Detect(s, minima ?? SeparationMinima.Default, results);
        return results;
    }

    private static TrafficSnapshot Pair(
        (double Lat, double Lon, double Alt, double Gs, double Trk, double Vs) a,
        (double Lat, double Lon, double Alt, double Gs, double Trk, double Vs) b)
    {
        var s = new TrafficSnapshot();
        s.Add("A", a.Lat, a.Lon, a.Alt, a.Gs, a.Trk, a.Vs);
        s.Add("B", b.Lat, b.Lon, b.Alt, b.Gs, b.Trk, b.Vs);
        return s;
    }

    [Fact]
    public void Head_on_aircraft_conflict_between_the_times_they_are_five_miles_apart()
    {
        // 20 NM apart on the equator, closing at 600 kt = 1/6 NM/s: 5 NM after 90 s, apart again after 150 s.
        var s = Pair((0, -10 * ArcMinute, 35000, 300, 90, 0), (0, 10 * ArcMinute, 35000, 300, 270, 0));
        var c = Detect(s).ShouldHaveSingleItem();
        c.Index1.ShouldBe(0);
        c.Index2.ShouldBe(1);
        c.TInS.ShouldBe(90, 0.01);
        c.TOutS.ShouldBe(150, 0.01);
        c.TCpaS.ShouldBe(120, 0.01);
        c.HCpaNm.ShouldBe(0, 1e-3);
        c.VCpaFt.ShouldBe(0);
    }

    [Fact]
    public void Parallel_identical_velocities_inside_the_cylinder_conflict_for_the_whole_window()
    {
        // On the equator the local norths are parallel in space, so the relative velocity is exactly zero.
        var s = Pair((0, 20, 30000, 450, 0, 0), (0, 20 + 3 * ArcMinute, 30500, 450, 0, 0));
        var c = Detect(s).ShouldHaveSingleItem();
        c.TInS.ShouldBe(0);
        c.TOutS.ShouldBe(300);
        c.TCpaS.ShouldBe(0, 1e-6);
        c.HCpaNm.ShouldBe(3, 0.01);
        c.VCpaFt.ShouldBe(500, 1e-3);
    }

    [Fact]
    public void Parallel_identical_velocities_outside_the_cylinder_never_conflict()
    {
        Detect(Pair((10, 20, 30000, 450, 45, 0), (10 + 6 * ArcMinute, 20, 30000, 450, 45, 0))).ShouldBeEmpty();
        Detect(Pair((10, 20, 30000, 450, 45, 0), (10 + 1 * ArcMinute, 20, 31000, 450, 45, 0))).ShouldBeEmpty();
    }

    [Fact]
    public void A_stationary_aircraft_is_met_by_one_flying_at_it()
    {
        // 360 kt = 0.1 NM/s from 20 NM: inside 5 NM from 150 s to 250 s.
        var s = Pair((0, 0, 5000, 0, 0, 0), (-20 * ArcMinute, 0, 5000, 360, 0, 0));
        var c = Detect(s).ShouldHaveSingleItem();
        c.TInS.ShouldBe(150, 0.01);
        c.TOutS.ShouldBe(250, 0.01);
    }

    [Fact]
    public void Pure_vertical_convergence_conflicts_while_within_the_vertical_separation()
    {
        // Same place, same horizontal velocity; 3000 ft apart closing at 2000 fpm: 1000 ft at 60 s, -1000 ft at 120 s.
        var s = Pair((45, 7, 10000, 250, 180, 2000), (45, 7, 13000, 250, 180, 0));
        var c = Detect(s).ShouldHaveSingleItem();
        c.TInS.ShouldBe(60, 1e-3);
        c.TOutS.ShouldBe(120, 1e-3);
    }

    [Fact]
    public void A_pair_already_in_conflict_starts_at_zero()
    {
        var s = Pair((0, 0, 20000, 400, 0, 0), (2 * ArcMinute, 0, 20200, 400, 180, 0));
        var c = Detect(s).ShouldHaveSingleItem();
        c.TInS.ShouldBe(0);
        c.TOutS.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void A_conflict_beginning_exactly_at_the_lookahead_is_not_reported_but_one_a_second_earlier_is()
    {
        // Vertical closure of exactly 10 ft/s: 4000 ft apart reaches 1000 ft at exactly 300 s (an empty interval).
        Detect(Pair((30, 30, 10000, 300, 90, 600), (30, 30, 14000, 300, 90, 0))).ShouldBeEmpty();
        var c = Detect(Pair((30, 30, 10000, 300, 90, 600), (30, 30, 13990, 300, 90, 0))).ShouldHaveSingleItem();
        c.TInS.ShouldBe(299, 1e-3);
        c.TOutS.ShouldBe(300);
    }

    [Fact]
    public void Aircraft_either_side_of_the_antimeridian_are_neighbours()
    {
        // 6 NM apart across 180°, closing at 120 kt (1/30 NM/s): within 5 NM after 30 s, until after the look-ahead.
        var s = Pair((0, 180 - 3 * ArcMinute, 33000, 60, 90, 0), (0, -180 + 3 * ArcMinute, 33000, 60, 270, 0));
        var c = Detect(s).ShouldHaveSingleItem();
        c.TInS.ShouldBe(30, 0.01);
        c.TOutS.ShouldBe(300);
        c.TCpaS.ShouldBe(180, 0.01);
    }

    [Fact]
    public void Velocities_are_compared_in_one_frame_near_the_pole()
    {
        // Both fly "north" on opposite meridians 60 NM apart across the pole: they meet head-on at 960 kt closure.
        var s = Pair((89.5, 0, 36000, 480, 0, 0), (89.5, 180, 36000, 480, 0, 0));
        var c = Detect(s).ShouldHaveSingleItem();
        c.TInS.ShouldBe(55.0 / 960 * 3600, 0.05);
        c.TOutS.ShouldBe(65.0 / 960 * 3600, 0.05);
    }

    [Fact]
    public void An_aircraft_exactly_at_the_pole_is_handled()
    {
        var s = Pair((90, 0, 36000, 300, 180, 0), (90 - 10 * ArcMinute, 0, 36000, 300, 0, 0));
        var c = Detect(s).ShouldHaveSingleItem();
        c.TInS.ShouldBe(5.0 / 600 * 3600, 0.05);
    }

    [Fact]
    public void Separation_is_the_cylinder_not_a_sphere()
    {
        // Horizontally coincident but 1000 ft apart: exactly at H is separated (strict inequality).
        Detect(Pair((0, 0, 30000, 0, 0, 0), (0, 0, 31000, 0, 0, 0))).ShouldBeEmpty();
        Detect(Pair((0, 0, 30000, 0, 0, 0), (0, 0, 30999, 0, 0, 0))).ShouldHaveSingleItem();
    }

    [Fact]
    public void Per_pair_minima_can_skip_a_pair_or_tighten_its_cylinder()
    {
        var s = Pair((0, 0, 20000, 400, 0, 0), (4 * ArcMinute, 0, 20000, 400, 0, 0));
        var detector = new TacticalDetector();
        var results = new List<TacticalConflict>();
        detector.Detect(s, SeparationMinima.Default, (_, _) => null, results);
        results.ShouldBeEmpty();
        detector.Detect(s, SeparationMinima.Default, (_, _) => new SeparationMinima(3, 1000, 300), results);
        results.ShouldBeEmpty();
        detector.Detect(s, new SeparationMinima(10, 1000, 300), (_, _) => new SeparationMinima(8, 1000, 300), results);
        results.ShouldHaveSingleItem().HCpaNm.ShouldBe(4, 0.01);
    }

    [Fact]
    public void Per_pair_minima_larger_than_the_envelope_are_refused()
    {
        var s = Pair((0, 0, 20000, 400, 0, 0), (4 * ArcMinute, 0, 20000, 400, 0, 0));
        Should.Throw<InvalidOperationException>(() =>
            new TacticalDetector().Detect(s, SeparationMinima.Default, (_, _) => new SeparationMinima(6, 1000, 300), []));
    }

    [Fact]
    public void An_empty_or_single_aircraft_snapshot_has_no_conflicts()
    {
        Detect(new TrafficSnapshot()).ShouldBeEmpty();
        var one = new TrafficSnapshot();
        one.Add("A", 0, 0, 0, 0, 0, 0);
        Detect(one).ShouldBeEmpty();
    }

    [Fact]
    public void Rows_with_non_finite_values_are_ignored()
    {
        var s = Pair((0, 0, 20000, 400, 0, 0), (2 * ArcMinute, 0, 20000, 400, 0, 0));
        s.Add("C", double.NaN, 0, 20000, 400, 0, 0);
        Detect(s).ShouldHaveSingleItem();
    }

    [Fact]
    public void Results_are_the_same_with_one_thread_or_several_and_on_reuse()
    {
        var s = TrafficGenerator.Generate(3000, 5);
        var one = new List<TacticalConflict>();
        new TacticalDetector(1).Detect(s, SeparationMinima.Default, one);
        var detector = new TacticalDetector(4);
        var many = new List<TacticalConflict>();
        detector.Detect(s, SeparationMinima.Default, many);
        many.ShouldBe(one);
        detector.Detect(s, SeparationMinima.Default, many);
        many.ShouldBe(one);
        one.ShouldNotBeEmpty();
        var buffer = new ConflictBuffer(1);
        detector.Detect(s, SeparationMinima.Default, buffer);
        buffer.ShouldBe(one);
    }

    [Fact]
    public void The_snapshot_can_be_refilled_without_growing()
    {
        var s = new TrafficSnapshot(4);
        s.Add("A", 0, 0, 0, 0, 0, 0);
        var lat = s.LatDeg;
        s.Clear();
        s.Add("B", 1, 1, 1, 1, 1, 1);
        s.LatDeg.ShouldBeSameAs(lat);
        s.Count.ShouldBe(1);
        s.Ids[0].ShouldBe("B");
        s.Resize(10);
        s.Count.ShouldBe(10);
        s.Ids[0].ShouldBe("B");
    }

    [Fact]
    public void The_local_plane_puts_antimeridian_neighbours_close()
    {
        var plane = LocalTangentPlane.Midway(new GeoPoint(0, 179.9), new GeoPoint(0, -179.9));
        var (east, north) = plane.Project(new GeoPoint(0, -179.9));
        east.ShouldBe(0.1 * Math.PI / 180 * Wgs84.A, 1.0);
        north.ShouldBe(0, 1e-6);
        var (ve, vn) = plane.ProjectVelocity(new GeoPoint(0, -179.9), 100, 90);
        ve.ShouldBe(100, 1e-3);
        vn.ShouldBe(0, 1e-9);
    }
}
