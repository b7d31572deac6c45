using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Deconflict.Core.Surveillance;
using Deconflict.Core.Tactical;

namespace Deconflict.Cli.Commands;

/// <summary><c>deconflict bench replay FILE...</c>: replay speed (reports per second) of recordings through the live pipeline.</summary>
internal static class BenchReplayCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Reports CSV (.csv, .csv.gz) or SBS-1 (.sbs) recordings", Arity = ArgumentArity.OneOrMore };
        var command = new Command("replay", "Benchmark replay speed of recordings through the live pipeline.") { files };
        command.SetAction(async (parse, cancellation) =>
        {
            foreach (var path in parse.GetValue(files)!)
            {
                var isSbs = path.EndsWith(".sbs", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".sbs.gz", StringComparison.OrdinalIgnoreCase);
                var reports = LoadReports(path, isSbs);
                var alerting = new LiveAlerting(new LiveTrackStore(), SeparationMinima.Default);
                var replay = new RecordingReplay(alerting);
                var w = Stopwatch.StartNew();
                await replay.RunAsync(reports, cancellation).ConfigureAwait(false);
                w.Stop();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{Path.GetFileName(path)}: {replay.Reports:N0} reports, {(replay.EndS - replay.StartS) / 3600:F2} h, {replay.Cycles:N0} cycles in {w.Elapsed.TotalSeconds:F2} s: {replay.Reports / w.Elapsed.TotalSeconds:N0} reports/s, {(replay.EndS - replay.StartS) / w.Elapsed.TotalSeconds:N0}x real time; {replay.Episodes.Count} alert episodes"));
            }
            return 0;
        });
        return command;
    }

    private static List<PositionReport> LoadReports(string path, bool isSbs)
    {
        using var file = File.OpenRead(path);
        Stream input = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress) : file;
        try
        {
            if (isSbs)
            {
                return [.. new SbsFeed().ReadReports(input)];
            }
            using var reader = new PositionReportCsvReader(new StreamReader(input));
            return reader.ReadAll();
        }
        catch (ReportFormatException e)
        {
            throw InputException.At(path, e.Line, e.Field, e.Message);
        }
    }
}
