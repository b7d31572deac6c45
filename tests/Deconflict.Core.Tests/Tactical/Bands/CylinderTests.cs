using Deconflict.Core.Tactical.Bands;

namespace Deconflict.Core.Tests.Tactical.Bands;

public class CylinderTests
{
    private static readonly Cylinder FiveNmThousandFt = new(5 * Units.NmToM, 1000 * Units.FtToM);

    // Head-on along x at the same level, 20 km apart, closing at 400 m/s: 5 NM (9260 m) is reached at
    // 26.85 s and left again at 73.15 s.
    private static readonly PlaneState Own = new(0, 0, 9000, 200, 0, 0);
    private static readonly PlaneState Intruder = new(20_000, 0, 9000, -200, 0, 0);

    [Theory]
    [InlineData(0, 300, true)]
    [InlineData(0, 26, false)]
    [InlineData(80, 300, false)]
    [InlineData(30, 30, true)]
    [InlineData(26, 26, false)]
    [InlineData(80, 80, false)]
    public void A_conflict_over_an_interval_of_zero_length_is_a_loss_of_separation_at_that_instant(double b, double t, bool expected) =>
        FiveNmThousandFt.Conflict(Own, Intruder, b, t).ShouldBe(expected);

    [Fact]
    public void An_interval_ending_before_it_begins_is_no_conflict() =>
        FiveNmThousandFt.Conflict(Own, Intruder, 40, 30).ShouldBeFalse();

    [Fact]
    public void Level_aircraft_exactly_1000_ft_apart_never_conflict()
    {
        var above = Intruder with { Z = Own.Z + (1000 * Units.FtToM) };
        FiveNmThousandFt.Conflict(Own, above, 0, 300).ShouldBeFalse();
        FiveNmThousandFt.Conflict(Own, above, 50, 50).ShouldBeFalse();
    }
}
