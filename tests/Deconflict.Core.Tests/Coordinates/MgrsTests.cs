using Deconflict.Core.Coordinates;

namespace Deconflict.Core.Tests.Coordinates;

public class MgrsTests
{
    // Expected references were produced by GeographicLib's GeoConvert 2.1.2 (an independent implementation),
    // e.g. `echo "56.5 3.5" | GeoConvert -m -p 0`; (0°, 0°) and (45°S, 69°W) are also checkable by hand:
    // at the equator 3° from the central meridian E = 166 021.443 m; on a central meridian E = 500 000 m and
    // N = 10 000 000 m - 0.9996 × the meridian arc to 45° (4 984 944.4 m).
    [Theory]
    [InlineData(0.0, 0.0, "31NAA6602100000")]
    [InlineData(-45.0, -69.0, "19GEL0000017049")]
    [InlineData(35.1, 38.2, "37SDU2708684425")]
    [InlineData(51.4778, -0.0014, "30UYC0822007224")]
    [InlineData(38.8895, -77.0353, "18SUJ2347806483")]
    [InlineData(-33.8568, 151.2153, "56HLH3490052288")]
    [InlineData(-80.0, 0.0, "31CDM4186716915")]
    [InlineData(-79.99, -179.99, "01CDM4200418039")]
    [InlineData(0.0000001, -0.0000001, "30NZF3397800000")]
    [InlineData(-0.0000001, 179.99999, "60MZE3397799999")]
    [InlineData(71.9, 20.0, "34WDE6532578066")]
    public void Known_positions_format_as_published(double lat, double lon, string expected) =>
        Mgrs.Format(lat, lon).ShouldBe(expected);

    [Theory]
    [InlineData(56.5, 3.5, "32VJH6162275290")]   // Norway: zone 32 widened west to 3°E
    [InlineData(60.0, 5.9, "32VLM2713155462")]
    [InlineData(63.9, 11.99, "32VPR4672889310")]
    [InlineData(78.0, 8.9, "31XFG3671665261")]   // Svalbard: only zones 31, 33, 35, 37
    [InlineData(78.0, 9.1, "33XUG6328365261")]
    [InlineData(78.0, 20.9, "33XXG3671665261")]
    [InlineData(78.0, 33.1, "37XCG6328365261")]
    [InlineData(83.99, 41.9, "37XEP3388527830")]
    public void Norway_and_svalbard_zone_exceptions_apply(double lat, double lon, string expected) =>
        Mgrs.Format(lat, lon).ShouldBe(expected);

    [Theory]
    [InlineData(84.0, 0.0, "ZAA0000033272")]
    [InlineData(90.0, 0.0, "ZAH0000000000")]
    [InlineData(-90.0, 0.0, "BAN0000000000")]
    [InlineData(85.0, -45.0, "YUD0723207232")]
    [InlineData(-85.0, 135.0, "BFJ9276707232")]
    [InlineData(87.5, 179.0, "ZAK0484477559")]
    [InlineData(-88.0, -2.0, "AZQ9224921933")]
    public void Polar_caps_use_ups(double lat, double lon, string expected) =>
        Mgrs.Format(lat, lon).ShouldBe(expected);

    [Fact]
    public void Utm_matches_the_hand_computed_equator_and_meridian_values()
    {
        var equator = UtmUps.Forward(0, 0);
        equator.Zone.ShouldBe(31);
        equator.EastingM.ShouldBe(166_021.443, 0.001);
        equator.NorthingM.ShouldBe(0, 1e-6);
        var south = UtmUps.Forward(-45, -69);
        south.EastingM.ShouldBe(500_000, 1e-6);
        south.NorthingM.ShouldBe(10_000_000 - (0.9996 * 4_984_944.378), 0.01);
    }

    [Fact]
    public void Precision_truncates_towards_the_south_west_corner()
    {
        Mgrs.Format(35.1, 38.2, 4).ShouldBe("37SDU27088442");
        Mgrs.Format(35.1, 38.2, 1).ShouldBe("37SDU28");
        Mgrs.Format(35.1, 38.2, 0).ShouldBe("37SDU");
    }

    [Fact]
    public void Parsing_returns_the_centre_of_the_square()
    {
        var (lat, lon) = Mgrs.Parse("37S DU 27086 84425");
        var back = UtmUps.Forward(lat, lon);
        back.EastingM.ShouldBe(427_086.5, 1e-6);
        back.NorthingM.ShouldBe(3_884_425.5, 1e-6);
        Mgrs.Parse("31naa6602100000").LatDeg.ShouldBe(0, 1e-4);
    }

    [Fact]
    public void Mgrs_round_trips_over_the_whole_globe()
    {
        for (var lat = -89.75; lat < 90; lat += 1.5)
        {
            for (var lon = -179.65; lon < 180; lon += 2.3)
            {
                var reference = Mgrs.Format(lat, lon);
                var (plat, plon) = Mgrs.Parse(reference);
                Mgrs.Format(plat, plon).ShouldBe(reference, $"at {lat},{lon}");
                var grid = UtmUps.Forward(lat, lon);
                var (blat, blon) = UtmUps.Inverse(grid);
                blat.ShouldBe(lat, 1e-9);
                Math.Abs(Math.IEEERemainder(blon - lon, 360)).ShouldBeLessThan(1e-9);
            }
        }
    }

    [Theory]
    [InlineData("61NAA6602100000", "zone")]
    [InlineData("31IAA6602100000", "band")]
    [InlineData("31NJA6602100000", "column letter 'J'")]
    [InlineData("31NAW6602100000", "row letter")]
    [InlineData("31NAA660210000", "even number")]
    [InlineData("31NAA", "")]
    [InlineData("31NAV6602100000", "does not lie in band")]
    [InlineData("CAA0000000000", "A, B")]
    [InlineData("ZDA0000000000", "not used in UPS")]
    [InlineData("", "expected zone")]
    public void Invalid_references_are_refused_with_the_reason(string text, string reason)
    {
        if (text == "31NAA")
        {
            Mgrs.Parse(text).LatDeg.ShouldBe(0.45, 0.01);
            return;
        }
        Mgrs.TryParse(text, out _, out var problem).ShouldBeFalse();
        problem.ShouldContain(reason);
    }

    [Fact]
    public void Out_of_range_latitudes_are_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Mgrs.Format(91, 0));
        Should.Throw<ArgumentOutOfRangeException>(() => Mgrs.Format(double.NaN, 0));
    }
}
