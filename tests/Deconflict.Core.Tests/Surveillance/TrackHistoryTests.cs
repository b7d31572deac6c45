using CsCheck;
using Deconflict.Core.Surveillance;

namespace Deconflict.Core.Tests.Surveillance;

/// <summary>
/// The track history by its defining properties on random report streams, against a plain model: what is kept
/// (the first report of a track after each interval), what a window answers (kept samples inside it, thinned per
/// track, oldest first, only included tracks), and the bounds (retention, the sample cap, the reply limit).
/// </summary>
public class TrackHistoryTests
{
    private static readonly Gen<(double IntervalS, List<LiveTrack> Reports)> Streams =
        from interval in Gen.Int[0, 30]
        from steps in Gen.Select(Gen.Int[0, 3], Gen.Int[0, 40]).List[1, 200]
        select ((double)interval, Reports(steps));

    private static List<LiveTrack> Reports(List<(int Track, int Dt)> steps)
    {
        var time = new double[4];
        var list = new List<LiveTrack>();
        foreach (var (track, dt) in steps)
        {
            time[track] += dt;
            list.Add(new LiveTrack($"T{track}", track % 2 == 0 ? "a" : "b", null, null, 1_000 + time[track], 35 + track, 38, 20_000, 300, 90, 0));
        }
        return list;
    }

    /// <summary>The model: per track, a report is kept when it comes at least the interval after the last kept one.</summary>
    private static List<LiveTrack> Kept(double intervalS, List<LiveTrack> reports)
    {
        var last = new Dictionary<string, double>();
        var kept = new List<LiveTrack>();
        foreach (var r in reports)
        {
            if (last.TryGetValue(r.Id, out var t) && r.TimeS < t + intervalS)
            {
                continue;
            }
            last[r.Id] = r.TimeS;
            kept.Add(r);
        }
        return kept;
    }

    [Fact]
    public void The_first_report_after_each_interval_is_kept_and_a_window_answers_the_kept_samples_inside_it_oldest_first()
    {
        Gen.Select(Streams, Gen.Int[0, 1200], Gen.Int[0, 1200]).Sample((stream, a, b) =>
        {
            var history = new TrackHistory(stream.IntervalS);
            foreach (var r in stream.Reports)
            {
                history.Record(r);
            }
            var kept = Kept(stream.IntervalS, stream.Reports);
            history.Count.ShouldBe(kept.Count);
            var (from, to) = (1_000.0 + Math.Min(a, b), 1_000.0 + Math.Max(a, b));
            var window = new List<LiveTrack>();
            history.Window(from, to, 0, int.MaxValue, window).ShouldBeTrue();
            window.ShouldBe([.. kept.Where(r => r.TimeS >= from && r.TimeS <= to).OrderBy(r => r.TimeS)]);
        });
    }

    [Fact]
    public void A_thinned_window_keeps_at_most_one_sample_per_track_per_step_and_only_the_tracks_included()
    {
        Gen.Select(Streams, Gen.Int[1, 120]).Sample((stream, every) =>
        {
            var history = new TrackHistory(stream.IntervalS);
            foreach (var r in stream.Reports)
            {
                history.Record(r);
            }
            var window = new List<LiveTrack>();
            history.Window(0, double.MaxValue, every, int.MaxValue, window, t => t.Party == "a").ShouldBeTrue();
            window.ShouldAllBe(t => t.Party == "a");
            foreach (var track in window.GroupBy(t => t.Id))
            {
                var times = track.Select(t => t.TimeS).ToList();
                for (var k = 1; k < times.Count; k++)
                {
                    (times[k] - times[k - 1]).ShouldBeGreaterThanOrEqualTo(every);
                }
            }
            // Thinning never drops a track that has samples.
            var tracks = Kept(stream.IntervalS, stream.Reports).Where(r => r.Party == "a").Select(r => r.Id).Distinct().Order();
            window.Select(t => t.Id).Distinct().Order().ShouldBe(tracks);
        });
    }

    [Fact]
    public void The_oldest_samples_go_first_past_the_cap_and_past_the_retention()
    {
        Streams.Sample(stream =>
        {
            var history = new TrackHistory(0, retentionS: 100, maxSamples: 50);
            foreach (var r in stream.Reports)
            {
                history.Record(r);
            }
            history.Count.ShouldBe(Math.Min(50, stream.Reports.Count));
            var window = new List<LiveTrack>();
            history.Window(0, double.MaxValue, 0, int.MaxValue, window);
            window.ShouldBe([.. stream.Reports.TakeLast(50).OrderBy(r => r.TimeS)]);
            var newest = stream.Reports.Max(r => r.TimeS);
            history.Trim(newest);
            window.Clear();
            history.Window(0, double.MaxValue, 0, int.MaxValue, window);
            window.ShouldAllBe(r => r.TimeS >= newest - 100);
        });
    }

    [Fact]
    public void A_window_larger_than_the_limit_answers_false()
    {
        var history = new TrackHistory(0);
        for (var k = 0; k < 10; k++)
        {
            history.Record(new LiveTrack("T", "a", null, null, k, 35, 38, 20_000, 300, 90, 0));
        }
        var window = new List<LiveTrack>();
        history.Window(0, 100, 0, 9, window).ShouldBeFalse();
        window.ShouldBeEmpty();
        history.Window(0, 100, 0, 10, window).ShouldBeTrue();
        window.Count.ShouldBe(10);
    }

    [Fact]
    public void Reports_without_a_finite_time_are_not_kept()
    {
        var history = new TrackHistory(0);
        history.Record(new LiveTrack("T", "a", null, null, double.NaN, 35, 38, 20_000, 300, 90, 0)).ShouldBeFalse();
        history.Count.ShouldBe(0);
    }
}
