using Deconflict.Core.Asterix;
using Deconflict.Testing;

namespace Deconflict.Core.Tests.Asterix;

/// <summary>The recorded ASTERIX samples in ../shared/data, decoded and checked against Wireshark's dissector.</summary>
public class AsterixSampleTests
{
    [Fact]
    public void The_two_cat021_reports_at_Vagar_decode_as_the_recording_says()
    {
        var feed = new AsterixFeed(startDayS: 1456272000); // 2016-02-24
        var reports = feed.ReadReports(CaptureFile.Open(RepoPaths.Data("croatiacontrol_cat21_re.ast"))).ToList();
        reports.Count.ShouldBe(2);
        reports[0].Id.ShouldBe("000001");
        reports[1].Id.ShouldBe("000002");
        reports[0].LatDeg.ShouldBe(61.47533, 1e-5);
        reports[0].LonDeg.ShouldBe(-7.87870, 1e-5);
        reports[1].LatDeg.ShouldBe(61.47524, 1e-5);
        reports[1].LonDeg.ShouldBe(-7.87885, 1e-5);
        // Time of reception 28802.921875 s refined by the high-precision fraction 0.9196 of the same second.
        reports[0].TimeS.ShouldBe(1456272000 + 28802.9196, 1e-6);
        feed.Stats.Records.ShouldBe(2);
        feed.Stats.BadRecords.ShouldBe(0);
    }

    [Fact]
    public void Every_field_of_the_cat021_sample_agrees_with_wireshark()
    {
        var pcap = Path.Combine(Path.GetTempPath(), $"cat21-{Guid.NewGuid():N}.pcap");
        try
        {
            using (var writer = new PcapWriter(File.Create(pcap)))
            {
                foreach (var d in CaptureFile.Open(RepoPaths.Data("croatiacontrol_cat21_re.ast")).Datagrams())
                {
                    writer.Write(0, d.Payload.Span);
                }
            }
            var decoder = new AsterixDecoder();
            var targets = new List<AsterixTarget>();
            foreach (var d in CaptureFile.Open(pcap).Datagrams())
            {
                decoder.Decode(d.Payload.Span, targets);
            }
            targets.Select(t => t.EmitterCategory).ShouldBe([0, 21]);
            targets.ShouldAllBe(t => t.OnGround);
            TsharkAgreement.Check(pcap, 8600).ShouldBe(2);
        }
        finally
        {
            File.Delete(pcap);
        }
    }

    [Fact]
    public void The_cat062_tracks_beside_a_cat065_block_decode_as_wireshark_does()
    {
        var path = RepoPaths.Data("croatiacontrol_cat_062_065.pcap");
        var decoder = new AsterixDecoder();
        var targets = new List<AsterixTarget>();
        foreach (var d in CaptureFile.Open(path).Datagrams())
        {
            decoder.Decode(d.Payload.Span, targets);
        }
        targets.Count.ShouldBe(2);
        decoder.Stats.UnknownCategory.ShouldBe(1);
        (targets[0].TrackNumber, targets[0].Address, targets[0].Callsign, targets[0].FlightLevelFt).ShouldBe((0x1269, 0x4ca7a8, "RYR174C", 39000.0));
        targets[0].LatDeg.ShouldBe(41.167123, 1e-6);
        targets[0].LonDeg.ShouldBe(15.708867, 1e-6);
        (targets[1].TrackNumber, targets[1].Address, targets[1].Callsign, targets[1].FlightLevelFt).ShouldBe((0x1aaf, 0x4cac7f, "ISS2007", 38000.0));
        targets[1].TimeOfDayS.ShouldBe(45827.3984375);
        TsharkAgreement.Check(path, 10001).ShouldBe(2);
    }

    [Fact]
    public void The_2008_cat062_capture_of_an_older_edition_is_framed_counted_and_never_crashes()
    {
        // Written in an edition before 1.x: its positions decode to impossible values (here and in Wireshark),
        // so they are refused and counted, and whatever records frame agree with Wireshark field by field.
        var path = RepoPaths.Data("croatiacontrol_asterix_cat062.pcap");
        var feed = new AsterixFeed();
        var reports = feed.ReadReports(CaptureFile.Open(path)).ToList();
        feed.Stats.Datagrams.ShouldBe(100);
        feed.Stats.Blocks.ShouldBe(100);
        feed.Stats.BadItems.ShouldBeGreaterThan(0);
        reports.ShouldAllBe(r => Math.Abs(r.LatDeg) <= 90 && Math.Abs(r.LonDeg) <= 180);
        TsharkAgreement.Check(path, 20402).ShouldBeGreaterThan(0);
    }
}
