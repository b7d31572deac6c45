using Deconflict.Core.Geodesy;
using Deconflict.Core.Surveillance;
using Deconflict.Core.Tactical;
using Deconflict.Testing;

namespace Deconflict.Core.Tests.Surveillance;

public class RecordingReplayTests
{
    public static TheoryData<string> Recordings() =>
    [
        "switzerland_2018-08-01_0900-1300Z.reports.csv",
        "switzerland_2018-08-01_0900-1300Z.sbs",
        "tls-lhr_2024-06-06.reports.csv",
        "tls-lhr_2024-06-06.sbs",
    ];

    private static List<PositionReport> Load(string name)
    {
        var path = RepoPaths.Data(name);
        if (name.EndsWith(".sbs", StringComparison.Ordinal))
        {
            using var stream = File.OpenRead(path);
            var feed = new SbsFeed();
            var list = feed.ReadReports(stream).ToList();
            feed.Stats.Malformed.ShouldBe(0);
            return list;
        }
        using var reader = PositionReportCsvReader.Open(path);
        return reader.ReadAll();
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public async Task Every_actual_loss_of_separation_is_alerted_within_one_report_interval(string name)
    {
        var reports = Load(name);
        var replay = new RecordingReplay(new LiveAlerting(new LiveTrackStore(), SeparationMinima.Default));
        await replay.RunAsync(reports, TestContext.Current.CancellationToken);
        replay.Reports.ShouldBe(reports.Count);

        // Independently: pairs at equal report times within 5 NM (geodesic) and less than 1000 ft.
        var interval = MedianReportInterval(reports);
        var losses = new List<(string A, string B, double T)>();
        foreach (var group in reports.Where(r => !double.IsNaN(r.AltFt)).GroupBy(r => r.TimeS))
        {
            var at = group.GroupBy(r => r.Id).Select(g => g.Last()).ToList();
            for (var i = 0; i < at.Count; i++)
            {
                for (var j = i + 1; j < at.Count; j++)
                {
                    if (Math.Abs(at[i].AltFt - at[j].AltFt) < 1000
                        && Geodesic.Inverse(at[i].LatDeg, at[i].LonDeg, at[j].LatDeg, at[j].LonDeg).DistanceM < 5 * 1852)
                    {
                        var (a, b) = string.CompareOrdinal(at[i].Id, at[j].Id) < 0 ? (at[i].Id, at[j].Id) : (at[j].Id, at[i].Id);
                        losses.Add((a, b, group.Key));
                    }
                }
            }
        }
        if (name.StartsWith("switzerland", StringComparison.Ordinal))
        {
            losses.Select(l => (l.A, l.B)).Distinct().Count().ShouldBe(41);
        }
        foreach (var (a, b, t) in losses)
        {
            replay.Episodes.ShouldContain(
                e => e.Id1 == a && e.Id2 == b && e.RaisedS <= t + interval && (e.IsActive || e.ClearedS >= t),
                $"{a}-{b} lost separation at {t} without an alert");
        }
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public async Task Alerts_match_an_offline_detection_over_the_same_snapshots(string name)
    {
        var reports = Load(name);
        var alerting = new LiveAlerting(new LiveTrackStore(), SeparationMinima.Default);
        var offline = new OfflinePicture(reports, alerting.Store.StaleAfterS);
        var detector = new TacticalDetector(1);
        var expected = new List<TacticalConflict>();
        var cycles = 0;
        var replay = new RecordingReplay(alerting)
        {
            CycleCompleted = (t, _) =>
            {
                var snapshot = offline.At(t);
                expected.Clear();
                if (snapshot.Count >= 2)
                {
                    detector.Detect(snapshot, SeparationMinima.Default, expected);
                }
                var want = expected.Select(c => Key(snapshot.Ids[c.Index1], snapshot.Ids[c.Index2])).ToHashSet();
                var live = alerting.Snapshot;
                var got = alerting.Conflicts.Select(c => Key(live.Ids[c.Index1], live.Ids[c.Index2])).ToHashSet();
                got.SetEquals(want).ShouldBeTrue($"cycle {t}: live {string.Join(' ', got)} vs offline {string.Join(' ', want)}");
                // Every conflict predicted within the caution time has an active alert at its level or above.
                var active = alerting.Tracker.Active.ToDictionary(e => Key(e.Id1, e.Id2));
                foreach (var c in expected.Where(c => c.TInS <= alerting.Tracker.Options.CautionS))
                {
                    var e = active[Key(snapshot.Ids[c.Index1], snapshot.Ids[c.Index2])];
                    ((int)e.Level).ShouldBeGreaterThanOrEqualTo((int)alerting.Tracker.Options.LevelFor(c.TInS));
                }
                cycles++;
            },
        };
        await replay.RunAsync(reports, TestContext.Current.CancellationToken);
        cycles.ShouldBeGreaterThan(100);
    }

    private static string Key(string a, string b) => string.CompareOrdinal(a, b) < 0 ? a + "-" + b : b + "-" + a;

    private static double MedianReportInterval(List<PositionReport> reports)
    {
        var gaps = reports.GroupBy(r => r.Id)
            .SelectMany(g => g.Select(r => r.TimeS).Order().Zip(g.Select(r => r.TimeS).Order().Skip(1), (x, y) => y - x))
            .Where(d => d > 0).Order().ToList();
        return gaps[gaps.Count / 2];
    }

    /// <summary>
    /// The picture rebuilt from the raw reports without the live store: for each aircraft the
    /// latest report at or before t (absent fields taken from earlier reports), extrapolated to t.
    /// </summary>
    private sealed class OfflinePicture(List<PositionReport> reports, double staleS)
    {
        private readonly Dictionary<string, PositionReport> _latest = [];
        private int _next;

        public TrafficSnapshot At(double t)
        {
            while (_next < reports.Count && reports[_next].TimeS <= t)
            {
                var r = reports[_next++];
                if (_latest.TryGetValue(r.Id, out var old))
                {
                    if (r.TimeS < old.TimeS)
                    {
                        continue;
                    }
                    r = r with
                    {
                        AltFt = double.IsNaN(r.AltFt) ? old.AltFt : r.AltFt,
                        GsKt = double.IsNaN(r.GsKt) ? old.GsKt : r.GsKt,
                        TrkDeg = double.IsNaN(r.TrkDeg) ? old.TrkDeg : r.TrkDeg,
                        VsFpm = double.IsNaN(r.VsFpm) ? old.VsFpm : r.VsFpm,
                    };
                }
                _latest[r.Id] = r;
            }
            var snapshot = new TrafficSnapshot();
            foreach (var r in _latest.Values.OrderBy(r => r.Id, StringComparer.Ordinal))
            {
                if (r.TimeS < t - staleS || double.IsNaN(r.AltFt))
                {
                    continue;
                }
                var (lat, lon) = (r.LatDeg, r.LonDeg);
                var gs = double.IsNaN(r.GsKt) ? 0 : r.GsKt;
                var trk = double.IsNaN(r.TrkDeg) ? 0 : r.TrkDeg;
                var vs = double.IsNaN(r.VsFpm) ? 0 : r.VsFpm;
                LiveTrackStore.Extrapolate(ref lat, ref lon, gs, trk, t - r.TimeS);
                snapshot.Add(r.Id, lat, lon, r.AltFt + (vs * (t - r.TimeS) / 60), gs, trk, vs);
            }
            return snapshot;
        }
    }
}
