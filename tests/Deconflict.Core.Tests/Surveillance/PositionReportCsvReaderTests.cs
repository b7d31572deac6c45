using Deconflict.Core.Surveillance;
using Deconflict.Testing;

namespace Deconflict.Core.Tests.Surveillance;

public class PositionReportCsvReaderTests
{
    private const string Header = "t_s,id,lat_deg,lon_deg,alt_ft,gs_kt,trk_deg,vs_fpm\n";

    private static PositionReportCsvReader Reader(string text) => new(new StringReader(text));

    [Fact]
    public void Empty_optional_fields_become_not_available()
    {
        using var reader = Reader(Header + "1717664319.525,400f99,43.628082,1.367203,,10.0,143.4,\n");
        reader.TryRead(out var r).ShouldBeTrue();
        r.Id.ShouldBe("400f99");
        r.TimeS.ShouldBe(1717664319.525, 1e-9);
        r.LatDeg.ShouldBe(43.628082);
        double.IsNaN(r.AltFt).ShouldBeTrue();
        r.GsKt.ShouldBe(10.0);
        double.IsNaN(r.VsFpm).ShouldBeTrue();
        reader.TryRead(out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("1,abc,91,0,1000,1,1,1", "lat_deg")]
    [InlineData("1,abc,45,181,1000,1,1,1", "lon_deg")]
    [InlineData("x,abc,45,1,1000,1,1,1", "t_s")]
    [InlineData("1,,45,1,1000,1,1,1", "id")]
    [InlineData("1,abc,,1,1000,1,1,1", "lat_deg")]
    [InlineData("1,abc,45,1,1000,-3,1,1", "gs_kt")]
    [InlineData("1,abc,45,1,1000,1,400,1", "trk_deg")]
    [InlineData("1,abc,45,1,10e9,1,1,1", "alt_ft")]
    [InlineData("1,abc,45,1,1000,1,1", "line")]
    public void A_bad_line_names_its_line_and_field(string line, string field)
    {
        using var reader = Reader(Header + "1,ok,45,1,1000,1,1,1\n" + line + "\n");
        reader.TryRead(out _).ShouldBeTrue();
        var e = Should.Throw<ReportFormatException>(() => reader.TryRead(out _));
        e.Line.ShouldBe(3);
        e.Field.ShouldBe(field);
    }

    [Fact]
    public void A_header_without_a_required_column_is_refused()
    {
        var e = Should.Throw<ReportFormatException>(() => Reader("t_s,id,lat,lon\n"));
        e.Line.ShouldBe(1);
        e.Field.ShouldBe("lat_deg");
    }

    [Fact]
    public void Identities_are_interned_one_string_per_aircraft()
    {
        using var reader = Reader(Header + "1,abc,45,1,1000,1,1,1\n2,abc,45,1,1000,1,1,1\n");
        reader.TryRead(out var a).ShouldBeTrue();
        reader.TryRead(out var b).ShouldBeTrue();
        ReferenceEquals(a.Id, b.Id).ShouldBeTrue();
    }

    [Fact]
    public void Gzip_recordings_are_read_like_plain_ones()
    {
        using var reader = PositionReportCsvReader.Open(RepoPaths.Data("switzerland_2018-08-01_full.reports.csv.gz"));
        var n = 0;
        var last = 0.0;
        while (reader.TryRead(out var r))
        {
            r.TimeS.ShouldBeGreaterThanOrEqualTo(last);
            last = r.TimeS;
            n++;
        }
        n.ShouldBe(139_098);
    }

    [Fact]
    public void An_intent_column_is_understood()
    {
        using var reader = Reader("t_s,id,lat_deg,lon_deg,alt_ft,gs_kt,trk_deg,vs_fpm,intent_id\n1,abc,45,1,1000,1,1,1,op-7\n");
        reader.TryRead(out var r).ShouldBeTrue();
        r.IntentId.ShouldBe("op-7");
    }
}
