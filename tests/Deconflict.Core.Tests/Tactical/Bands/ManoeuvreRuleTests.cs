using CsCheck;
using Deconflict.Core.Tactical;
using Deconflict.Core.Tactical.Bands;

namespace Deconflict.Core.Tests.Tactical.Bands;

public class ManoeuvreRuleTests
{
    /// <summary>Bands with the given altitude and track rows, every other kind one conflict-free band.</summary>
    private static OwnshipBands Bands(double altFt, double trkDeg, (double Lo, double Hi, BandRegion R)[] alt, (double Lo, double Hi, BandRegion R)[]? trk = null)
    {
        var rows = new List<GuidanceBand>();
        rows.AddRange(alt.Select(x => new GuidanceBand(BandKind.Altitude, x.Lo, x.Hi, x.R)));
        rows.Add(new GuidanceBand(BandKind.GroundSpeed, 0, 700, BandRegion.None));
        rows.AddRange((trk ?? [(0, 360, BandRegion.None)]).Select(x => new GuidanceBand(BandKind.Track, x.Lo, x.Hi, x.R)));
        rows.Add(new GuidanceBand(BandKind.VerticalSpeed, -6000, 6000, BandRegion.None));
        return new OwnshipBands(0, rows, [altFt, 450, trkDeg, 0]);
    }

    [Fact]
    public void The_nearest_free_level_lies_in_a_conflict_free_band()
    {
        // Near 29 000-31 000 ft: FL310 and FL290 are at the band edges, conflict-free (DAIDALUS closes NONE bands at their end targets).
        var bands = Bands(30_200, 90, [(0, 29_000, BandRegion.None), (29_000, 31_000, BandRegion.Near), (31_000, 60_000, BandRegion.None)]);
        ManoeuvreRule.NearestFreeLevel(bands).ShouldBe(31_000);
        ManoeuvreRule.Proposal(bands).ShouldBe(new Manoeuvre(BandKind.Altitude, 31_000));
        new Manoeuvre(BandKind.Altitude, 31_000).FlightLevel.ShouldBe(310);
    }

    [Fact]
    public void Of_two_equally_near_levels_the_higher_is_proposed()
    {
        var bands = Bands(30_000, 90, [(0, 29_000, BandRegion.None), (29_000, 31_000, BandRegion.Near), (31_000, 60_000, BandRegion.None)]);
        ManoeuvreRule.NearestFreeLevel(bands).ShouldBe(31_000);
    }

    [Fact]
    public void A_conflict_free_band_narrower_than_a_level_step_holds_no_level()
    {
        var bands = Bands(30_000, 90, [(0, 30_100, BandRegion.Near), (30_100, 30_900, BandRegion.None), (30_900, 60_000, BandRegion.Near)],
            [(0, 80, BandRegion.None), (80, 100, BandRegion.Near), (100, 360, BandRegion.None)]);
        ManoeuvreRule.NearestFreeLevel(bands).ShouldBeNull();
        // No level is free: the nearest free track instead (80 and 100 are equally near; either is a turn of 10 degrees).
        var p = ManoeuvreRule.Proposal(bands).ShouldNotBeNull();
        p.Kind.ShouldBe(BandKind.Track);
        ManoeuvreRule.Change(bands, p).ShouldBe(10);
    }

    [Fact]
    public void Recovery_bands_are_not_conflict_free()
    {
        var bands = Bands(30_000, 90, [(0, 31_400, BandRegion.Near), (31_400, 60_000, BandRegion.Recovery)],
            [(0, 55, BandRegion.Recovery), (55, 315, BandRegion.Near), (315, 360, BandRegion.Recovery)]);
        ManoeuvreRule.Proposal(bands).ShouldBeNull();
    }

    [Fact]
    public void The_aircraft_of_the_lower_priority_intent_moves()
    {
        var a = new ManoeuvreCandidate("air-force", "AF1", 9, Bands(30_000, 90, [(0, 29_000, BandRegion.None), (29_000, 31_000, BandRegion.Near), (31_000, 60_000, BandRegion.None)]));
        var b = new ManoeuvreCandidate("coalition", "C1", 5, Bands(30_000, 270, [(0, 25_000, BandRegion.None), (25_000, 35_000, BandRegion.Near), (35_000, 60_000, BandRegion.None)]));
        ManoeuvreRule.WhoMoves(a, b).ShouldBe((1, new Manoeuvre(BandKind.Altitude, 35_000)));
        ManoeuvreRule.WhoMoves(b, a).ShouldBe((0, new Manoeuvre(BandKind.Altitude, 35_000)));
        // Equal priorities: the smaller change moves.
        ManoeuvreRule.WhoMoves(a with { Priority = 5 }, b).ShouldBe((0, new Manoeuvre(BandKind.Altitude, 31_000)));
    }

    [Fact]
    public void An_aircraft_without_a_free_manoeuvre_is_not_asked_to_move()
    {
        var stuck = new ManoeuvreCandidate("a", "A1", 1, Bands(30_000, 90, [(0, 60_000, BandRegion.Near)], [(0, 360, BandRegion.Near)]));
        var free = new ManoeuvreCandidate("b", "B1", 9, Bands(30_000, 270, [(0, 29_000, BandRegion.None), (29_000, 31_000, BandRegion.Near), (31_000, 60_000, BandRegion.None)]));
        ManoeuvreRule.WhoMoves(stuck, free).Mover.ShouldBe(1);
        ManoeuvreRule.WhoMoves(stuck, stuck with { Party = "b" }).Mover.ShouldBe(-1);
    }

    [Fact]
    public void Computed_bands_give_a_level_at_least_one_step_from_a_head_on_intruder()
    {
        var snapshot = new TrafficSnapshot();
        snapshot.Add("A", 0, 0, 30_000, 450, 90, 0);
        snapshot.Add("B", 0, 1.0, 30_000, 450, 270, 0);
        var bands = new GuidanceBandsCalculator().Compute(snapshot, 0);
        var level = ManoeuvreRule.NearestFreeLevel(bands).ShouldNotBeNull();
        (level % 1000).ShouldBe(0);
        Math.Abs(level - 30_000).ShouldBeGreaterThanOrEqualTo(1000);
        bands.Of(BandKind.Altitude).Any(b => b.Region == BandRegion.None && b.Contains(level)).ShouldBeTrue();
    }

    /// <summary>Random partitions of 0-60 000 ft into bands on the 100 ft grid, each NONE, NEAR or RECOVERY.</summary>
    private static readonly Gen<(double Own, (double Lo, double Hi, BandRegion R)[] Rows)> Partitions =
        from own in Gen.Double[0, 60_000]
        from cuts in Gen.Int[1, 599].Array[0, 12]
        from regions in Gen.Int[0, 2].Array[13]
        select (own, Partition(cuts, regions));

    private static (double, double, BandRegion)[] Partition(int[] cuts, int[] regions)
    {
        var edges = cuts.Select(c => c * 100.0).Distinct().Order().Prepend(0).Append(60_000).ToArray();
        return [.. Enumerable.Range(0, edges.Length - 1).Select(i => (edges[i], edges[i + 1], (BandRegion)regions[i]))];
    }

    [Fact]
    public void The_proposed_level_is_free_and_no_free_level_is_nearer()
    {
        Partitions.Sample(p =>
        {
            var bands = Bands(p.Own, 90, p.Rows);
            // Oracle: every level 0-60 000 ft, free when some NONE row holds it.
            var free = Enumerable.Range(0, 61).Select(k => k * 1000.0)
                .Where(l => p.Rows.Any(r => r.R == BandRegion.None && r.Lo <= l && l <= r.Hi)).ToList();
            var level = ManoeuvreRule.NearestFreeLevel(bands);
            if (free.Count == 0)
            {
                return level is null;
            }
            if (level is not { } l0 || !free.Contains(l0))
            {
                return false;
            }
            var nearest = free.Min(l => Math.Abs(l - p.Own));
            return Math.Abs(l0 - p.Own) == nearest && !free.Any(l => Math.Abs(l - p.Own) == nearest && l > l0);
        });
    }

    [Fact]
    public void Who_moves_does_not_depend_on_the_order_of_the_pair()
    {
        Gen.Select(Partitions, Partitions, Gen.Int[0, 3].Nullable(), Gen.Int[0, 3].Nullable(), Gen.Bool).Sample((pa, pb, qa, qb, sameParty) =>
        {
            var a = new ManoeuvreCandidate("a", "T1", qa, Bands(pa.Own, 90, pa.Rows));
            var b = new ManoeuvreCandidate(sameParty ? "a" : "b", "T2", qb, Bands(pb.Own, 270, pb.Rows));
            var ab = ManoeuvreRule.WhoMoves(a, b);
            var ba = ManoeuvreRule.WhoMoves(b, a);
            var swapped = ba.Mover < 0 ? -1 : 1 - ba.Mover;
            if (ab.Mover != swapped || ab.Manoeuvre != ba.Manoeuvre)
            {
                return false;
            }
            // The mover's manoeuvre is its own proposal; a lower-priority aircraft with a proposal always moves.
            var proposals = new[] { ManoeuvreRule.Proposal(a.Bands), ManoeuvreRule.Proposal(b.Bands) };
            if (ab.Mover >= 0 && proposals[ab.Mover] != ab.Manoeuvre)
            {
                return false;
            }
            return !(qa < qb && proposals[0] is not null && proposals[1] is not null) || ab.Mover == 0;
        });
    }
}
