using CsCheck;
using Deconflict.Core.Surveillance;

namespace Deconflict.Core.Tests.Surveillance;

/// <summary>
/// DO-365 alerting hysteresis (M of N with persistence), by its defining properties on random level
/// sequences: no alert is missed that M of the last N cycles computed, a single noisy cycle raises
/// nothing, a raised level is not lowered before its persistence time, and a gap restarts the history.
/// </summary>
public class Do365HysteresisTests
{
    private static readonly Gen<(Do365HysteresisOptions Options, int[] Raw)> Runs =
        from n in Gen.Int[1, 6]
        from m in Gen.Int[1, n]
        from persistence in Gen.Int[0, 6]
        from raw in Gen.Int[0, 3].Array[1, 80]
        select (new Do365HysteresisOptions { M = m, N = n, PersistenceS = persistence, ResetS = 5 }, raw);

    private static int CountAtLeast(int[] raw, int end, int n, int level)
    {
        var count = 0;
        for (var k = Math.Max(0, end - n + 1); k <= end; k++)
        {
            count += raw[k] >= level ? 1 : 0;
        }
        // Before the first cycle the history holds the first cycle's level.
        var before = n - (end - Math.Max(0, end - n + 1) + 1);
        return count + (raw[0] >= level ? before : 0);
    }

    [Fact]
    public void A_level_computed_in_m_of_the_last_n_cycles_is_reported()
    {
        Runs.Sample(run =>
        {
            var h = new Do365Hysteresis(run.Options);
            for (var t = 0; t < run.Raw.Length; t++)
            {
                var level = h.Update(run.Raw[t], t);
                for (var l = 1; l <= 3; l++)
                {
                    if (CountAtLeast(run.Raw, t, run.Options.N, l) >= run.Options.M)
                    {
                        level.ShouldBeGreaterThanOrEqualTo(l, $"cycle {t}");
                    }
                }
                level.ShouldBeInRange(0, 3);
            }
        });
    }

    [Fact]
    public void A_level_is_lowered_only_after_its_persistence_and_when_m_of_n_no_longer_hold_it()
    {
        Runs.Sample(run =>
        {
            var h = new Do365Hysteresis(run.Options);
            int previous = 0;
            double raisedAt = double.NaN;
            for (var t = 0; t < run.Raw.Length; t++)
            {
                var level = h.Update(run.Raw[t], t);
                if (level > previous)
                {
                    raisedAt = t;
                }
                else if (level < previous)
                {
                    (t - raisedAt).ShouldBeGreaterThanOrEqualTo(run.Options.PersistenceS, $"cycle {t}");
                    CountAtLeast(run.Raw, t, run.Options.N, previous).ShouldBeLessThan(run.Options.M);
                }
                previous = level;
            }
        });
    }

    [Fact]
    public void One_noisy_cycle_raises_nothing_when_m_is_two_or_more()
    {
        Gen.Select(Gen.Int[2, 6], Gen.Int[1, 3], Gen.Int[0, 20]).Sample((n, spike, quiet) =>
        {
            var h = new Do365Hysteresis(new Do365HysteresisOptions { M = 2, N = n, PersistenceS = 4 });
            var t = 0;
            for (; t <= quiet; t++)
            {
                h.Update(0, t).ShouldBe(0);
            }
            h.Update(spike, t++).ShouldBe(0);
            h.Update(0, t).ShouldBe(0);
        });
    }

    [Fact]
    public void A_gap_longer_than_the_reset_time_starts_from_the_new_level()
    {
        Gen.Select(Gen.Int[0, 3].Array[1, 10], Gen.Int[0, 3], Gen.Double[5.01, 100]).Sample((before, after, gap) =>
        {
            var h = new Do365Hysteresis(new Do365HysteresisOptions());
            for (var t = 0; t < before.Length; t++)
            {
                h.Update(before[t], t);
            }
            h.Update(after, before.Length - 1 + gap).ShouldBe(after);
        });
    }

    [Fact]
    public void Inconsistent_options_are_refused()
    {
        Should.Throw<ArgumentException>(() => new Do365Hysteresis(new Do365HysteresisOptions { M = 3, N = 2 }));
        Should.Throw<ArgumentException>(() => new Do365Hysteresis(new Do365HysteresisOptions { M = 0 }));
        Should.Throw<ArgumentException>(() => new Do365Hysteresis(new Do365HysteresisOptions { ResetS = 0 }));
    }
}
