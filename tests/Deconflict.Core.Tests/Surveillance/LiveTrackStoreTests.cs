using Deconflict.Core.Geodesy;
using Deconflict.Core.Surveillance;

namespace Deconflict.Core.Tests.Surveillance;

public class LiveTrackStoreTests
{
    private static PositionReport Report(string id, double t, double lat = 45, double lon = 7, double alt = 35000,
        double gs = 450, double trk = 90, double vs = 0) => new(id, t, lat, lon, alt, gs, trk, vs);

    [Fact]
    public void The_latest_report_wins_and_older_ones_are_ignored()
    {
        var store = new LiveTrackStore();
        store.Upsert(Report("a", 10, lat: 45)).ShouldBe(UpsertResult.Added);
        store.Upsert(Report("a", 20, lat: 46)).ShouldBe(UpsertResult.Updated);
        store.Upsert(Report("a", 15, lat: 47)).ShouldBe(UpsertResult.Outdated);
        store.TryGet(null, "a", out var t).ShouldBeTrue();
        t.LatDeg.ShouldBe(46);
        store.Count.ShouldBe(1);
    }

    [Fact]
    public void Fields_a_report_lacks_keep_their_last_known_values()
    {
        var store = new LiveTrackStore();
        store.Upsert(Report("a", 10, alt: 12000, gs: 300, vs: 500));
        store.Upsert(new PositionReport("a", 11, 45.1, 7.1, double.NaN, double.NaN, double.NaN, double.NaN));
        store.TryGet(null, "a", out var t).ShouldBeTrue();
        (t.LatDeg, t.AltFt, t.GsKt, t.VsFpm).ShouldBe((45.1, 12000.0, 300.0, 500.0));
    }

    [Fact]
    public void Stale_tracks_leave_and_their_slots_are_reused()
    {
        var store = new LiveTrackStore(staleAfterS: 60, initialCapacity: 4);
        for (var i = 0; i < 100; i++)
        {
            store.Upsert(Report("t" + i, i));
        }
        var evicted = new List<string>();
        store.EvictStale(100, evicted).ShouldBe(40);
        evicted.ShouldContain("t0");
        evicted.ShouldContain("t39");
        store.Count.ShouldBe(60);
        store.TryGet(null, "t0", out _).ShouldBeFalse();
        for (var i = 100; i < 140; i++)
        {
            store.Upsert(Report("t" + i, i)).ShouldBe(UpsertResult.Added);
        }
        store.Count.ShouldBe(100);
        var snapshot = new LiveSnapshot();
        store.FillSnapshot(snapshot, 140);
        snapshot.Count.ShouldBe(60); // t80..t139: the 40 older ones are stale at 140
        snapshot.Ids.Take(snapshot.Count).Distinct().Count().ShouldBe(snapshot.Count);
    }

    [Fact]
    public void Two_parties_reporting_the_same_id_have_two_tracks_and_neither_overwrites_the_other()
    {
        var store = new LiveTrackStore();
        store.Upsert(Report("a", 1), "coalition").ShouldBe(UpsertResult.Added);
        store.Upsert(Report("a", 2), "airforce").ShouldBe(UpsertResult.Added);
        store.Count.ShouldBe(2);
        store.TryGet("coalition", "a", out var t).ShouldBeTrue();
        (t.Party, t.TimeS).ShouldBe(("coalition", 1));
        store.TryGet("airforce", "a", out t).ShouldBeTrue();
        (t.Party, t.TimeS).ShouldBe(("airforce", 2));
    }

    [Fact]
    public void Snapshot_positions_are_extrapolated_to_the_cycle_time()
    {
        var store = new LiveTrackStore();
        store.Upsert(Report("east", 100, lat: 45, lon: 7, gs: 480, trk: 90, vs: 1200, alt: 20000));
        store.Upsert(Report("north", 95, lat: -30, lon: 150, gs: 360, trk: 0));
        store.Upsert(Report("ground", 99, alt: double.NaN));
        var snapshot = new LiveSnapshot();
        store.FillSnapshot(snapshot, 110);
        snapshot.Count.ShouldBe(2);
        snapshot.TimeS.ShouldBe(110);
        var e = snapshot.Ids.AsSpan(0, 2).IndexOf("east");
        var n = 1 - e;
        // 480 kt for 10 s is 2469.3 m, 1200 ft/min for 10 s is 200 ft.
        var moved = Geodesic.Inverse(45, 7, snapshot.LatDeg[e], snapshot.LonDeg[e]);
        moved.DistanceM.ShouldBe(480 * 1852.0 / 3600 * 10, 0.01);
        moved.Azimuth1Deg.ShouldBe(90, 0.02); // a constant track is a rhumb line: half the meridian convergence off the geodesic
        snapshot.AltFt[e].ShouldBe(20200, 1e-9);
        var north = Geodesic.Inverse(-30, 150, snapshot.LatDeg[n], snapshot.LonDeg[n]);
        north.DistanceM.ShouldBe(360 * 1852.0 / 3600 * 15, 0.01);
        north.Azimuth1Deg.ShouldBe(0, 0.001);
    }

    [Fact]
    public void Concurrent_writers_lose_nothing()
    {
        var store = new LiveTrackStore();
        Parallel.For(0, 4, w =>
        {
            for (var i = 0; i < 5000; i++)
            {
                store.Upsert(Report($"w{w}-{i % 500}", i));
            }
        });
        store.Count.ShouldBe(2000);
        var tracks = new List<LiveTrack>();
        store.CopyTo(tracks);
        tracks.ShouldAllBe(t => t.TimeS >= 4500);
    }
}
