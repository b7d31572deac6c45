using Deconflict.Core.Surveillance;

namespace Deconflict.Core.Tests.Surveillance;

public class AlertTrackerTests
{
    private static AlertObservation Conflict(string a, string b, double tIn, double tOut = 400) =>
        new(a, b, null, null, tIn, tOut, (tIn + tOut) / 2, 1, 100, 45, 7, 30000, 45.01, 7, 30100);

    private static List<AlertChange> Cycle(AlertTracker tracker, double t, params AlertObservation[] conflicts)
    {
        foreach (var c in conflicts)
        {
            tracker.Observe(c, t);
        }
        var changes = new List<AlertChange>();
        tracker.EndCycle(t, changes);
        return changes;
    }

    [Fact]
    public void Levels_follow_the_time_to_loss_of_separation()
    {
        var options = new AlertOptions();
        options.LevelFor(301).ShouldBe(AlertLevel.None);
        options.LevelFor(300).ShouldBe(AlertLevel.Caution);
        options.LevelFor(61).ShouldBe(AlertLevel.Caution);
        options.LevelFor(60).ShouldBe(AlertLevel.Warning);
        options.LevelFor(0).ShouldBe(AlertLevel.Warning);
    }

    [Fact]
    public void A_conflict_is_raised_at_once_and_escalated_at_once()
    {
        var tracker = new AlertTracker();
        var raised = Cycle(tracker, 0, Conflict("b", "a", 200)).ShouldHaveSingleItem();
        raised.Kind.ShouldBe(AlertChangeKind.Raised);
        raised.Episode.Level.ShouldBe(AlertLevel.Caution);
        raised.Episode.Id1.ShouldBe("a");
        raised.Episode.LosStartS.ShouldBe(200);
        var up = Cycle(tracker, 1, Conflict("a", "b", 50)).ShouldHaveSingleItem();
        up.Kind.ShouldBe(AlertChangeKind.LevelChanged);
        up.Episode.Level.ShouldBe(AlertLevel.Warning);
        up.PreviousLevel.ShouldBe(AlertLevel.Caution);
    }

    [Fact]
    public void A_conflict_that_flickers_in_and_out_stays_one_alert()
    {
        var tracker = new AlertTracker(new AlertOptions { HoldCycles = 3, HoldS = 0 });
        var all = new List<AlertChange>();
        for (var t = 0; t < 60; t++)
        {
            // Detected on two cycles out of three: noise around the threshold.
            all.AddRange(t % 3 == 2 ? Cycle(tracker, t) : Cycle(tracker, t, Conflict("a", "b", 100)));
        }
        all.ShouldHaveSingleItem().Kind.ShouldBe(AlertChangeKind.Raised);
        tracker.Active.Count.ShouldBe(1);
    }

    [Fact]
    public void A_warning_that_wavers_is_not_lowered_until_the_weaker_level_holds()
    {
        var tracker = new AlertTracker(new AlertOptions { HoldCycles = 3, HoldS = 0 });
        var all = new List<AlertChange>();
        for (var t = 0; t < 30; t++)
        {
            all.AddRange(Cycle(tracker, t, Conflict("a", "b", t % 2 == 0 ? 40 : 80)));
        }
        all.Count.ShouldBe(1);
        all[0].Episode.Level.ShouldBe(AlertLevel.Warning);
        for (var t = 30; t < 33; t++)
        {
            all.AddRange(Cycle(tracker, t, Conflict("a", "b", 80)));
        }
        all.Count.ShouldBe(2);
        all[1].Kind.ShouldBe(AlertChangeKind.LevelChanged);
        all[1].Episode.Level.ShouldBe(AlertLevel.Caution);
        all[1].Episode.MaxLevel.ShouldBe(AlertLevel.Warning);
    }

    [Fact]
    public void An_alert_clears_only_after_the_hold_cycles_and_hold_time()
    {
        var tracker = new AlertTracker(new AlertOptions { HoldCycles = 2, HoldS = 5 });
        Cycle(tracker, 0, Conflict("a", "b", 10));
        Cycle(tracker, 1).ShouldBeEmpty();
        Cycle(tracker, 2).ShouldBeEmpty();
        Cycle(tracker, 5).ShouldBeEmpty();
        var cleared = Cycle(tracker, 6).ShouldHaveSingleItem();
        cleared.Kind.ShouldBe(AlertChangeKind.Cleared);
        cleared.Episode.ClearedS.ShouldBe(6);
        cleared.Episode.IsActive.ShouldBeFalse();
        tracker.Active.ShouldBeEmpty();
        // A later conflict between the same pair is a new episode.
        var again = Cycle(tracker, 20, Conflict("a", "b", 10)).ShouldHaveSingleItem();
        again.Kind.ShouldBe(AlertChangeKind.Raised);
        again.Episode.ShouldNotBeSameAs(cleared.Episode);
    }

    [Fact]
    public void Conflicts_beyond_the_caution_time_raise_nothing()
    {
        var tracker = new AlertTracker(new AlertOptions { CautionS = 120, WarningS = 30 });
        Cycle(tracker, 0, Conflict("a", "b", 150)).ShouldBeEmpty();
        Cycle(tracker, 1, Conflict("a", "b", 110)).ShouldHaveSingleItem().Episode.Level.ShouldBe(AlertLevel.Caution);
    }

    [Fact]
    public void Inconsistent_options_are_refused() =>
        Should.Throw<ArgumentException>(() => new AlertTracker(new AlertOptions { CautionS = 30, WarningS = 60 }));
}
