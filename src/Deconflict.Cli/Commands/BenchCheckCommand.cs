using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Deconflict.Core.Strategic;
using Spectre.Console;

namespace Deconflict.Cli.Commands;

/// <summary>
/// <c>deconflict bench check [--n N] [--pairs-n M] [--candidates K] [--seed S]</c>: builds an index of N synthetic
/// intents over the Middle East for a week, times checking K new intents against it (median, p99), measures
/// index memory per intent, then times the all-pairs check of M intents over one day. Progress goes to
/// standard error, figures to standard output.
/// </summary>
internal static class BenchCheckCommand
{
    public static Command Create()
    {
        var n = new Option<int>("--n") { Description = "Intents in the index.", DefaultValueFactory = _ => 1_000_000 };
        var pairsN = new Option<int>("--pairs-n") { Description = "Intents in the all-pairs check (0 to skip).", DefaultValueFactory = _ => 100_000 };
        var candidates = new Option<int>("--candidates") { Description = "New intents checked one by one.", DefaultValueFactory = _ => 2_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 1 };
        var cellDeg = new Option<double>("--cell-deg") { Description = "Index cell size in degrees.", DefaultValueFactory = _ => StrategicIndex.DefaultCellDeg };
        var command = new Command("check", "Measure strategic checking: one intent against a large index, all pairs, memory.")
        {
            n, pairsN, candidates, seed, cellDeg,
        };
        command.SetAction(parse => Run(parse.GetValue(n), parse.GetValue(pairsN), parse.GetValue(candidates), parse.GetValue(seed), parse.GetValue(cellDeg)));
        return command;
    }

    private static int Run(int n, int pairsN, int candidateCount, int seed, double cellDeg)
    {
        if (n is < 1 or > 5_000_000 || pairsN is < 0 or > 2_000_000 || candidateCount is < 1 or > 1_000_000 || cellDeg is < 0.01 or > 10)
        {
            throw new InputException("--n must be 1..5000000, --pairs-n 0..2000000, --candidates 1..1000000, --cell-deg 0.01..10");
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var figures = new List<(string Name, string Value)>();
        console.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx => Measure(ctx, n, pairsN, candidateCount, seed, cellDeg, figures));

        var width = figures.Max(f => f.Name.Length);
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformationText()}, load average {LoadAverage()}");
        foreach (var (name, value) in figures)
        {
            Console.WriteLine($"{name.PadRight(width)}  {value}");
        }
        return 0;
    }

    private static void Measure(ProgressContext ctx, int n, int pairsN, int candidateCount, int seed, double cellDeg, List<(string, string)> figures)
    {
        var generating = ctx.AddTask($"generate {n:N0} intents");
        var indexing = ctx.AddTask($"index {n:N0} intents", autoStart: false);
        var checking = ctx.AddTask($"check {candidateCount:N0} new intents", autoStart: false);
        var allPairs = ctx.AddTask($"all pairs of {pairsN:N0} intents", autoStart: false);

        var baseline = Settle();
        var generator = new IntentGenerator(seed, IntentTheatre.MiddleEast);
        var intents = new OperationalIntent[n];
        for (var i = 0; i < n; i++)
        {
            intents[i] = generator.Next(i + 1);
            if (i % 10_000 == 0)
            {
                generating.Value = i * 100.0 / n;
            }
        }
        generating.Value = 100;
        var withIntents = Settle();

        indexing.StartTask();
        var index = new StrategicIndex(cellDeg);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            index.Upsert(intents[i]);
            if (i % 10_000 == 0)
            {
                indexing.Value = i * 100.0 / n;
            }
        }
        var buildS = clock.Elapsed.TotalSeconds;
        indexing.Value = 100;
        var withIndex = Settle();

        checking.StartTask();
        var candidateGenerator = new IntentGenerator(seed + 1_000_003, IntentTheatre.MiddleEast);
        var candidates = Enumerable.Range(0, candidateCount)
            .Select(i => candidateGenerator.Next(i + 1) is var c && c.State == IntentState.Ended ? c with { State = IntentState.Accepted } : c)
            .Select(c => c with { Id = "new-" + c.Id })
            .ToArray();
        // A first pass warms up the code paths; the figures come from the second.
        for (var i = 0; i < candidates.Length; i++)
        {
            index.FindConflicts(candidates[i]);
            checking.Value = (i + 1) * 50.0 / candidates.Length;
        }
        var times = new double[candidates.Length];
        var found = 0L;
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var checkCpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < candidates.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            found += index.FindConflicts(candidates[i]).Count;
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            checking.Value = 50 + ((i + 1) * 50.0 / candidates.Length);
        }
        var checkCpuUs = (Process.GetCurrentProcess().TotalProcessorTime - checkCpu).TotalMicroseconds / candidates.Length;
        var gcs = (GC.CollectionCount(0) - gcBefore.Item1, GC.CollectionCount(1) - gcBefore.Item2, GC.CollectionCount(2) - gcBefore.Item3);
        Array.Sort(times);

        figures.Add(("index size", $"{n:N0} intents ({index.Count:N0} live, {intents.Sum(i => i.Volumes.Count):N0} volumes), Middle East 24-42N 30-56E over 7 days"));
        figures.Add(("index build", $"{buildS:F1} s ({buildS * 1e6 / n:F1} µs per upsert)"));
        figures.Add(("check one intent: median", $"{times[times.Length / 2] * 1000:F0} µs"));
        figures.Add(("check one intent: p99", $"{times[(int)(times.Length * 0.99)] * 1000:F0} µs"));
        figures.Add(("check one intent: mean", $"{times.Average() * 1000:F0} µs, {found / (double)candidates.Length:F1} conflicts per intent; {checkCpuUs:F0} µs of CPU per intent"));
        figures.Add(("check one intent: max", $"{times[^1] * 1000:F0} µs; garbage collections during the checks: gen0 {gcs.Item1}, gen1 {gcs.Item2}, gen2 {gcs.Item3}"));
        figures.Add(("cell entries per volume", $"{index.CellEntryCount / (double)index.VolumeCount:F1} ({index.CellCount:N0} cells of {cellDeg}°)"));
        figures.Add(("memory per intent: index", $"{(withIndex - withIntents) / (double)n:F0} B"));
        figures.Add(("memory per intent: intent objects", $"{(withIntents - baseline) / (double)n:F0} B"));

        GC.KeepAlive(intents);
        index = null;
        intents = null;
        Settle();
        if (pairsN == 0)
        {
            allPairs.StopTask();
            return;
        }
        allPairs.StartTask();
        var day = IntentTheatre.MiddleEast with { Span = TimeSpan.FromDays(1) };
        var pairGenerator = new IntentGenerator(seed + 7, day);
        var pairIndex = new StrategicIndex(cellDeg);
        for (var i = 0; i < pairsN; i++)
        {
            pairIndex.Upsert(pairGenerator.Next(i + 1));
        }
        clock.Restart();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var progress = new Progress<int>(done => allPairs.Value = done * 100.0 / pairsN);
        var conflicts = pairIndex.FindAllConflicts(progress: progress);
        var pairsS = clock.Elapsed.TotalSeconds;
        var pairsCpuS = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        allPairs.Value = 100;
        figures.Add(("all pairs", $"{pairsS:F2} s for {pairsN:N0} intents over one day ({conflicts.Count:N0} conflicts, {Environment.ProcessorCount} threads, {pairsCpuS:F2} s of CPU)"));
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static long Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string RuntimeInformationText() =>
        string.Create(CultureInfo.InvariantCulture, $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
}
