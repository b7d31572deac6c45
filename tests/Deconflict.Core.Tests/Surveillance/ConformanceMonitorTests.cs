using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic;
using Deconflict.Core.Surveillance;

namespace Deconflict.Core.Tests.Surveillance;

public class ConformanceMonitorTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    private static OperationalIntent Intent(params Volume4D[] volumes) =>
        new("op-1", "coalition", IntentState.Activated, 0, 1, volumes);

    private static Volume4D Box(double lat0, double lon0, double lat1, double lon1, double lowFt = 10000, double highFt = 20000) =>
        new(new PolygonShape([new(lat0, lon0), new(lat0, lon1), new(lat1, lon1), new(lat1, lon0)]), lowFt, highFt, Start, Start.AddHours(2));

    private static List<ConformanceChange> Fly(ConformanceMonitor monitor, OperationalIntent intent, double t, double lat, double lon, double alt)
    {
        var store = new LiveTrackStore();
        store.Upsert(new PositionReport("rff1", t, lat, lon, alt, 0, 0, 0, "op-1"), "coalition");
        var snapshot = new LiveSnapshot();
        store.FillSnapshot(snapshot, t);
        var changes = new List<ConformanceChange>();
        monitor.Check(snapshot, (party, id) => id == intent.Id && party == intent.Party ? intent : null, changes);
        return changes;
    }

    [Fact]
    public void A_track_leaving_its_intent_is_nonconforming_and_returning_restores_it()
    {
        var intent = Intent(Box(35, 38, 35.5, 38.5));
        var monitor = new ConformanceMonitor(new ConformanceOptions { HoldCycles = 2 });
        var t = Start.ToUnixTimeSeconds() + 600.0;
        Fly(monitor, intent, t, 35.2, 38.2, 15000).ShouldBeEmpty();
        Fly(monitor, intent, t + 1, 35.2, 38.7, 15000).ShouldBeEmpty();
        var left = Fly(monitor, intent, t + 2, 35.2, 38.7, 15000).ShouldHaveSingleItem();
        left.Conforming.ShouldBeFalse();
        left.IntentId.ShouldBe("op-1");
        left.Party.ShouldBe("coalition");
        left.DistanceOutsideM.ShouldBe(Geodesic.Inverse(35.2, 38.5, 35.2, 38.7).DistanceM, 200);
        monitor.Nonconforming.ShouldHaveSingleItem().ShouldBe(("rff1", "op-1"));
        Fly(monitor, intent, t + 3, 35.2, 38.2, 15000).ShouldBeEmpty();
        Fly(monitor, intent, t + 4, 35.2, 38.2, 15000).ShouldHaveSingleItem().Conforming.ShouldBeTrue();
    }

    [Theory]
    [InlineData(35.2, 38.2, 15000, true)]
    [InlineData(35.2, 38.505, 15000, true)] // about 450 m outside: within the 0.5 NM tolerance
    [InlineData(35.2, 38.52, 15000, false)] // about 1.8 km outside
    [InlineData(35.2, 38.2, 20150, true)] // within the 200 ft vertical tolerance
    [InlineData(35.2, 38.2, 20300, false)]
    [InlineData(35.2, 38.2, 9700, false)]
    public void Tolerances_apply_horizontally_and_vertically(double lat, double lon, double alt, bool conforming)
    {
        var intent = Intent(Box(35, 38, 35.5, 38.5));
        var monitor = new ConformanceMonitor(new ConformanceOptions { HoldCycles = 1 });
        var changes = Fly(monitor, intent, Start.ToUnixTimeSeconds() + 60.0, lat, lon, alt);
        if (conforming)
        {
            changes.ShouldBeEmpty();
        }
        else
        {
            changes.ShouldHaveSingleItem().Conforming.ShouldBeFalse();
        }
    }

    [Fact]
    public void Outside_a_volumes_time_window_is_nonconforming()
    {
        var intent = Intent(Box(35, 38, 35.5, 38.5));
        var monitor = new ConformanceMonitor(new ConformanceOptions { HoldCycles = 1 });
        Fly(monitor, intent, Start.ToUnixTimeSeconds() + (3 * 3600.0), 35.2, 38.2, 15000).ShouldHaveSingleItem().Conforming.ShouldBeFalse();
    }

    [Fact]
    public void Circles_and_corridors_contain_what_they_should()
    {
        var circle = new CircleShape(new GeoPoint(35, 38), 10_000);
        VolumeProximity.HorizontalDistanceOutsideM(circle, 35.05, 38).ShouldBe(0);
        VolumeProximity.HorizontalDistanceOutsideM(circle, 35.2, 38).ShouldBe(Geodesic.Inverse(35, 38, 35.2, 38).DistanceM - 10_000, 1e-6);
        var corridor = new CorridorShape([new GeoPoint(35, 38), new GeoPoint(35, 39)], 5_000);
        VolumeProximity.HorizontalDistanceOutsideM(corridor, 35.03, 38.5).ShouldBe(0);
        // The corridor's centre line is a great circle, which bows about 90 m north of the parallel at mid-span.
        VolumeProximity.HorizontalDistanceOutsideM(corridor, 35.1, 38.5).ShouldBe(Geodesic.Inverse(35, 38.5, 35.1, 38.5).DistanceM - 5_000 - 90, 30);
        VolumeProximity.HorizontalDistanceOutsideM(corridor, 35, 39.2).ShouldBe(Geodesic.Inverse(35, 39, 35, 39.2).DistanceM - 5_000, 60);
    }

    [Fact]
    public void A_track_naming_an_unknown_intent_is_not_judged()
    {
        var monitor = new ConformanceMonitor(new ConformanceOptions { HoldCycles = 1 });
        var other = Intent(Box(35, 38, 35.5, 38.5)) with { Id = "other" };
        Fly(monitor, other, Start.ToUnixTimeSeconds() + 60.0, 10, 10, 15000).ShouldBeEmpty();
    }
}
