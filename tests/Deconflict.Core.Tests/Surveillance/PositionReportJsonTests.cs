using System.Text;
using Deconflict.Core.Surveillance;

namespace Deconflict.Core.Tests.Surveillance;

public class PositionReportJsonTests
{
    [Fact]
    public void Good_reports_are_accepted_and_bad_ones_listed_with_their_fields()
    {
        var body = """
            [{"id":"RFF123","t":"2026-03-01T12:00:00Z","lat_deg":35.1,"lon_deg":38.2,"alt_ft":31000,"gs_kt":450,"trk_deg":90,"vs_fpm":0,"intent_id":"op-1"},
             {"id":"X","t":"yesterday","lat_deg":95,"lon_deg":38.2},
             {"id":"Y","t":"2026-03-01T12:00:01Z","lat_deg":35,"lon_deg":38,"alt_ft":null,"gs_kt":"fast"},
             {"id":"Z","t":"2026-03-01T12:00:02+01:00","lat_deg":35,"lon_deg":38}]
            """;
        var accepted = new List<PositionReport>();
        var indices = new List<int>();
        var rejected = new List<ReportRejection>();
        PositionReportJson.ParseArray(Encoding.UTF8.GetBytes(body), accepted, indices, rejected);
        accepted.Count.ShouldBe(2);
        indices.ShouldBe([0, 3]);
        var r = accepted[0];
        (r.Id, r.LatDeg, r.AltFt, r.IntentId).ShouldBe(("RFF123", 35.1, 31000.0, "op-1"));
        r.TimeS.ShouldBe(DateTimeOffset.Parse("2026-03-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds());
        accepted[1].TimeS.ShouldBe(r.TimeS + 2 - 3600);
        rejected.Count.ShouldBe(2);
        rejected[0].Index.ShouldBe(1);
        rejected[0].Errors.Keys.ShouldBe(["t", "lat_deg"], ignoreOrder: true);
        rejected[1].Index.ShouldBe(2);
        rejected[1].Errors.Keys.ShouldBe(["gs_kt"]);
    }

    [Fact]
    public void Ndjson_lines_are_judged_one_by_one()
    {
        var body = "{\"id\":\"A\",\"t\":\"2026-03-01T12:00:00Z\",\"lat_deg\":1,\"lon_deg\":2}\n\n{not json\n{\"id\":\"B\",\"t_s\":1700000000,\"lat_deg\":1,\"lon_deg\":2}\r\n";
        var accepted = new List<PositionReport>();
        var indices = new List<int>();
        var rejected = new List<ReportRejection>();
        PositionReportJson.ParseNdjson(Encoding.UTF8.GetBytes(body), accepted, indices, rejected);
        accepted.Select(a => a.Id).ShouldBe(["A", "B"]);
        indices.ShouldBe([0, 2]);
        rejected.ShouldHaveSingleItem().Index.ShouldBe(1);
    }

    [Fact]
    public void A_body_that_is_not_an_array_is_refused_as_a_whole() =>
        Should.Throw<System.Text.Json.JsonException>(() =>
            PositionReportJson.ParseArray(Encoding.UTF8.GetBytes("{\"id\":1}"), [], [], []));
}
