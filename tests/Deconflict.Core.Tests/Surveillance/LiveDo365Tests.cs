using Deconflict.Core.Surveillance;
using Deconflict.Core.Tactical;

namespace Deconflict.Core.Tests.Surveillance;

/// <summary>
/// The live pipeline classifies each alert episode with the DO-365B levels through the hysteresis:
/// the level it reports follows the level computed on each cycle's snapshot, M of N cycles late at most.
/// </summary>
public class LiveDo365Tests
{
    [Fact]
    public void Converging_aircraft_reach_the_do365_warning_and_every_change_is_reported()
    {
        var alerting = new LiveAlerting(new LiveTrackStore(), SeparationMinima.Default,
            new AlertOptions { Do365 = new Do365HysteresisOptions() });
        // Head-on at one level, 30 NM apart at 45° N, 450 kt each: closing at 0.25 NM/s.
        const double lat = 45, gs = 450;
        var degPerNm = 1 / (60 * Math.Cos(lat * Math.PI / 180));
        var changes = new List<AlertChange>();
        var raw = new List<int>();
        AlertEpisode? episode = null;
        for (var t = 0; t < 110; t++)
        {
            var moved = gs / 3600 * t * degPerNm;
            alerting.Store.Upsert(new PositionReport("A", t, lat, 7 + moved, 30_000, gs, 90, 0), "p1");
            alerting.Store.Upsert(new PositionReport("B", t, lat, 7 + (30 * degPerNm) - moved, 30_000, gs, 270, 0), "p2");
            var before = changes.Count;
            alerting.RunCycle(t, changes);
            var s = alerting.Snapshot;
            raw.Add(Math.Max(Do365Alerting.Level(s.Traffic, 0, 1), Do365Alerting.Level(s.Traffic, 1, 0)));
            episode ??= alerting.Tracker.Active.SingleOrDefault();
            if (episode is null)
            {
                continue;
            }
            episode.Do365Classified.ShouldBeTrue();
            // Two cycles in a row at a level: reported at that level or above.
            if (raw.Count >= 2 && Math.Min(raw[^1], raw[^2]) is var held && held > 0)
            {
                episode.Do365Level.ShouldBeGreaterThanOrEqualTo(held, $"t={t}");
            }
            if (changes.Count == before && t > 0)
            {
                continue;
            }
            changes[^1].Episode.ShouldBeSameAs(episode);
        }
        episode.ShouldNotBeNull();
        episode.MaxDo365Level.ShouldBe(3);
        raw.ShouldContain(0, "the pair starts outside the DO-365 alerting times");
        // The cylinder level was warning well before the DO-365 warning: DO-365 changes alone are reported too.
        changes.Count(c => c.Kind == AlertChangeKind.LevelChanged && c.PreviousLevel == c.Episode.Level).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Without_do365_options_episodes_are_not_classified()
    {
        var alerting = new LiveAlerting(new LiveTrackStore(), SeparationMinima.Default);
        alerting.Store.Upsert(new PositionReport("A", 0, 45, 7, 30_000, 450, 90, 0), "p1");
        alerting.Store.Upsert(new PositionReport("B", 0, 45, 7.05, 30_000, 450, 270, 0), "p2");
        var changes = new List<AlertChange>();
        alerting.RunCycle(0, changes);
        var e = changes.ShouldHaveSingleItem().Episode;
        e.Do365Classified.ShouldBeFalse();
        e.Do365Level.ShouldBe(0);
    }
}
