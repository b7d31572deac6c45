using Deconflict.Core.Asterix;
using Deconflict.Core.Surveillance;
using Deconflict.Testing;

namespace Deconflict.Core.Tests.Asterix;

/// <summary>
/// Reports recordings written as CAT021, CAT062 and CAT048 feeds by the encoder: Wireshark decodes
/// every record to what this decoder decodes, and the decoded reports are the recorded ones to
/// each item's resolution.
/// </summary>
public class AsterixEncoderTests
{
    private static readonly RadarSite s_radar = new(46.9, 7.5, 1500);

    public static TheoryData<int> Categories => [21, 62, 48];

    [Theory]
    [MemberData(nameof(Categories))]
    public void A_recording_written_as_asterix_decodes_to_the_same_reports_and_wireshark_agrees(int category)
    {
        var recorded = Recording(3000);
        var pcap = Path.Combine(Path.GetTempPath(), $"enc{category}-{Guid.NewGuid():N}.pcap");
        try
        {
            Write(recorded, category, pcap);
            var feed = new AsterixFeed(new Dictionary<(int, int), RadarSite> { [(0, 1)] = s_radar });
            var decoded = feed.ReadReports(CaptureFile.Open(pcap)).ToList();
            decoded.Count.ShouldBe(recorded.Count);
            feed.Stats.BadRecords.ShouldBe(0);
            feed.Stats.BadItems.ShouldBe(0);
            for (var i = 0; i < recorded.Count; i++)
            {
                var (r, d) = (recorded[i], decoded[i]);
                d.Id.ShouldBe(r.Id);
                d.TimeS.ShouldBe(r.TimeS, 1.0 / 256);
                // CAT048 goes through slant range (1/256 NM) and azimuth (2^-16 of a turn) from the radar.
                var positionDeg = category == 48 ? 3e-3 : category == 62 ? 1e-5 : 1e-6;
                d.LatDeg.ShouldBe(r.LatDeg, positionDeg);
                d.LonDeg.ShouldBe(r.LonDeg, positionDeg * 1.5);
                d.AltFt.ShouldBe(r.AltFt, 12.5);
                d.GsKt.ShouldBe(r.GsKt, category == 62 ? 0.5 : 0.25);
                AngleDiff(d.TrkDeg, r.TrkDeg).ShouldBeLessThan(category == 62 ? 0.2 : 0.01);
                if (category != 48)
                {
                    d.VsFpm.ShouldBe(r.VsFpm, 3.125);
                }
            }
            TsharkAgreement.Check(pcap, 8600).ShouldBe(recorded.Count);
        }
        finally
        {
            File.Delete(pcap);
        }
    }

    [Fact]
    public void Blocks_never_exceed_the_datagram_size_and_hold_whole_records()
    {
        var encoder = new AsterixEncoder(21, maxBlockOctets: 200);
        var blocks = new List<ReadOnlyMemory<byte>>();
        foreach (var r in Recording(500))
        {
            encoder.Add(r, blocks.Add);
        }
        encoder.Flush(blocks.Add);
        var decoder = new AsterixDecoder();
        var targets = new List<AsterixTarget>();
        foreach (var b in blocks)
        {
            b.Length.ShouldBeLessThanOrEqualTo(200);
            decoder.Decode(b.Span, targets);
        }
        targets.Count.ShouldBe(500);
        decoder.Stats.BadRecords.ShouldBe(0);
    }

    internal static List<PositionReport> Recording(int n)
    {
        using var reader = PositionReportCsvReader.Open(RepoPaths.Data("switzerland_2018-08-01_0900-1300Z.reports.csv"));
        return [.. reader.ReadReports().Take(n)];
    }

    internal static void Write(IEnumerable<PositionReport> reports, int category, string pcap)
    {
        var encoder = new AsterixEncoder(category, 0, 1, category == 48 ? s_radar : null);
        using var writer = new PcapWriter(File.Create(pcap));
        var time = double.NaN;
        void Emit(ReadOnlyMemory<byte> block) => writer.Write(time, block.Span);
        foreach (var r in reports)
        {
            if (r.TimeS != time)
            {
                encoder.Flush(Emit);
                time = r.TimeS;
            }
            encoder.Add(r, Emit);
        }
        encoder.Flush(Emit);
    }

    private static double AngleDiff(double a, double b)
    {
        var d = Math.Abs(a - b) % 360;
        return Math.Min(d, 360 - d);
    }
}
