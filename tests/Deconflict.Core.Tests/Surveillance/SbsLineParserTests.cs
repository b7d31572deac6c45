using Deconflict.Core.Surveillance;

namespace Deconflict.Core.Tests.Surveillance;

public class SbsLineParserTests
{
    private const string Msg1 = "MSG,1,1,1,02A18F,1,2018/08/01,09:00:00.000,2018/08/01,09:00:00.000,TAR744,,,,,,,,0,0,0,0";
    private const string Msg3 = "MSG,3,1,1,02A18F,1,2018/08/01,09:00:00.000,2018/08/01,09:00:00.000,,36000,,,45.970596,9.095206,,,0,0,0,0";
    private const string Msg4 = "MSG,4,1,1,02A18F,1,2018/08/01,09:00:10.500,2018/08/01,09:00:10.500,,,450,349,,,-640,,0,0,0,0";

    [Fact]
    public void Identification_position_and_velocity_lines_are_read()
    {
        SbsLineParser.Parse(Msg1, out var m1).ShouldBe(SbsParseResult.Message);
        m1.TransmissionType.ShouldBe(1);
        m1.Icao.ShouldBe(0x02A18F);
        m1.Callsign.ShouldBe("TAR744");
        m1.TimeS.ShouldBe(1533114000);

        SbsLineParser.Parse(Msg3 + "\r", out var m3).ShouldBe(SbsParseResult.Message);
        m3.AltFt.ShouldBe(36000);
        m3.LatDeg.ShouldBe(45.970596);
        m3.LonDeg.ShouldBe(9.095206);
        m3.OnGround.ShouldBeFalse();

        SbsLineParser.Parse(Msg4, out var m4).ShouldBe(SbsParseResult.Message);
        m4.GsKt.ShouldBe(450);
        m4.TrkDeg.ShouldBe(349);
        m4.VsFpm.ShouldBe(-640);
        m4.TimeS.ShouldBe(1533114010.5, 1e-9);
    }

    [Theory]
    [InlineData("MSG,5,1,1,02A18F,1,2018/08/01,09:00:00.000,2018/08/01,09:00:00.000,,36000,,,,,,,0,0,0,0")]
    [InlineData("MSG,8,1,1,02A18F,1,2018/08/01,09:00:00.000,2018/08/01,09:00:00.000,,,,,,,,,0,0,0,0")]
    [InlineData("STA,,5,179,400AE7,10103,2008/11/28,14:58:51.153,2008/11/28,14:58:51.153,RM,,,,,,,,,,,")]
    [InlineData("MSG,3,1,1,~2A18F,1,2018/08/01,09:00:00.000,2018/08/01,09:00:00.000,,36000,,,45.970596,9.095206,,,0,0,0,0")]
    public void Types_that_carry_nothing_used_are_ignored(string line) =>
        SbsLineParser.Parse(line, out _).ShouldBe(SbsParseResult.Ignored);

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("MSG,3,1,1,02A18F,1,2018/08/01,09:00:00.000,2018/08/01,09:00:00.000,,36000,,,45.970596,9.09")]
    [InlineData("MSG,3,1,1,02A18F,1,2018/08/01,09:00:00.000,2018/08/01,09:00:00.000,,36000,,,95.970596,9.095206,,,0,0,0,0")]
    [InlineData("MSG,3,1,1,02A18F,1,2018/08/01,09:00:00.000,2018/08/01,09:00:00.000,,36000,,,45.970596,,,,0,0,0,0")]
    [InlineData("MSG,3,1,1,02A18F,1,2018/08/01,09:00:00.000,2018/08/01,09:00:00.000,,3x000,,,45.970596,9.095206,,,0,0,0,0")]
    [InlineData("MSG,3,1,1,ZZZZZZ,1,2018/08/01,09:00:00.000,2018/08/01,09:00:00.000,,36000,,,45.970596,9.095206,,,0,0,0,0")]
    [InlineData("MSG,3,1,1,02A18F,1,2018/13/01,09:00:00.000,2018/08/01,09:00:00.000,,36000,,,45.970596,9.095206,,,0,0,0,0")]
    [InlineData("MSG,3,1,1,02A18F,1,2018/08/01,29:00:00.000,2018/08/01,09:00:00.000,,36000,,,45.970596,9.095206,,,0,0,0,0")]
    [InlineData("MSG,9,1,1,02A18F,1,2018/08/01,09:00:00.000,2018/08/01,09:00:00.000,,36000,,,45.970596,9.095206,,,0,0,0,0")]
    [InlineData("MSG,4,1,1,02A18F,1,2018/08/01,09:00:00.000,2018/08/01,09:00:00.000,,,450,NaN,,,0,,0,0,0,0")]
    [InlineData("MSG,3,1,1,02A18F,1,2018/08/01,09:00:00.000,2018/08/01,09:00:00.000,,36000,,,45.97\u00e9596,9.095206,,,0,0,0,0")]
    [InlineData("MSG,1,1,1,02A18F,1,2018/08/01,09:00:00.000,2018/08/01,09:00:00.000,TAR744\u0000,,,,,,,,0,0,0,0")]
    public void Malformed_truncated_or_impossible_lines_are_malformed(string line) =>
        SbsLineParser.Parse(line, out _).ShouldBe(SbsParseResult.Malformed);

    [Fact]
    public void Lines_without_a_time_have_no_time()
    {
        SbsLineParser.Parse("MSG,3,1,1,02A18F,1,,,,,,36000,,,45.970596,9.095206,,,0,0,0,-1", out var m).ShouldBe(SbsParseResult.Message);
        double.IsNaN(m.TimeS).ShouldBeTrue();
        m.OnGround.ShouldBeTrue();
    }
}
