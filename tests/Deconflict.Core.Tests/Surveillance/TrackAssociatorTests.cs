using Deconflict.Core.Geodesy;
using Deconflict.Core.Surveillance;

namespace Deconflict.Core.Tests.Surveillance;

/// <summary>
/// Association of reports without an address (radar plots, system tracks without Mode S) with a party's tracks:
/// positions are built with the geodesic, independently of the associator's tangent-plane extrapolation.
/// </summary>
public class TrackAssociatorTests
{
    private const string Party = "coalition";
    private const double M = 1852;
    private static readonly SourceTrack Radar5 = new(48, 0, 1, 5);
    private static readonly SourceTrack Radar7 = new(48, 0, 1, 7);

    /// <summary>An SBS-fed aircraft at t=100: 47°N 8°E, FL330, 440 kt due east.</summary>
    private static LiveTrackStore StoreWithAircraft(string id = "4ca123", double lat = 47, double lon = 8, double trk = 90, string party = Party)
    {
        var store = new LiveTrackStore();
        store.Upsert(new PositionReport(id, 100, lat, lon, 33_000, 440, trk, 0), party);
        return store;
    }

    /// <summary>A plot at time t, <paramref name="offsetNm"/> north of where a 440 kt eastbound aircraft from 47°N 8°E at t=100 is then.</summary>
    private static PositionReport Plot(double t, double offsetNm = 0, double alt = 33_000, double gs = 440, double trk = 90)
    {
        var along = Geodesic.Direct(47, 8, 90, 440 * (M / 3600) * (t - 100));
        var p = Geodesic.Direct(along.LatDeg, along.LonDeg, 0, offsetNm * M);
        return new PositionReport("", t, p.LatDeg, p.LonDeg, alt, gs, trk, double.NaN);
    }

    private static string? Associate(TrackAssociator a, SourceTrack s, in PositionReport r) =>
        a.Associate(s, s.TrackNumber < 0 ? null : $"trk-{s.Sac}-{s.Sic}-{s.TrackNumber}", r);

    [Fact]
    public void A_plot_at_a_tracks_predicted_position_joins_it()
    {
        var a = new TrackAssociator(StoreWithAircraft(), Party);
        Associate(a, Radar5, Plot(104, 0.1)).ShouldBe("4ca123");
        a.Associated.ShouldBe(1);
    }

    [Fact]
    public void A_plot_far_from_every_track_stays_a_track_of_its_own()
    {
        var a = new TrackAssociator(StoreWithAircraft(), Party);
        Associate(a, Radar5, Plot(104, 2)).ShouldBe("trk-0-1-5");
        a.Associated.ShouldBe(0);
    }

    [Fact]
    public void A_track_older_than_the_maximum_age_is_no_candidate()
    {
        var a = new TrackAssociator(StoreWithAircraft(), Party, new TrackAssociationOptions { MaxAgeS = 10 });
        Associate(a, Radar5, Plot(111)).ShouldBe("trk-0-1-5");
        var b = new TrackAssociator(StoreWithAircraft(), Party, new TrackAssociationOptions { MaxAgeS = 10 });
        Associate(b, Radar5, Plot(109)).ShouldBe("4ca123");
    }

    [Fact]
    public void The_gate_grows_with_the_age_of_the_track()
    {
        // 0.6 NM off: outside the 0.5 NM gate at once, inside it (0.5 NM + 100 kt × 4 s = 0.61 NM) four seconds on.
        Associate(new TrackAssociator(StoreWithAircraft(), Party), Radar5, Plot(100, 0.6)).ShouldBe("trk-0-1-5");
        Associate(new TrackAssociator(StoreWithAircraft(), Party), Radar5, Plot(104.5, 0.6)).ShouldBe("4ca123");
    }

    [Fact]
    public void A_plot_at_another_level_stays_apart_and_one_without_a_level_is_gated_horizontally()
    {
        Associate(new TrackAssociator(StoreWithAircraft(), Party), Radar5, Plot(104, alt: 34_000)).ShouldBe("trk-0-1-5");
        Associate(new TrackAssociator(StoreWithAircraft(), Party), Radar5, Plot(104, alt: double.NaN)).ShouldBe("4ca123");
    }

    [Fact]
    public void An_aircraft_crossing_at_the_same_point_is_not_joined()
    {
        // Right where the eastbound aircraft is predicted, but flying north: two aircraft converging.
        Associate(new TrackAssociator(StoreWithAircraft(), Party), Radar5, Plot(104, trk: 0)).ShouldBe("trk-0-1-5");
    }

    [Fact]
    public void Two_candidates_alike_are_ambiguous_and_neither_is_taken()
    {
        var store = StoreWithAircraft();
        var north = Geodesic.Direct(47, 8, 0, 0.5 * M);
        store.Upsert(new PositionReport("4ca999", 100, north.LatDeg, north.LonDeg, 33_000, 440, 90, 0), Party);
        var a = new TrackAssociator(store, Party);
        Associate(a, Radar5, Plot(104, 0.25)).ShouldBe("trk-0-1-5");
        a.Ambiguous.ShouldBe(1);
        Associate(a, Radar5, Plot(104, 0.3)).ShouldBe("trk-0-1-5");
        // Close to one and clearly farther from the other (by more than half a gate): taken.
        Associate(new TrackAssociator(store, Party), Radar7, Plot(104, -0.05)).ShouldBe("4ca123");
    }

    [Fact]
    public void A_source_track_of_its_own_merges_into_an_aircraft_that_appears_on_it()
    {
        var store = new LiveTrackStore();
        var a = new TrackAssociator(store, Party);
        var first = Plot(100) with { Id = Associate(a, Radar5, Plot(100))! };
        first.Id.ShouldBe("trk-0-1-5");
        store.Upsert(first, Party);
        store.Upsert(new PositionReport("4ca123", 101, first.LatDeg, first.LonDeg + 0.003, 33_000, 440, 90, 0), Party);
        Associate(a, Radar5, Plot(104)).ShouldBe("4ca123");
        store.TryGet(Party, "trk-0-1-5", out _).ShouldBeFalse();
        store.Count.ShouldBe(1);
        a.Merged.ShouldBe(1);
    }

    [Fact]
    public void Before_a_cycle_a_lone_source_track_joins_an_aircraft_that_appeared_on_it_since_its_plot()
    {
        var store = new LiveTrackStore();
        var a = new TrackAssociator(store, Party);
        var plot = Plot(100) with { Id = Associate(a, Radar5, Plot(100))! };
        store.Upsert(plot, Party);
        // The address arrives after the plot; no further plot yet.
        store.Upsert(new PositionReport("4ca123", 100.5, plot.LatDeg, plot.LonDeg + 0.003, 33_000, 440, 90, 0), Party);
        a.Reconcile(101).ShouldBe(1);
        store.TryGet(Party, "trk-0-1-5", out _).ShouldBeFalse();
        Associate(a, Radar5, Plot(104)).ShouldBe("4ca123");
        // A lone track far from every other is left alone.
        store.Upsert(Plot(104, 5) with { Id = Associate(a, Radar7, Plot(104, 5))! }, Party);
        a.Reconcile(105).ShouldBe(0);
        store.TryGet(Party, "trk-0-1-7", out _).ShouldBeTrue();
    }

    [Fact]
    public void A_report_decided_before_its_association_does_not_bring_the_own_track_back()
    {
        var store = new LiveTrackStore();
        var a = new TrackAssociator(store, Party);
        store.Upsert(Plot(100) with { Id = Associate(a, Radar5, Plot(100))! }, Party);
        // The next plot is decoded (still its own) before the aircraft's address arrives and the cycle joins them.
        var early = Plot(104) with { Id = Associate(a, Radar5, Plot(104))! };
        early.Id.ShouldBe("trk-0-1-5");
        store.Upsert(new PositionReport("4ca123", 103, Plot(103).LatDeg, Plot(103).LonDeg, 33_000, 440, 90, 0), Party);
        a.Reconcile(103.5).ShouldBe(1);
        store.Upsert(early, Party);
        store.TryGet(Party, "trk-0-1-5", out _).ShouldBeTrue();
        a.Reconcile(104.5);
        store.TryGet(Party, "trk-0-1-5", out _).ShouldBeFalse();
        store.Count.ShouldBe(1);
    }

    [Fact]
    public void An_association_holds_while_another_aircraft_passes_close_by()
    {
        var store = StoreWithAircraft();
        var a = new TrackAssociator(store, Party);
        Associate(a, Radar5, Plot(104)).ShouldBe("4ca123");
        // A second aircraft appears 0.1 NM away: a fresh association would now be ambiguous, the established one holds.
        var near = Geodesic.Direct(Plot(104).LatDeg, Plot(104).LonDeg, 0, 0.1 * M);
        store.Upsert(new PositionReport("4ca999", 104, near.LatDeg, near.LonDeg, 33_000, 440, 90, 0), Party);
        Associate(a, Radar5, Plot(108)).ShouldBe("4ca123");
    }

    [Fact]
    public void A_report_that_leaves_the_gate_ends_the_association()
    {
        var a = new TrackAssociator(StoreWithAircraft(), Party);
        Associate(a, Radar5, Plot(104)).ShouldBe("4ca123");
        Associate(a, Radar5, Plot(108, 3)).ShouldBe("trk-0-1-5");
        a.Dissolved.ShouldBe(1);
    }

    [Fact]
    public void Two_numbers_of_one_source_never_join_one_track()
    {
        var a = new TrackAssociator(StoreWithAircraft(), Party);
        Associate(a, Radar5, Plot(104)).ShouldBe("4ca123");
        Associate(a, Radar7, Plot(104, 0.05)).ShouldBe("trk-0-1-7");
        // Another source may see the same aircraft.
        Associate(a, new SourceTrack(62, 0, 9, 7), Plot(104, 0.05)).ShouldBe("4ca123");
    }

    [Fact]
    public void Another_partys_tracks_are_no_candidates()
    {
        var a = new TrackAssociator(StoreWithAircraft(party: "other"), Party);
        Associate(a, Radar5, Plot(104)).ShouldBe("trk-0-1-5");
    }

    [Fact]
    public void An_unnumbered_plot_joins_a_track_or_is_dropped()
    {
        var a = new TrackAssociator(StoreWithAircraft(), Party);
        Associate(a, new SourceTrack(48, 0, 1, -1), Plot(104)).ShouldBe("4ca123");
        Associate(a, new SourceTrack(48, 0, 1, -1), Plot(104, 3)).ShouldBeNull();
    }

    [Theory]
    [InlineData(nameof(TrackAssociationOptions.GateNm))]
    [InlineData(nameof(TrackAssociationOptions.GateFt))]
    [InlineData(nameof(TrackAssociationOptions.VelocityGateKt))]
    [InlineData(nameof(TrackAssociationOptions.MaxAgeS))]
    [InlineData(nameof(TrackAssociationOptions.AmbiguityMargin))]
    public void A_gate_out_of_range_is_named(string field)
    {
        var o = field switch
        {
            nameof(TrackAssociationOptions.GateNm) => new TrackAssociationOptions { GateNm = 0 },
            nameof(TrackAssociationOptions.GateFt) => new TrackAssociationOptions { GateFt = double.NaN },
            nameof(TrackAssociationOptions.VelocityGateKt) => new TrackAssociationOptions { VelocityGateKt = -1 },
            nameof(TrackAssociationOptions.MaxAgeS) => new TrackAssociationOptions { MaxAgeS = double.PositiveInfinity },
            _ => new TrackAssociationOptions { AmbiguityMargin = -0.1 },
        };
        o.FindProblem()!.Value.Field.ShouldBe(field);
        Should.Throw<ArgumentException>(() => new TrackAssociator(new LiveTrackStore(), Party, o)).Message.ShouldContain(field);
        new TrackAssociationOptions().FindProblem().ShouldBeNull();
    }
}
