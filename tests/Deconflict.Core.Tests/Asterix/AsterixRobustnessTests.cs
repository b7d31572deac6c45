using CsCheck;
using Deconflict.Core.Asterix;
using Deconflict.Core.Surveillance;

namespace Deconflict.Core.Tests.Asterix;

/// <summary>Garbage, truncated blocks and wrong lengths are skipped and counted, and the feed goes on.</summary>
public class AsterixRobustnessTests
{
    private static readonly List<PositionReport> s_recording = AsterixEncoderTests.Recording(400);

    [Fact]
    public void Random_bytes_never_throw_and_never_yield_an_impossible_position()
    {
        Gen.Byte.Array[0, 1500].Sample(bytes =>
        {
            var feed = new AsterixFeed(new Dictionary<(int, int), RadarSite> { [(0, 1)] = new(46, 7, 0) });
            var reports = new List<PositionReport>();
            feed.Push(bytes, 1.5e9, reports);
            foreach (var r in reports)
            {
                Math.Abs(r.LatDeg).ShouldBeLessThanOrEqualTo(90);
                Math.Abs(r.LonDeg).ShouldBeLessThanOrEqualTo(180);
            }
        }, iter: 3000);
    }

    [Fact]
    public void A_damaged_datagram_costs_only_its_own_records_and_the_feed_goes_on()
    {
        var datagrams = Datagrams(21);
        Gen.Select(Gen.Int[0, datagrams.Count - 1], Gen.Int[0, 3], Gen.Int, (i, kind, r) => (i, kind, r)).Sample(c =>
        {
            var feed = new AsterixFeed();
            var reports = new List<PositionReport>();
            var expected = 0;
            for (var k = 0; k < datagrams.Count; k++)
            {
                var d = datagrams[k];
                if (k == c.i)
                {
                    d = Damage(d, c.kind, c.r);
                }
                else
                {
                    expected += Records(d);
                }
                var before = reports.Count;
                feed.Push(d, double.NaN, reports);
                if (k != c.i)
                {
                    (reports.Count - before).ShouldBe(Records(d));
                }
            }
            reports.Count.ShouldBeGreaterThanOrEqualTo(expected);
            if (c.kind == 0)
            {
                feed.Stats.BadBlocks.ShouldBe(1); // a cut-off block always says more than it holds
            }
        }, iter: 300);
    }

    [Fact]
    public void Truncated_blocks_and_wrong_lengths_are_counted_as_such()
    {
        var d = Datagrams(62)[0];
        var feed = new AsterixFeed();
        var reports = new List<PositionReport>();
        feed.Push(d.AsSpan(0, d.Length - 5), double.NaN, reports); // cut off: the length runs past the end
        feed.Stats.BadBlocks.ShouldBe(1);
        var shorter = (byte[])d.Clone();
        var length = (shorter[1] << 8) + shorter[2] - 3; // LEN ends inside the last record
        (shorter[1], shorter[2]) = ((byte)(length >> 8), (byte)length);
        feed.Push(shorter, double.NaN, reports);
        feed.Stats.BadRecords.ShouldBe(1);
        feed.Stats.BadBlocks.ShouldBe(2); // and the three octets left after it cannot be a block
        var tiny = (byte[])d.Clone();
        tiny[1] = 0;
        tiny[2] = 2; // LEN below the block header's own 3 octets
        feed.Push(tiny, double.NaN, reports);
        feed.Stats.BadBlocks.ShouldBe(3);
        feed.Push(d, double.NaN, reports);
        reports.Count.ShouldBe(Records(d) - 1 + Records(d));
    }

    [Fact]
    public void A_raw_file_with_garbage_between_blocks_gives_back_every_block()
    {
        var blocks = Datagrams(21);
        var random = new Random(11);
        using var file = new MemoryStream();
        foreach (var b in blocks)
        {
            // Garbage that cannot open a block (no category octet of a known category).
            var garbage = new byte[random.Next(0, 40)];
            for (var i = 0; i < garbage.Length; i++)
            {
                garbage[i] = (byte)random.Next(100, 240);
            }
            file.Write(garbage);
            file.Write(b);
        }
        file.Write([21, 0, 200, 1, 2]); // a block cut off at the end of the file
        var capture = new CaptureFile(file.ToArray());
        capture.Format.ShouldBe(CaptureFormat.Raw);
        var feed = new AsterixFeed(startDayS: 1533081600);
        var reports = feed.ReadReports(capture).ToList();
        reports.Count.ShouldBe(s_recording.Count);
        reports.Select(r => r.Id).ShouldBe(s_recording.Select(r => r.Id));
        capture.Skipped.ShouldBeGreaterThan(0);
    }

    private static byte[] Damage(byte[] d, int kind, int r)
    {
        var random = new Random(r);
        var copy = (byte[])d.Clone();
        switch (kind)
        {
            case 0:
                return copy[..random.Next(1, copy.Length)]; // truncated
            case 1:
                copy[1 + random.Next(2)] ^= (byte)random.Next(1, 256); // wrong length
                return copy;
            case 2:
                for (var i = 0; i < 5; i++)
                {
                    copy[random.Next(copy.Length)] = (byte)random.Next(256); // bit rot
                }
                return copy;
            default:
                var garbage = new byte[random.Next(1, 600)];
                random.NextBytes(garbage);
                return garbage;
        }
    }

    private static int Records(byte[] datagram)
    {
        var targets = new List<AsterixTarget>();
        new AsterixDecoder().Decode(datagram, targets);
        return targets.Count;
    }

    private static List<byte[]> Datagrams(int category)
    {
        var encoder = new AsterixEncoder(category, maxBlockOctets: 300);
        var blocks = new List<byte[]>();
        foreach (var r in s_recording)
        {
            encoder.Add(r, b => blocks.Add(b.ToArray()));
        }
        encoder.Flush(b => blocks.Add(b.ToArray()));
        return blocks;
    }
}
