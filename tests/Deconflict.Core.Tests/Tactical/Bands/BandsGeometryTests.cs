using Deconflict.Core.Geodesy;
using Deconflict.Core.Tactical;
using Deconflict.Core.Tactical.Bands;

namespace Deconflict.Core.Tests.Tactical.Bands;

/// <summary>
/// The kinds of traffic the hidden reference sets hold (antimeridian, high latitude, threshold edges, a dense
/// terminal area), checked without a DAIDALUS reference: by moving the same traffic rigidly on the sphere to
/// where nothing is special (the bands must not change), and by invariants any correct bands keep. These show
/// that the position handling adds no error of its own; agreement with DAIDALUS itself is what
/// <see cref="BandsReferenceTests"/> shows.
/// </summary>
public class BandsGeometryTests
{
    [Fact]
    public void Traffic_across_the_antimeridian_has_the_bands_it_has_when_shifted_to_the_prime_meridian()
    {
        var across = TrafficGenerator.Generate(700, 11, new GeoBox(-12, 178.5, -9, -178.5));
        var shifted = SphereMove.ShiftLongitude(across, 180);
        var calculator = new GuidanceBandsCalculator();
        var ownships = calculator.AircraftInConflict(across);
        calculator.AircraftInConflict(shifted).ShouldBe(ownships);
        // Ownships whose traffic lies on both sides of 180°.
        var straddling = ownships.Where(i => Math.Abs(across.LonDeg[i]) > 179.3).Take(25).ToArray();
        straddling.Length.ShouldBeGreaterThanOrEqualTo(10);

        ShouldAgree(across, shifted, straddling, calculator);
    }

    [Theory]
    [InlineData(81.0)]
    [InlineData(87.5)]
    [InlineData(-84.0)]
    public void High_latitude_traffic_has_the_bands_it_has_when_moved_along_the_meridian_to_45_degrees(double latDeg)
    {
        var sign = Math.Sign(latDeg);
        var polar = TrafficGenerator.Generate(500, 13, new GeoBox(latDeg - 1, -30, latDeg + 1, 30));
        var calculator = new GuidanceBandsCalculator();
        var ownships = calculator.AircraftInConflict(polar).Take(12).ToArray();
        ownships.Length.ShouldBeGreaterThanOrEqualTo(8);
        foreach (var own in ownships)
        {
            // Each ownship gets its own rotation, which keeps its north.
            var moved = SphereMove.MoveAlongMeridian(polar, own, 45 * sign);
            Math.Abs(moved.LatDeg[own] - (45 * sign)).ShouldBeLessThan(1e-9);
            ShouldAgree(polar, moved, [own], calculator);
        }
    }

    [Fact]
    public void A_dense_terminal_area_puts_each_current_value_of_an_aircraft_in_conflict_in_a_conflicting_band()
    {
        // 400 aircraft within 30 NM, climbing, descending and level below 15 000 ft as around a terminal area.
        var snapshot = TrafficGenerator.Generate(400, 17, new GeoBox(51.2, -0.8, 51.7, 0.0));
        var calculator = new GuidanceBandsCalculator();
        var inConflict = calculator.AircraftInConflict(snapshot);
        inConflict.Length.ShouldBeGreaterThan(100);
        var sample = inConflict.Where((_, n) => n % 4 == 0).ToArray();
        var results = calculator.Compute(snapshot, sample);
        var recovery = 0;
        foreach (var bands in results)
        {
            // Holding the current track, speed and vertical speed is the straight flight that conflicts.
            foreach (var kind in new[] { BandKind.Track, BandKind.GroundSpeed, BandKind.VerticalSpeed })
            {
                var own = bands.Own[(int)kind];
                var at = bands.Of(kind).Where(b => b.Lower <= own + 1e-9 && own <= b.Upper + 1e-9).ToList();
                at.ShouldNotBeEmpty();
                at.ShouldContain(b => b.Region != BandRegion.None, $"{snapshot.Ids[bands.Ownship]} {kind} {own}");
            }
            foreach (var kind in BandKinds.All)
            {
                ShouldPartition(bands, kind, calculator.Options);
            }
            recovery += BandKinds.All.Count(bands.IsRecovery);
        }
        recovery.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void An_aircraft_exactly_5_NM_abeam_on_a_parallel_course_bounds_the_turns_towards_it_only()
    {
        // Solver level, so the 5 NM is exact: the same velocity 9260 m to the east, same altitude.
        var own = new PlaneState(0, 0, 9000, 0, 230, 0);
        var solver = new OwnshipBandsSolver(BandsOptions.Default, own, [own with { X = 5 * Units.NmToM }]);

        // Speed and vertical speed changes keep it exactly 5 NM away: never a loss of separation.
        solver.SolveKind(BandKind.GroundSpeed).ShouldHaveSingleItem().Region.ShouldBe(BandRegion.None);
        solver.SolveKind(BandKind.VerticalSpeed).ShouldHaveSingleItem().Region.ShouldBe(BandRegion.None);
        // Any turn to the right (east) closes on it; turns to the left open.
        var track = solver.SolveKind(BandKind.Track);
        track.Single(b => b.Lower <= 10 && 10 <= b.Upper).Region.ShouldBe(BandRegion.Near);
        track.Single(b => b.Lower <= 350 && 350 <= b.Upper).Region.ShouldBe(BandRegion.None);
    }

    [Fact]
    public void An_aircraft_exactly_1000_ft_above_head_on_leaves_every_track_and_speed_free_but_not_the_climb()
    {
        var own = new PlaneState(0, 0, 9000, 0, 230, 0);
        var solver = new OwnshipBandsSolver(BandsOptions.Default, own, [new PlaneState(0, 40_000, 9000 + (1000 * Units.FtToM), 0, -230, 0)]);

        solver.SolveKind(BandKind.Track).ShouldHaveSingleItem().Region.ShouldBe(BandRegion.None);
        solver.SolveKind(BandKind.GroundSpeed).ShouldHaveSingleItem().Region.ShouldBe(BandRegion.None);
        var vs = solver.SolveKind(BandKind.VerticalSpeed);
        // Level flight (the grid value 0) is free, so is any descent; the first climb step already conflicts.
        vs.Single(b => b.Lower <= -50 && -50 <= b.Upper).Region.ShouldBe(BandRegion.None);
        vs.Single(b => b.Lower <= -50 && -50 <= b.Upper).Upper.ShouldBe(0, 1e-9);
        vs.Single(b => b.Lower <= 50 && 50 <= b.Upper).Region.ShouldBe(BandRegion.Near);
        var own100Up = (own.Z / Units.FtToM) + 100;
        solver.SolveKind(BandKind.Altitude).Single(b => b.Lower <= own100Up && own100Up <= b.Upper).Region.ShouldBe(BandRegion.Near);
    }

    private static void ShouldAgree(TrafficSnapshot a, TrafficSnapshot b, int[] ownships, GuidanceBandsCalculator calculator)
    {
        var csvA = new StringWriter();
        BandsCsv.Write(csvA, a, calculator.Compute(a, ownships));
        var csvB = new StringWriter();
        BandsCsv.Write(csvB, b, calculator.Compute(b, ownships));
        var result = BandsComparison.Compare(csvA.ToString(), csvB.ToString());
        result.Compared.ShouldBe(4 * ownships.Length);
        result.Passed.ShouldBeTrue(result.ToString());
        // Not a vacuous agreement: some of these ownships have conflicting tracks.
        csvA.ToString().ShouldContain("trk_deg");
        csvA.ToString().Split('\n').Count(l => l.Contains("NEAR", StringComparison.Ordinal)).ShouldBeGreaterThan(ownships.Length);
    }

    private static void ShouldPartition(OwnshipBands bands, BandKind kind, BandsOptions o)
    {
        var (lo, hi) = kind switch
        {
            BandKind.Altitude => (o.MinAltitudeFt, o.MaxAltitudeFt),
            BandKind.GroundSpeed => (o.MinGroundSpeedKt, o.MaxGroundSpeedKt),
            BandKind.Track => (0.0, 360.0),
            _ => (o.MinVerticalSpeedFpm, o.MaxVerticalSpeedFpm),
        };
        var list = bands.Of(kind).ToList();
        list[0].Lower.ShouldBe(lo, 1e-9);
        list[^1].Upper.ShouldBe(hi, 1e-9);
        for (var i = 1; i < list.Count; i++)
        {
            list[i].Lower.ShouldBe(list[i - 1].Upper, 1e-9);
        }
    }
}
