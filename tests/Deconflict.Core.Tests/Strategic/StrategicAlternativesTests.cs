using CsCheck;
using Deconflict.Core.Strategic;
using static Deconflict.Core.Tests.Strategic.Build;

namespace Deconflict.Core.Tests.Strategic;

public class StrategicAlternativesTests
{
    [Fact]
    public void A_candidate_under_a_higher_priority_intent_is_offered_a_band_above_below_and_a_later_window()
    {
        var index = new StrategicIndex();
        index.Upsert(Intent("theirs", "p2", Volume(Circle(34, 37, 10_000), 10_000, 20_000, 0, 2), priority: 5));
        var mine = Intent("mine", "p1", Volume(Circle(34, 37.05, 10_000), 15_000, 25_000, 1, 3));

        var offered = StrategicAlternatives.Suggest(index, mine).ToDictionary(a => a.Change);

        offered["raise"].ShiftFt.ShouldBe(5000);
        offered["raise"].Intent.Volumes[0].AltLowerFt.ShouldBe(20_000);
        offered["lower"].ShiftFt.ShouldBe(-15_000);
        offered["lower"].Intent.Volumes[0].AltUpperFt.ShouldBe(10_000);
        offered["later"].ShiftS.ShouldBe(3600);
        offered["later"].Intent.Volumes[0].TimeStart.ShouldBe(T0.AddHours(2));
    }

    [Fact]
    public void A_move_that_meets_another_blocking_intent_moves_on_past_it()
    {
        var index = new StrategicIndex();
        index.Upsert(Intent("low", "p2", Volume(Circle(34, 37, 10_000), 10_000, 20_000), priority: 5));
        index.Upsert(Intent("high", "p3", Volume(Circle(34, 37, 10_000), 21_000, 30_000), priority: 5));
        var mine = Intent("mine", "p1", Volume(Circle(34, 37, 5_000), 12_000, 18_000));

        var raise = StrategicAlternatives.Suggest(index, mine).Single(a => a.Change == "raise");

        raise.Intent.Volumes[0].AltLowerFt.ShouldBeGreaterThanOrEqualTo(30_000);
        index.FindConflicts(raise.Intent).ShouldNotContain(c => c.Blocking);
    }

    [Fact]
    public void Nothing_is_offered_when_nothing_blocks()
    {
        var index = new StrategicIndex();
        index.Upsert(Intent("theirs", "p2", Volume(Circle(34, 37, 10_000)), priority: 0));
        StrategicAlternatives.Suggest(index, Intent("mine", "p1", Volume(Circle(34, 37, 10_000)), priority: 1)).ShouldBeEmpty();
    }

    [Fact]
    public void Every_offered_alternative_is_free_of_blocking_conflicts_and_keeps_the_shape_band_width_and_duration()
    {
        var gen =
            from n in Gen.Int[1, 6]
            from others in Gen.Select(Gen.Double[-0.3, 0.3], Gen.Double[-0.3, 0.3], Gen.Int[0, 40], Gen.Int[1, 15], Gen.Int[0, 20], Gen.Int[1, 8])
                .Array[n]
            from lower in Gen.Int[0, 40]
            from thick in Gen.Int[1, 15]
            from start in Gen.Int[0, 20]
            from hours in Gen.Int[1, 8]
            select (others, lower, thick, start, hours);
        gen.Sample(t =>
        {
            var index = new StrategicIndex();
            for (var i = 0; i < t.others.Length; i++)
            {
                var (dLat, dLon, lo, th, st, h) = t.others[i];
                index.Upsert(Intent($"o{i}", $"p{2 + (i % 2)}", Volume(Circle(34 + dLat, 37 + dLon, 20_000), lo * 1000, (lo + th) * 1000, st, st + h), priority: 1 + (i % 3)));
            }
            var mine = Intent("mine", "p1", Volume(Circle(34, 37, 20_000), t.lower * 1000, (t.lower + t.thick) * 1000, t.start, t.start + t.hours), priority: 1);
            var blocked = index.FindConflicts(mine).Any(c => c.Blocking);
            var offered = StrategicAlternatives.Suggest(index, mine);
            if (!blocked)
            {
                offered.ShouldBeEmpty();
            }
            foreach (var a in offered)
            {
                index.FindConflicts(a.Intent).ShouldNotContain(c => c.Blocking);
                a.Conflicts.ShouldBe(index.FindConflicts(a.Intent));
                var v = a.Intent.Volumes[0];
                var w = mine.Volumes[0];
                v.Shape.ShouldBe(w.Shape);
                (v.AltUpperFt - v.AltLowerFt).ShouldBe(w.AltUpperFt - w.AltLowerFt);
                (v.TimeEnd - v.TimeStart).ShouldBe(w.TimeEnd - w.TimeStart);
                (a.ShiftFt % 1000).ShouldBe(0);
                (a.ShiftS % 60).ShouldBe(0);
                v.AltLowerFt.ShouldBeGreaterThanOrEqualTo(0);
                v.AltUpperFt.ShouldBeLessThanOrEqualTo(StrategicAlternatives.CeilingFt);
            }
        }, iter: 300);
    }
}
