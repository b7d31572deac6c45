using CsCheck;
using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic;
using static Deconflict.Core.Tests.Strategic.Build;

namespace Deconflict.Core.Tests.Strategic;

/// <summary>Alternatives: each offered one is conflict-free, the step before it is not, and none lies beyond the limits.</summary>
public class StrategicAlternativesTests
{
    [Fact]
    public void A_candidate_under_an_equal_priority_intent_is_offered_the_nearest_free_step_in_every_direction()
    {
        var index = new StrategicIndex();
        index.Upsert(Intent("theirs", "p2", Volume(Circle(34, 37, 10_000), 10_000, 20_000, 0, 2)));
        var mine = Intent("mine", "p1", Volume(Circle(34, 37.05, 10_000), 14_000, 16_000, 1, 3));

        var offered = StrategicAlternatives.Find(index, mine).ToDictionary(a => a.Kind);

        // Bands and windows are half-open: touching does not conflict, so the first free step is exactly the touch.
        offered[AlternativeKind.Above].ShiftFt.ShouldBe(6_000);
        offered[AlternativeKind.Above].Steps.ShouldBe(60);
        offered[AlternativeKind.Above].Intent.Volumes[0].AltLowerFt.ShouldBe(20_000);
        offered[AlternativeKind.Above].Intent.Volumes[0].AltUpperFt.ShouldBe(22_000);
        offered[AlternativeKind.Below].ShiftFt.ShouldBe(-6_000);
        offered[AlternativeKind.Below].Intent.Volumes[0].AltUpperFt.ShouldBe(10_000);
        offered[AlternativeKind.Delay].ShiftS.ShouldBe(3_600);
        offered[AlternativeKind.Delay].Intent.Volumes[0].TimeStart.ShouldBe(T0.AddHours(2));
        offered[AlternativeKind.Advance].ShiftS.ShouldBe(-3 * 3_600);
        offered[AlternativeKind.Advance].Intent.Volumes[0].TimeEnd.ShouldBe(T0);
        offered.ShouldNotContainKey(AlternativeKind.Left);
        offered[AlternativeKind.Delay].ShapedBy.Single().IntentId2.ShouldBe("theirs");
    }

    [Fact]
    public void A_band_that_would_need_more_than_the_limit_is_not_offered()
    {
        var index = new StrategicIndex();
        index.Upsert(Intent("theirs", "p2", Volume(Circle(34, 37, 10_000), 0, 30_000)));
        var mine = Intent("mine", "p1", Volume(Circle(34, 37, 5_000), 10_000, 12_000));

        var offered = StrategicAlternatives.Find(index, mine).Select(a => a.Kind).ToList();

        offered.ShouldNotContain(AlternativeKind.Above);   // 18,000 ft needed, limit 10,000
        offered.ShouldNotContain(AlternativeKind.Below);   // below the floor
        offered.ShouldContain(AlternativeKind.Delay);
    }

    [Fact]
    public void A_corridor_is_offset_to_both_sides_of_its_path_and_the_offset_keeps_the_distance_from_each_leg()
    {
        var index = new StrategicIndex();
        index.Upsert(Intent("theirs", "p2", Circle(0, 37.3, 2_800), priority: 9));
        var mine = Intent("mine", "p1", Corridor(2_000, (0, 37), (0, 37.6)));

        var offered = StrategicAlternatives.Find(index, mine).ToDictionary(a => a.Kind);

        // Flying east along the equator, left is north. 4,800 m clears the circle: 5,000 m is the first free step either side.
        var left = offered[AlternativeKind.Left];
        left.ShiftM.ShouldBe(5_000);
        ((CorridorShape)left.Intent.Volumes[0].Shape).Path[0].LatDeg.ShouldBeGreaterThan(0);
        offered[AlternativeKind.Right].ShiftM.ShouldBe(5_000);
        ((CorridorShape)offered[AlternativeKind.Right].Intent.Volumes[0].Shape).Path[0].LatDeg.ShouldBeLessThan(0);
        var moved = IntentShift.OffsetPath([new(10, 20), new(10.5, 20.5), new(10, 21)], 3_000);
        Geodesic.Inverse(new GeoPoint(10, 20), moved[0]).DistanceM.ShouldBe(3_000, 1e-6);
    }

    [Fact]
    public void Nothing_is_offered_to_a_conflict_free_candidate()
    {
        var index = new StrategicIndex();
        index.Upsert(Intent("theirs", "p2", Volume(Circle(34, 37, 10_000), 0, 5_000)));
        StrategicAlternatives.Find(index, Intent("mine", "p1", Volume(Circle(34, 37, 10_000), 5_000, 9_000))).ShouldBeEmpty();
    }

    [Fact]
    public void A_grid_with_a_bad_step_or_too_many_steps_is_refused_naming_the_value()
    {
        new AlternativeGrid(StepS: 0).Problem()!.Value.Field.ShouldBe("StepS");
        new AlternativeGrid(StepM: 1, LimitM: 1e9).Problem()!.Value.Field.ShouldBe("LimitM");
        new AlternativeGrid(LimitFt: -1).Problem()!.Value.Field.ShouldBe("LimitFt");
        AlternativeGrid.Default.Problem().ShouldBeNull();
    }

    /// <summary>A coarse grid so each random theatre is searched to its limits quickly.</summary>
    private static readonly AlternativeGrid Coarse = new(StepS: 900, StepFt: 500, StepM: 2_000, LimitS: 6 * 3600, LimitFt: 6_000, LimitM: 16_000);

    private static Gen<(double Lat, double Lon)> Centre =>
        Gen.Int[0, 3].SelectMany(region => region switch
        {
            0 => Gen.Select(Gen.Double[-50, 50], Gen.Double[179.7, 180.3], (lat, lon) => (lat, lon > 180 ? lon - 360 : lon)),   // across 180°
            1 => Gen.Select(Gen.Double[86, 89.95], Gen.Double[-180, 180], (lat, lon) => (lat, lon)),                           // north pole
            2 => Gen.Select(Gen.Double[-89.95, -86], Gen.Double[-180, 180], (lat, lon) => (lat, lon)),                         // south pole
            _ => Gen.Select(Gen.Double[-60, 60], Gen.Double[-180, 180], (lat, lon) => (lat, lon)),
        });

    /// <summary>A random shape near (lat, lon): a circle, a corridor of two or three positions (an orbit or a route) or a triangle.</summary>
    private static Gen<VolumeShape> ShapeNear((double Lat, double Lon) c) =>
        Gen.Select(Gen.Int[0, 3], Gen.Double[0, 360], Gen.Double[0, 25_000], Gen.Double[2_000, 15_000], Gen.Double[0, 360], Gen.Double[5_000, 40_000])
            .Select(x =>
            {
                var (kind, az, dist, size, heading, length) = x;
                var p = Offset(c.Lat, c.Lon, az, dist);
                VolumeShape shape = kind switch
                {
                    0 => new CircleShape(p, size),
                    1 => new CorridorShape([p, Offset(p.LatDeg, p.LonDeg, heading, length)], size / 3),
                    2 => new CorridorShape([p, Offset(p.LatDeg, p.LonDeg, heading, length), Offset(p.LatDeg, p.LonDeg, heading + 50, length * 1.5)], size / 3),
                    _ => new PolygonShape([p, Offset(p.LatDeg, p.LonDeg, heading, length), Offset(p.LatDeg, p.LonDeg, heading + 60, length)]),
                };
                return shape;
            });

    private static Gen<Volume4D> VolumeNear((double Lat, double Lon) c) =>
        Gen.Select(ShapeNear(c), Gen.Int[0, 30], Gen.Int[1, 8], Gen.Int[0, 24], Gen.Int[1, 12])
            .Select(x => new Volume4D(x.Item1, x.Item2 * 1000, (x.Item2 + x.Item3) * 1000, T0.AddMinutes(x.Item4 * 15), T0.AddMinutes((x.Item4 + x.Item5) * 15)));

    private static Gen<(OperationalIntent Mine, OperationalIntent[] Others, StrategicBuffers Buffers)> Theatre(int lowestOtherPriority) =>
        from c in Centre
        from others in Gen.Select(VolumeNear(c), Gen.Int[lowestOtherPriority, 2]).Array[1, 7]
        from mine in VolumeNear(c)
        from corridor in Gen.Bool
        from buffers in Gen.Select(Gen.Double[0, 2_000], Gen.Double[0, 1_000], Gen.Double[0, 600], (h, v, t) => new StrategicBuffers(h, v, t))
        let own = corridor && mine.Shape is not CorridorShape
            ? mine with { Shape = new CorridorShape([Offset(c.Lat, c.Lon, 0, 0), Offset(c.Lat, c.Lon, 80, 20_000)], 3_000) }
            : mine
        select (Intent("mine", "p1", own, priority: 0),
            others.Select((o, i) => Intent($"o{i}", $"p{2 + (i % 3)}", o.Item1, priority: o.Item2)).ToArray(),
            buffers);

    private static StrategicIndex IndexOf(OperationalIntent[] others)
    {
        var index = new StrategicIndex();
        foreach (var o in others)
        {
            index.Upsert(o);
        }
        return index;
    }

    [Fact]
    public void On_random_theatres_across_the_antimeridian_and_the_poles_every_alternative_is_accepted_and_one_step_less_is_blocked()
    {
        // Every other intent outranks or equals the candidate, so any conflict blocks: "not conflict-free" is "refused".
        var lateral = 0;
        var polar = 0;
        Theatre(lowestOtherPriority: 0).Sample(t =>
        {
            var index = IndexOf(t.Others);
            StrategicBuffers Buffers(string a, string b) => t.Buffers;
            var here = index.FindConflicts(t.Mine, Buffers);
            var offered = StrategicAlternatives.Find(index, t.Mine, Coarse, Buffers);
            if (here.Count == 0)
            {
                offered.ShouldBeEmpty();
                return;
            }
            Interlocked.Add(ref lateral, offered.Count(a => a.ShiftM > 0));
            Interlocked.Add(ref polar, Math.Abs(t.Mine.Volumes[0].Shape is CircleShape c ? c.Centre.LatDeg : 0) > 85 ? offered.Count : 0);
            foreach (var a in offered)
            {
                // Submitted, it would be accepted: the PUT's check finds nothing at all.
                index.FindConflicts(a.Intent, Buffers).ShouldBeEmpty($"{a.Kind} {a.Steps}");
                var text = IntentGeoJson.Write(a.Intent);
                text.ShouldBe(IntentGeoJson.Write(StrategicAlternatives.Variant(t.Mine, a.Kind, a.Steps, Coarse)!));
                // What the reply carries reads back, through the untrusted reader a PUT uses, as the same intent.
                IntentGeoJson.Write(IntentGeoJson.ReadCollection(text)[0]).ShouldBe(text);
                a.Steps.ShouldBeInRange(1, StrategicAlternatives.StepsAllowed(a.Kind, Coarse));
                Math.Abs(a.ShiftS).ShouldBeLessThanOrEqualTo(Coarse.LimitS);
                Math.Abs(a.ShiftFt).ShouldBeLessThanOrEqualTo(Coarse.LimitFt);
                a.ShiftM.ShouldBeLessThanOrEqualTo(Coarse.LimitM);
                // Minimal: one step less (k = 1: the candidate itself) is refused.
                var less = a.Steps == 1 ? t.Mine : StrategicAlternatives.Variant(t.Mine, a.Kind, a.Steps - 1, Coarse)!;
                index.FindConflicts(less, Buffers).ShouldContain(c => c.Blocking, $"{a.Kind} {a.Steps - 1}");
                for (var v = 0; v < t.Mine.Volumes.Count; v++)
                {
                    var (x, y) = (a.Intent.Volumes[v], t.Mine.Volumes[v]);
                    (x.AltUpperFt - x.AltLowerFt).ShouldBe(y.AltUpperFt - y.AltLowerFt);
                    (x.TimeEnd - x.TimeStart).ShouldBe(y.TimeEnd - y.TimeStart);
                    x.AltLowerFt.ShouldBeGreaterThanOrEqualTo(Math.Min(y.AltLowerFt, IntentShift.FloorFt));
                }
            }
            // A direction left out has no free step within its limit (searched here without the sweep).
            var kinds = t.Mine.Volumes.All(v => v.Shape is CorridorShape) ? Enum.GetValues<AlternativeKind>() : [AlternativeKind.Delay, AlternativeKind.Advance, AlternativeKind.Above, AlternativeKind.Below];
            foreach (var kind in kinds.Except(offered.Select(a => a.Kind)))
            {
                for (var k = 1; k <= StrategicAlternatives.StepsAllowed(kind, Coarse); k++)
                {
                    if (StrategicAlternatives.Variant(t.Mine, kind, k, Coarse) is { } v)
                    {
                        index.FindConflicts(v, Buffers).ShouldNotBeEmpty($"{kind} {k} is free but not offered");
                    }
                }
            }
        }, iter: 300);
        // The theatres do reach what they are for: sideways moves, and moves near a pole.
        lateral.ShouldBeGreaterThan(10);
        polar.ShouldBeGreaterThan(10);
    }

    [Fact]
    public void With_lower_priority_neighbours_an_alternative_still_meets_none_and_one_step_less_meets_some()
    {
        Theatre(lowestOtherPriority: -2).Sample(t =>
        {
            var index = IndexOf(t.Others);
            StrategicBuffers Buffers(string a, string b) => t.Buffers;
            foreach (var a in StrategicAlternatives.Find(index, t.Mine, Coarse, Buffers))
            {
                index.FindConflicts(a.Intent, Buffers).ShouldBeEmpty();
                var less = a.Steps == 1 ? t.Mine : StrategicAlternatives.Variant(t.Mine, a.Kind, a.Steps - 1, Coarse)!;
                index.FindConflicts(less, Buffers).ShouldNotBeEmpty();
                a.ShapedBy.ShouldNotBeEmpty();
                a.ShapedBy.ShouldAllBe(c => c.Party2 != "p1");
            }
        }, iter: 150);
    }
}
