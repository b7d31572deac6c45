using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Deconflict.Core.Tactical;
using Deconflict.Core.Tactical.Bands;
using Spectre.Console;

namespace Deconflict.Cli.Commands;

/// <summary><c>deconflict bench bands</c>: guidance bands for every aircraft in conflict in a synthetic snapshot.</summary>
internal static class BenchBandsCommand
{
    public static Command Create()
    {
        var n = new Option<int>("--n") { Description = "Aircraft count of the synthetic snapshot.", DefaultValueFactory = _ => 100_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic traffic.", DefaultValueFactory = _ => 1 };
        var tracks = new Option<string?>("--tracks") { Description = "Benchmark this tracks file instead of synthetic traffic." };
        var sample = new Option<int>("--sample")
        {
            Description = "Time only this many of the aircraft in conflict, drawn at random (seeded by --seed); 0 for all.",
            DefaultValueFactory = _ => 0,
        };
        var command = new Command("bands",
            "Benchmark guidance bands (all four kinds, recovery included) for every aircraft in conflict in a snapshot " +
            "kept at one aircraft per 500 km² (or a random sample of them): aircraft in conflict, total time, time per aircraft.")
        {
            n, seed, tracks, sample,
        };
        command.SetAction(int (parse) => Run(parse.GetValue(n), parse.GetValue(seed), parse.GetValue(tracks), parse.GetValue(sample)));
        return command;
    }

    internal static int Run(int count, int seed, string? tracksPath, int sample = 0)
    {
        if (tracksPath is null && count is < 2 or > 5_000_000)
        {
            throw new InputException($"option '--n': {count} must be between 2 and 5000000");
        }
        if (sample < 0)
        {
            throw new InputException($"option '--sample': {sample} must be 0 (all) or more");
        }
        var loadBefore = LoadAverage();
        var snapshot = tracksPath is null ? TrafficGenerator.Generate(count, seed) : DetectCommand.ReadTracks(tracksPath);
        var calculator = new GuidanceBandsCalculator();
        int[] inConflict = [];
        int[] ownships = [];
        OwnshipBands[] results = [];
        double detectMs = 0, bandsMs = 0;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var watch = Stopwatch.StartNew();
                inConflict = calculator.AircraftInConflict(snapshot);
                detectMs = watch.Elapsed.TotalMilliseconds;
                ownships = Sample(inConflict, sample, seed);
                var what = ownships.Length == inConflict.Length ? "" : $" (a random {ownships.Length.ToString("N0", CultureInfo.InvariantCulture)})";
                var task = ctx.AddTask($"bands for {inConflict.Length.ToString("N0", CultureInfo.InvariantCulture)} aircraft in conflict{what}", maxValue: Math.Max(1, ownships.Length));
                watch.Restart();
                results = calculator.Compute(snapshot, ownships, progress: new Progress<int>(done => task.Value = done));
                bandsMs = watch.Elapsed.TotalMilliseconds;
                task.Value = task.MaxValue;
            });
        var recovery = results.Count(r => BandKinds.All.Any(r.IsRecovery));
        var times = ownships.Length > 0 ? bandsMs / ownships.Length : 0;
        var table = new Table().AddColumns("aircraft", "in conflict", "timed", "with recovery bands", "conflict search ms", "bands s",
            "ms per aircraft (wall)", "ms per aircraft (one core)", "all in conflict s (est.)");
        table.AddRow(
            snapshot.Count.ToString("N0", CultureInfo.InvariantCulture),
            inConflict.Length.ToString("N0", CultureInfo.InvariantCulture),
            ownships.Length.ToString("N0", CultureInfo.InvariantCulture),
            recovery.ToString("N0", CultureInfo.InvariantCulture),
            detectMs.ToString("F0", CultureInfo.InvariantCulture),
            (bandsMs / 1000).ToString("F1", CultureInfo.InvariantCulture),
            times.ToString("F2", CultureInfo.InvariantCulture),
            (times * Environment.ProcessorCount).ToString("F2", CultureInfo.InvariantCulture),
            (times * inConflict.Length / 1000).ToString("F0", CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[grey]{Environment.ProcessorCount} cores; load average {loadBefore} before, {LoadAverage()} after; " +
            "CD3D 5 NM / 1000 ft / 300 s, 1°/5 kt/100 fpm/100 ft grids, kinematic, recovery on.[/]");
        return 0;
    }

    // A uniform random sample of the aircraft in conflict (all of them when sample is 0 or not smaller), in row order.
    internal static int[] Sample(int[] inConflict, int sample, int seed)
    {
        if (sample == 0 || sample >= inConflict.Length)
        {
            return inConflict;
        }
        var picked = (int[])inConflict.Clone();
        new Random(seed).Shuffle(picked);
        var result = picked[..sample];
        Array.Sort(result);
        return result;
    }

    // The one-minute load average (Linux), so a figure can be read against how busy the machine was.
    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
