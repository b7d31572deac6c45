using Deconflict.Core.Strategic.Geometry;

namespace Deconflict.Core.Tests.Strategic;

/// <summary>
/// Points a few units in the last place off the line y = x, tested against two points on that line far away: the
/// true side is the sign of (y − x), known without arithmetic, and the plain floating-point determinant gets many
/// of them wrong.
/// </summary>
public class ExactOrientationTests
{
    [Fact]
    public void Signs_are_exact_next_to_a_line()
    {
        var ulp = Math.Pow(2, -53);
        var (wrongInFloat, checkedPoints) = (0, 0);
        for (var i = 0; i < 64; i++)
        {
            for (var j = 0; j < 64; j++)
            {
                var (px, py) = (0.5 + (i * ulp), 0.5 + (j * ulp));
                var truth = Math.Sign(j - i);
                ExactOrientation.Sign(px, py, 12, 12, 24, 24).ShouldBe(truth);
                ExactOrientation.Sign(12, 12, 24, 24, px, py).ShouldBe(truth);
                ExactOrientation.Sign(24, 24, px, py, 12, 12).ShouldBe(truth);
                checkedPoints++;
                wrongInFloat += Math.Sign(Planar.Orient(px, py, 12, 12, 24, 24)) != truth ? 1 : 0;
            }
        }
        checkedPoints.ShouldBe(64 * 64);
        wrongInFloat.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Subnormal_and_large_coordinates_keep_their_sign()
    {
        var tiny = double.Epsilon;
        ExactOrientation.Sign(0, 0, tiny, 0, 0, tiny).ShouldBe(1);
        ExactOrientation.Sign(0, 0, tiny, 0, 0, -tiny).ShouldBe(-1);
        ExactOrientation.Sign(0, 0, 1e300, 1e300, 2e300, 2e300).ShouldBe(0);
        ExactOrientation.Sign(-1e300, 0, 1e300, 0, 0, tiny).ShouldBe(1);
    }
}
