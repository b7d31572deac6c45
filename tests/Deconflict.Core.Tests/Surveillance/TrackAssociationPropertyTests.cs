using CsCheck;
using Deconflict.Core.Geodesy;
using Deconflict.Core.Surveillance;

namespace Deconflict.Core.Tests.Surveillance;

/// <summary>
/// Properties of association on random aircraft anywhere on the globe (the antimeridian and high latitudes included):
/// a plot near a track's predicted position joins it, one outside the gate or after the maximum age does not, two
/// aircraft seen by one source are never one track, and the outcome does not depend on the order of the picture.
/// Predicted positions come from the geodesic, not from the associator's own extrapolation.
/// </summary>
public class TrackAssociationPropertyTests
{
    private const double M = 1852;
    private static readonly TrackAssociationOptions Gates = new();

    /// <summary>A track's state at t=1000 (lat, lon, alt, gs, trk, vs) and the age of the plot, s.</summary>
    private static readonly Gen<(double Lat, double Lon, double Alt, double Gs, double Trk, double Vs, double Age)> States =
        Gen.Select(Gen.Double[-80, 80], Gen.Double[-180, 180], Gen.Double[1000, 45_000], Gen.Double[60, 600], Gen.Double[0, 360],
            Gen.Double[-3000, 3000], Gen.Double[0, 20]);

    private static double GateNm(double ageS) => Gates.GateNm + (Gates.GateGrowthKt * ageS / 3600);

    private static double GateFt(double ageS) => Gates.GateFt + (Gates.GateGrowthFpm * ageS / 60);

    private static GeodesicDirect Predicted((double Lat, double Lon, double Alt, double Gs, double Trk, double Vs, double Age) s) =>
        Geodesic.Direct(s.Lat, s.Lon, s.Trk, s.Gs * (M / 3600) * s.Age);

    private static LiveTrackStore Store((double Lat, double Lon, double Alt, double Gs, double Trk, double Vs, double Age) s)
    {
        var store = new LiveTrackStore();
        store.Upsert(new PositionReport("abc123", 1000, s.Lat, s.Lon, s.Alt, s.Gs, s.Trk, s.Vs));
        return store;
    }

    [Fact]
    public void A_plot_well_inside_the_gate_around_the_predicted_position_joins_the_track()
    {
        Gen.Select(States, Gen.Double[0, 0.8], Gen.Double[0, 360], Gen.Double[-0.8, 0.8]).Sample((s, h, bearing, v) =>
        {
            var p = Predicted(s);
            var off = Geodesic.Direct(p.LatDeg, p.LonDeg, bearing, h * GateNm(s.Age) * M);
            var alt = s.Alt + (s.Vs * s.Age / 60) + (v * GateFt(s.Age));
            var plot = new PositionReport("", 1000 + s.Age, off.LatDeg, off.LonDeg, alt, s.Gs, p.Azimuth2Deg, double.NaN);
            new TrackAssociator(Store(s), null).Associate(new SourceTrack(48, 0, 1, 5), "trk-0-1-5", plot).ShouldBe("abc123");
        });
    }

    [Fact]
    public void A_plot_outside_the_gate_or_after_the_maximum_age_stays_apart()
    {
        Gen.Select(States, Gen.Double[1.05, 20], Gen.Double[0, 360], Gen.Int[0, 2]).Sample((s, far, bearing, which) =>
        {
            var p = Predicted(s);
            var alt = s.Alt + (s.Vs * s.Age / 60);
            var age = s.Age;
            var (lat, lon) = (p.LatDeg, p.LonDeg);
            switch (which)
            {
                case 0:
                    var off = Geodesic.Direct(p.LatDeg, p.LonDeg, bearing, far * GateNm(s.Age) * M);
                    (lat, lon) = (off.LatDeg, off.LonDeg);
                    break;
                case 1:
                    alt += (bearing < 180 ? 1 : -1) * far * GateFt(s.Age);
                    break;
                default:
                    // Right on the extrapolation, but the track is older than the maximum age.
                    age = Gates.MaxAgeS + far;
                    var on = Geodesic.Direct(s.Lat, s.Lon, s.Trk, s.Gs * (M / 3600) * age);
                    (lat, lon) = (on.LatDeg, on.LonDeg);
                    alt = s.Alt + (s.Vs * age / 60);
                    break;
            }
            var plot = new PositionReport("", 1000 + age, lat, lon, alt, double.NaN, double.NaN, double.NaN);
            new TrackAssociator(Store(s), null).Associate(new SourceTrack(48, 0, 1, 5), "trk-0-1-5", plot).ShouldBe("trk-0-1-5");
        });
    }

    [Fact]
    public void Two_aircraft_of_one_source_are_never_one_track_however_close()
    {
        // An aircraft the party also sees by its address, and a second one only the radar sees, flying side by side
        // within a mile; the radar numbers them 1 and 2 and plots them in either order, with noise.
        var gen = Gen.Select(Gen.Double[-60, 60], Gen.Double[-180, 180], Gen.Double[0, 1], Gen.Double[0, 360], Gen.Double[0, 400],
            Gen.Bool.Array[12], Gen.Double[-0.05, 0.05].Array[24]);
        gen.Sample((lat, lon, apartNm, trk, dz, order, noise) =>
        {
            var store = new LiveTrackStore();
            var a = new TrackAssociator(store, null);
            var beside = Geodesic.Direct(lat, lon, trk + 90, apartNm * M);
            for (var k = 0; k < 12; k++)
            {
                var t = 1000 + (4.0 * k);
                var at = Geodesic.Direct(lat, lon, trk, 250 * (M / 3600) * (t - 1000));
                var bt = Geodesic.Direct(beside.LatDeg, beside.LonDeg, trk, 250 * (M / 3600) * (t - 1000));
                store.Upsert(new PositionReport("abc123", t - 1, at.LatDeg, at.LonDeg, 20_000, 250, trk, 0));
                string? id1 = null, id2 = null;
                for (var i = 0; i < 2; i++)
                {
                    var first = (i == 0) == order[k];
                    var p = first ? at : bt;
                    var jitter = Geodesic.Direct(p.LatDeg, p.LonDeg, noise[2 * k] * 3600, Math.Abs(noise[(2 * k) + 1]) * M);
                    var plot = new PositionReport("", t, jitter.LatDeg, jitter.LonDeg, first ? 20_000 : 20_000 + dz, 250, trk, double.NaN);
                    var number = first ? 1 : 2;
                    var id = a.Associate(new SourceTrack(48, 0, 1, number), $"trk-0-1-{number}", plot)!;
                    store.Upsert(plot with { Id = id });
                    if (first)
                    {
                        id1 = id;
                    }
                    else
                    {
                        id2 = id;
                    }
                }
                id1.ShouldNotBe(id2, $"scan {k}");
                store.Count.ShouldBeGreaterThanOrEqualTo(2);
            }
        });
    }

    [Fact]
    public void The_outcome_does_not_depend_on_the_order_of_the_picture()
    {
        var gen = Gen.Select(Gen.Double[-70, 70], Gen.Double[-180, 180], Gen.Select(Gen.Double[0, 1.2], Gen.Double[0, 360], Gen.Int[-2, 2]).Array[1, 6], Gen.Int[0, 1000]);
        gen.Sample((lat, lon, others, seed) =>
        {
            var reports = new List<PositionReport>();
            for (var i = 0; i < others.Length; i++)
            {
                var (d, b, level) = others[i];
                var p = Geodesic.Direct(lat, lon, b, d * M);
                reports.Add(new PositionReport($"a{i:x5}", 1000, p.LatDeg, p.LonDeg, 30_000 + (level * 100), 300, 45, 0));
            }
            var plot = new PositionReport("", 1002, lat, lon, 30_000, double.NaN, double.NaN, double.NaN);
            string? Outcome(IEnumerable<PositionReport> order)
            {
                var store = new LiveTrackStore();
                foreach (var r in order)
                {
                    store.Upsert(r);
                }
                return new TrackAssociator(store, null).Associate(new SourceTrack(48, 0, 1, 5), "trk-0-1-5", plot);
            }
            var shuffled = reports.ToArray();
            new Random(seed).Shuffle(shuffled);
            Outcome(shuffled).ShouldBe(Outcome(reports));
            Outcome(Enumerable.Reverse(reports)).ShouldBe(Outcome(reports));
        });
    }
}
