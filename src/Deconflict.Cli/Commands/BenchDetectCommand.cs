using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Deconflict.Core.Tactical;
using Spectre.Console;

namespace Deconflict.Cli.Commands;

/// <summary><c>deconflict bench detect</c>: time full detection passes over synthetic traffic at realistic density.</summary>
internal static class BenchDetectCommand
{
    public static Command Create()
    {
        var n = new Option<int?>("--n") { Description = "Aircraft count; without it: 10000, 100000 and 1000000." };
        var passes = new Option<int>("--passes") { Description = "Timed passes per size (the median is reported).", DefaultValueFactory = _ => 7 };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic traffic.", DefaultValueFactory = _ => 1 };
        var tracks = new Option<string?>("--tracks") { Description = "Benchmark this tracks file instead of synthetic traffic." };
        var command = new Command("detect",
            "Benchmark tactical detection (5 NM / 1000 ft / 300 s) on synthetic traffic kept at one aircraft per 500 km²: " +
            "tracks, candidate pairs, conflicts, median ms per pass, bytes per aircraft.")
        {
            n, passes, seed, tracks,
        };
        command.SetAction(int (parse) => Run(parse.GetValue(n), parse.GetValue(passes), parse.GetValue(seed), parse.GetValue(tracks)));
        return command;
    }

    internal sealed record Figures(int Tracks, long CandidatePairs, int Conflicts, double MedianMs, double MinMs, double AllocatedBytesPerPass, long FootprintBytes)
    {
        public double BytesPerAircraft => (AllocatedBytesPerPass + FootprintBytes) / Math.Max(1, Tracks);
    }

    internal static int Run(int? count, int passes, int seed, string? tracksPath = null)
    {
        TrafficSnapshot? file = null;
        if (tracksPath is not null)
        {
            file = DetectCommand.ReadTracks(tracksPath);
            count = file.Count;
        }
        if (count is < 2 or > 5_000_000)
        {
            throw new InputException($"option '--n': {count} must be between 2 and 5000000");
        }
        if (passes is < 1 or > 1000)
        {
            throw new InputException($"option '--passes': {passes} must be between 1 and 1000");
        }
        int[] sizes = count is { } c ? [c] : [10_000, 100_000, 1_000_000];
        var rows = new List<Figures>();
        var runs = new List<(TrafficSnapshot Snapshot, TacticalDetector Detector, List<TacticalConflict> Results)>();
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                foreach (var size in sizes)
                {
                    var task = ctx.AddTask($"{size.ToString("N0", CultureInfo.InvariantCulture)} aircraft", maxValue: passes + 2);
                    var snapshot = file ?? TrafficGenerator.Generate(size, seed);
                    task.Increment(1);
                    var (figures, detector, results) = Measure(snapshot, passes, () => task.Increment(1));
                    rows.Add(figures);
                    runs.Add((snapshot, detector, results));
                    task.Value = task.MaxValue;
                }
            });

        // Allocation is measured once the progress display has stopped (its rendering thread allocates too).
        for (var k = 0; k < rows.Count; k++)
        {
            var (snapshot, detector, results) = runs[k];
            var before = GC.GetTotalAllocatedBytes(precise: true);
            detector.Detect(snapshot, SeparationMinima.Default, results);
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            rows[k] = rows[k] with { AllocatedBytesPerPass = allocated };
        }
        runs.Clear();

        var table = new Table().AddColumns("tracks", "cand. pairs", "conflicts", "median ms", "best ms", "B/aircraft", "GC B/pass");
        foreach (var r in rows)
        {
            table.AddRow(
                r.Tracks.ToString("N0", CultureInfo.InvariantCulture),
                r.CandidatePairs.ToString("N0", CultureInfo.InvariantCulture),
                r.Conflicts.ToString("N0", CultureInfo.InvariantCulture),
                r.MedianMs.ToString("F1", CultureInfo.InvariantCulture),
                r.MinMs.ToString("F1", CultureInfo.InvariantCulture),
                r.BytesPerAircraft.ToString("F0", CultureInfo.InvariantCulture),
                r.AllocatedBytesPerPass.ToString("F0", CultureInfo.InvariantCulture));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(
            $"[grey]{Environment.ProcessorCount} cores, {Markup.Escape(CpuModel())}; bytes/aircraft = detector arrays + GC allocation per pass, snapshot columns excluded[/]");
        return 0;
    }

    internal static (Figures Figures, TacticalDetector Detector, List<TacticalConflict> Results) Measure(TrafficSnapshot snapshot, int passes, Action? progress = null)
    {
        var detector = new TacticalDetector();
        var results = new List<TacticalConflict>(1024);
        // Warm-up: JIT, buffers and result list capacity.
        detector.Detect(snapshot, SeparationMinima.Default, results);
        detector.Detect(snapshot, SeparationMinima.Default, results);
        progress?.Invoke();
        var times = new double[passes];
        for (var p = 0; p < passes; p++)
        {
            var watch = Stopwatch.StartNew();
            detector.Detect(snapshot, SeparationMinima.Default, results);
            times[p] = watch.Elapsed.TotalMilliseconds;
            progress?.Invoke();
        }
        Array.Sort(times);
        var figures = new Figures(snapshot.Count, detector.LastCandidatePairs, results.Count, times[passes / 2], times[0], 0, detector.FootprintBytes);
        return (figures, detector, results);
    }

    internal static string CpuModel()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/cpuinfo"))
            {
                if (line.StartsWith("model name", StringComparison.Ordinal))
                {
                    return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                }
            }
        }
        catch (IOException)
        {
        }
        return "unknown CPU";
    }
}
