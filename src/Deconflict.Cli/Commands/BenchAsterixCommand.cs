using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Deconflict.Core.Asterix;
using Deconflict.Core.Surveillance;

namespace Deconflict.Cli.Commands;

/// <summary>
/// <c>deconflict bench asterix --reports FILE</c>: ASTERIX decode rate. The recording is encoded
/// once per category into datagrams in memory, then decoded (records to targets) and fed (records
/// to position reports) repeatedly; the median pass gives records per second on one thread.
/// </summary>
internal static class BenchAsterixCommand
{
    public static Command Create()
    {
        var reports = new Option<string>("--reports")
        {
            Description = "Reports CSV to encode (.gz is decompressed), e.g. ../shared/data/switzerland_2018-08-01_full.reports.csv.gz",
            Required = true,
        };
        var passes = new Option<int>("--passes") { Description = "Timed passes per category (median reported)", DefaultValueFactory = _ => 7 };
        var command = new Command("asterix", "Benchmark ASTERIX decoding (CAT021, CAT062, CAT048): records per second.") { reports, passes };
        command.SetAction(int (parse) => Run(parse.GetValue(reports)!, Math.Clamp(parse.GetValue(passes), 1, 100)));
        return command;
    }

    private static int Run(string path, int passes)
    {
        List<PositionReport> recording;
        try
        {
            using var file = File.OpenRead(path);
            Stream input = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
            using var reader = new PositionReportCsvReader(new StreamReader(input));
            recording = reader.ReadAll();
        }
        catch (ReportFormatException e)
        {
            throw InputException.At(path, e.Line, e.Field, e.Message);
        }
        var radar = new RadarSite(46.9, 7.5, 1500);
        var radars = new Dictionary<(int, int), RadarSite> { [(0, 1)] = radar };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)}: {recording.Count:N0} reports, median of {passes} passes after 2 warm-up passes, one thread"));
        Console.WriteLine("category | bytes/record | decode records/s | decode+report records/s");
        foreach (var category in new[] { 21, 62, 48 })
        {
            var encoder = new AsterixEncoder(category, 0, 1, category == 48 ? radar : null);
            var datagrams = new List<byte[]>();
            foreach (var r in recording)
            {
                encoder.Add(r, b => datagrams.Add(b.ToArray()));
            }
            encoder.Flush(b => datagrams.Add(b.ToArray()));
            var bytes = datagrams.Sum(d => (long)d.Length);
            var targets = new List<AsterixTarget>(4096);
            var decode = Median(passes, () =>
            {
                var decoder = new AsterixDecoder();
                foreach (var d in datagrams)
                {
                    targets.Clear();
                    decoder.Decode(d, targets);
                }
            });
            var output = new List<PositionReport>(4096);
            var feed = Median(passes, () =>
            {
                var f = new AsterixFeed(radars);
                foreach (var d in datagrams)
                {
                    output.Clear();
                    f.Push(d, 1.5e9, output);
                }
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CAT{category:D3} | {(double)bytes / recording.Count:F1} | {recording.Count / decode:N0} | {recording.Count / feed:N0}"));
        }
        return 0;
    }

    private static double Median(int passes, Action pass)
    {
        pass();
        pass();
        var seconds = new double[passes];
        for (var i = 0; i < passes; i++)
        {
            var w = Stopwatch.StartNew();
            pass();
            seconds[i] = w.Elapsed.TotalSeconds;
        }
        Array.Sort(seconds);
        return seconds[passes / 2];
    }
}
