using Deconflict.Core.Tactical;
using Deconflict.Core.Tactical.Bands;

namespace Deconflict.Core.Tests.Tactical.Bands;

public class GuidanceBandsTests
{
    private static OwnshipBands BandsOfFirst(params (double Lat, double Lon, double AltFt, double GsKt, double TrkDeg, double VsFpm)[] aircraft)
    {
        var snapshot = new TrafficSnapshot();
        for (var i = 0; i < aircraft.Length; i++)
        {
            var a = aircraft[i];
            snapshot.Add($"A{i}", a.Lat, a.Lon, a.AltFt, a.GsKt, a.TrkDeg, a.VsFpm);
        }
        return new GuidanceBandsCalculator().Compute(snapshot, 0);
    }

    [Fact]
    public void Alone_every_value_is_conflict_free()
    {
        var bands = BandsOfFirst((35, 38, 30000, 450, 90, 0));
        foreach (var kind in BandKinds.All)
        {
            bands.Of(kind).ShouldHaveSingleItem().Region.ShouldBe(BandRegion.None);
        }
    }

    [Fact]
    public void A_head_on_intruder_puts_the_own_track_and_level_in_a_near_band()
    {
        // 60 NM apart on the equator, closing at 900 kt: a loss of separation in about 220 s.
        var bands = BandsOfFirst((0, 0, 30000, 450, 90, 0), (0, 1.0, 30000, 450, 270, 0));
        bands.Of(BandKind.Track).Single(b => b.Contains(90)).Region.ShouldBe(BandRegion.Near);
        bands.Of(BandKind.Altitude).Single(b => b.Contains(30000)).Region.ShouldBe(BandRegion.Near);
        // Climbing or descending 1000 ft or more clears it; so do wide turns.
        bands.Of(BandKind.Altitude).Single(b => b.Contains(32000)).Region.ShouldBe(BandRegion.None);
        bands.Of(BandKind.Track).Single(b => b.Contains(0)).Region.ShouldBe(BandRegion.None);
        var level = bands.NearestResolution(BandKind.Altitude, 1000);
        level.ShouldNotBeNull();
        Math.Abs(level.Value - 30000).ShouldBeInRange(1000, 2000);
    }

    [Fact]
    public void Level_aircraft_exactly_1000_ft_apart_are_not_in_conflict()
    {
        var snapshot = new TrafficSnapshot();
        snapshot.Add("A", 0, 0, 28000, 450, 90, 0);
        snapshot.Add("B", 0, 0.5, 29000, 450, 270, 0);
        new GuidanceBandsCalculator().AircraftInConflict(snapshot).ShouldBeEmpty();
        var bands = new GuidanceBandsCalculator().Compute(snapshot, 0);
        bands.Of(BandKind.Track).ShouldHaveSingleItem().Region.ShouldBe(BandRegion.None);
    }

    [Theory]
    [InlineData(0.0, 179.9)]
    [InlineData(89.5, 10.0)]
    [InlineData(-60.0, -179.95)]
    public void Bands_are_the_same_across_the_antimeridian_and_near_the_pole_as_elsewhere(double lat, double lon)
    {
        // The same encounter placed at the equator and at (lat, lon), rotated so north stays north in the plane.
        var here = BandsOfFirst((0, 0, 30000, 450, 90, 0), (0, 0.4, 30300, 430, 260, 0));
        var there = Encounter(lat, lon);
        foreach (var kind in new[] { BandKind.Altitude, BandKind.GroundSpeed, BandKind.VerticalSpeed })
        {
            there.Of(kind).Select(b => (b.Region, Math.Round(b.Lower), Math.Round(b.Upper)))
                .ShouldBe(here.Of(kind).Select(b => (b.Region, Math.Round(b.Lower), Math.Round(b.Upper))));
        }
        there.Of(BandKind.Track).Count(b => b.Region == BandRegion.Near).ShouldBe(here.Of(BandKind.Track).Count(b => b.Region == BandRegion.Near));
    }

    // The intruder 0.4° of arc east along the great circle heading 90°, as from the equator case.
    private static OwnshipBands Encounter(double lat, double lon)
    {
        var d = 0.4 * Math.PI / 180;
        var phi = lat * Math.PI / 180;
        var lat2 = Math.Asin(Math.Sin(phi) * Math.Cos(d));
        var lon2 = (lon * Math.PI / 180) + Math.Atan2(Math.Sin(d) * Math.Cos(phi), Math.Cos(d) - (Math.Sin(phi) * Math.Sin(lat2)));
        var lat2Deg = lat2 * 180 / Math.PI;
        var lon2Deg = (((lon2 * 180 / Math.PI) + 540) % 360) - 180;
        // As on the equator: flying 10° left of the bearing back to the ownship.
        var heading = (Bearing(lat2Deg, lon2Deg, lat, lon) - 10 + 360) % 360;
        return BandsOfFirst((lat, lon, 30000, 450, 90, 0), (lat2Deg, lon2Deg, 30300, 430, heading, 0));
    }

    private static double Bearing(double lat1, double lon1, double lat2, double lon2)
    {
        var (p1, p2, dl) = (lat1 * Math.PI / 180, lat2 * Math.PI / 180, (lon2 - lon1) * Math.PI / 180);
        var b = Math.Atan2(Math.Sin(dl) * Math.Cos(p2), (Math.Cos(p1) * Math.Sin(p2)) - (Math.Sin(p1) * Math.Cos(p2) * Math.Cos(dl)));
        return ((b * 180 / Math.PI) + 360) % 360;
    }
}
