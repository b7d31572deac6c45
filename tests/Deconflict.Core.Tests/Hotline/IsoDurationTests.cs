using CsCheck;
using Deconflict.Core.Hotline;

namespace Deconflict.Core.Tests.Hotline;

public class IsoDurationTests
{
    [Fact]
    public void Every_written_duration_reads_back_as_its_seconds()
    {
        Gen.Select(Gen.Int[0, 99], Gen.Int[0, 99], Gen.Int[0, 999], Gen.Int[0, 99_999]).Sample((d, h, m, s) =>
        {
            var text = $"P{d}DT{h}H{m}M{s}S";
            return IsoDuration.TryParseSeconds(text, out var seconds) && seconds == (d * 86_400L) + (h * 3_600L) + (m * 60L) + s;
        }, iter: 2_000);
    }

    [Theory]
    [InlineData("PT15M", 900)]
    [InlineData("PT1H30S", 3630)]
    [InlineData("P1W", 604800)]
    [InlineData("P2D", 172800)]
    [InlineData("pt5m", 300)]
    public void Reads_common_forms(string text, long expected)
    {
        IsoDuration.TryParseSeconds(text, out var seconds).ShouldBeTrue();
        seconds.ShouldBe(expected);
    }

    [Theory]
    [InlineData("P99999999Y")]
    [InlineData("P1Y")]
    [InlineData("P1M")]
    [InlineData("PT9999999999S")]
    [InlineData("PT")]
    [InlineData("P")]
    [InlineData("PT1.5S")]
    [InlineData("-PT5M")]
    [InlineData("15 minutes")]
    [InlineData("")]
    public void Refuses_what_has_no_fixed_length_or_does_not_parse(string text) =>
        IsoDuration.TryParseSeconds(text, out _).ShouldBeFalse();

    [Fact]
    public void An_absurd_hold_names_the_duration_parameter()
    {
        var result = HotlineSamples.Parse(HotlineTemplates.RequestHold, """{"position":{"lat_deg":1,"lon_deg":2},"duration":"P99999999Y"}""");
        result.IsValid.ShouldBeFalse();
        result.Errors.Keys.ShouldContain("params.duration");
    }
}
