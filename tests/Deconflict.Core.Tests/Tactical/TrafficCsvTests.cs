using System.Text;
using Deconflict.Core.Tactical;

namespace Deconflict.Core.Tests.Tactical;

public class TrafficCsvTests
{
    private static TrafficSnapshot Parse(string text) => TrafficCsv.Parse(Encoding.UTF8.GetBytes(text), "t.csv");

    [Fact]
    public void Rows_are_read_whatever_the_column_order_line_endings_or_byte_order_mark()
    {
        var s = Parse("\uFEFFtrk_deg,id,lat_deg,lon_deg,alt_ft,gs_kt,vs_fpm,extra\r\n90,A,1.5,-179.9,35000,450,0,x\r\n\r\n270,B,-1,180,1e4,0,-500,y\n");
        s.Count.ShouldBe(2);
        s.Ids[0].ShouldBe("A");
        s.LatDeg[0].ShouldBe(1.5);
        s.LonDeg[0].ShouldBe(-179.9);
        s.TrkDeg[0].ShouldBe(90);
        s.AltFt[1].ShouldBe(10000);
        s.VsFpm[1].ShouldBe(-500);
    }

    [Theory]
    [InlineData("id,lat_deg,lon_deg,alt_ft,gs_kt,trk_deg,vs_fpm\nA,1,2,3,4,5,x\n", 2, "vs_fpm")]
    [InlineData("id,lat_deg,lon_deg,alt_ft,gs_kt,trk_deg,vs_fpm\nA,1,2,3,4,5,6\nB,-90.5,2,3,4,5,6\n", 3, "lat_deg")]
    [InlineData("id,lat_deg,lon_deg,alt_ft,gs_kt,trk_deg,vs_fpm\nA,1,2,3,4,5,6\nA,1,2,3,4,5,6\n", 3, "id")]
    [InlineData("id,lat_deg,lon_deg,alt_ft,gs_kt,vs_fpm\nA,1,2,3,4,6\n", 1, "trk_deg")]
    [InlineData("id,lat_deg,lon_deg,alt_ft,gs_kt,trk_deg,vs_fpm\nA,1,2,3,4,-1,6\n", 2, "trk_deg")]
    [InlineData("id,lat_deg,lon_deg,alt_ft,gs_kt,trk_deg,vs_fpm\nA,1,2,Infinity,4,5,6\n", 2, "alt_ft")]
    [InlineData("id,lat_deg,lon_deg,alt_ft,gs_kt,trk_deg,vs_fpm\nA,1,2\n", 2, "alt_ft")]
    [InlineData("", 1, "header")]
    public void A_malformed_file_names_the_line_and_field(string text, long line, string field)
    {
        var e = Should.Throw<TrafficFormatException>(() => Parse(text));
        e.File.ShouldBe("t.csv");
        e.Line.ShouldBe(line);
        e.Field.ShouldBe(field);
        e.Message.ShouldStartWith($"t.csv:{line}: field '{field}': ");
    }

    [Fact]
    public void A_written_snapshot_reads_back()
    {
        var s = TrafficGenerator.Generate(200, 3);
        var w = new StringWriter();
        TrafficCsv.Write(w, s);
        var back = Parse(w.ToString());
        back.Count.ShouldBe(200);
        for (var i = 0; i < 200; i++)
        {
            back.Ids[i].ShouldBe(s.Ids[i]);
            back.LatDeg[i].ShouldBe(s.LatDeg[i], 1e-6);
            back.LonDeg[i].ShouldBe(s.LonDeg[i], 1e-6);
        }
    }
}
