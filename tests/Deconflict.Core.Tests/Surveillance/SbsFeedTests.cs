using System.Text;
using Deconflict.Core.Surveillance;
using Deconflict.Testing;

namespace Deconflict.Core.Tests.Surveillance;

public class SbsFeedTests
{
    private const string Msg3 = "MSG,3,1,1,02A18F,1,2018/08/01,09:00:00.000,2018/08/01,09:00:00.000,,36000,,,45.970596,9.095206,,,0,0,0,0\r\n";
    private const string Msg4 = "MSG,4,1,1,02A18F,1,2018/08/01,09:00:00.000,2018/08/01,09:00:00.000,,,450,349,,,-640,,0,0,0,0\r\n";

    [Fact]
    public void A_position_and_a_velocity_merge_into_one_full_report()
    {
        var feed = new SbsFeed();
        var reports = new List<PositionReport>();
        feed.Push(Encoding.ASCII.GetBytes(Msg3 + Msg4), reports);
        reports.Count.ShouldBe(2);
        var r = reports[^1];
        r.Id.ShouldBe("02a18f");
        (r.LatDeg, r.LonDeg, r.AltFt, r.GsKt, r.TrkDeg, r.VsFpm).ShouldBe((45.970596, 9.095206, 36000.0, 450.0, 349.0, -640.0));
        r.TimeS.ShouldBe(1533114000);
    }

    [Fact]
    public void Bytes_arriving_one_at_a_time_give_the_same_reports()
    {
        var bytes = Encoding.ASCII.GetBytes(Msg3 + Msg4 + Msg3);
        var whole = new List<PositionReport>();
        new SbsFeed().Push(bytes, whole);
        var feed = new SbsFeed();
        var trickle = new List<PositionReport>();
        foreach (var b in bytes)
        {
            feed.Push([b], trickle);
        }
        trickle.ShouldBe(whole);
    }

    [Fact]
    public void Garbage_bytes_and_broken_lines_are_skipped_and_counted_and_the_feed_keeps_going()
    {
        var random = new Random(7);
        var garbage = new byte[5000];
        random.NextBytes(garbage);
        var feed = new SbsFeed();
        var reports = new List<PositionReport>();
        feed.Push(Encoding.ASCII.GetBytes(Msg3), reports);
        feed.Push(garbage, reports);
        feed.Push("\n"u8, reports);
        feed.Push(Encoding.ASCII.GetBytes("MSG,3,1,1,02A18F,1,2018/08/01,09:00:01.000,2018/08/01,09:00:01.000,,36000,,,45.97\n"), reports);
        feed.Push(Encoding.ASCII.GetBytes(new string('x', 5000) + "\n"), reports);
        feed.Push(Encoding.ASCII.GetBytes(Msg4.Replace("09:00:00", "09:00:02", StringComparison.Ordinal)), reports);
        feed.Stats.Malformed.ShouldBeGreaterThan(0);
        feed.Stats.Truncated.ShouldBeGreaterThanOrEqualTo(1);
        reports.Count.ShouldBe(2);
        reports[^1].GsKt.ShouldBe(450);
        reports[^1].LatDeg.ShouldBe(45.970596);
    }

    [Fact]
    public void A_feed_that_closes_mid_line_drops_the_partial_line()
    {
        var feed = new SbsFeed();
        var reports = new List<PositionReport>();
        var cut = Msg3 + Msg3.Replace("09:00:00", "09:00:05", StringComparison.Ordinal)[..80];
        feed.Push(Encoding.ASCII.GetBytes(cut), reports);
        feed.EndOfStream();
        reports.Count.ShouldBe(1);
        feed.Stats.Truncated.ShouldBe(1);
        // The next connection starts clean.
        feed.Push(Encoding.ASCII.GetBytes(Msg4), reports);
        reports.Count.ShouldBe(2);
    }

    [Fact]
    public void A_live_feed_stamps_reports_with_the_receipt_clock()
    {
        var feed = new SbsFeed(clock: () => 2_000_000_000);
        var reports = new List<PositionReport>();
        feed.Push(Encoding.ASCII.GetBytes(Msg3), reports);
        reports.Single().TimeS.ShouldBe(2_000_000_000);
    }

    [Fact]
    public void The_sbs_recording_carries_the_same_reports_as_its_csv_twin()
    {
        var expected = new Dictionary<(string, double), PositionReport>();
        using (var csv = PositionReportCsvReader.Open(RepoPaths.Data("switzerland_2018-08-01_0900-1300Z.reports.csv")))
        {
            while (csv.TryRead(out var r))
            {
                expected[(r.Id, Math.Round(r.TimeS, 3))] = r;
            }
        }
        var feed = new SbsFeed();
        var got = new Dictionary<(string, double), PositionReport>();
        var reports = new List<PositionReport>();
        feed.Push(File.ReadAllBytes(RepoPaths.Data("switzerland_2018-08-01_0900-1300Z.sbs")), reports);
        feed.EndOfStream();
        foreach (var r in reports)
        {
            got[(r.Id, Math.Round(r.TimeS, 3))] = r;
        }
        feed.Stats.Malformed.ShouldBe(0);
        feed.Stats.Truncated.ShouldBe(0);
        got.Count.ShouldBe(expected.Count);
        foreach (var (key, e) in expected)
        {
            var g = got[key];
            g.LatDeg.ShouldBe(e.LatDeg, 1e-9);
            g.LonDeg.ShouldBe(e.LonDeg, 1e-9);
            g.AltFt.ShouldBe(e.AltFt, 0.5);
            g.GsKt.ShouldBe(e.GsKt, 0.51);
            var dTrk = Math.Abs(g.TrkDeg - e.TrkDeg);
            Math.Min(dTrk, 360 - dTrk).ShouldBeLessThanOrEqualTo(0.51);
            g.VsFpm.ShouldBe(e.VsFpm, 0.5);
        }
    }
}
