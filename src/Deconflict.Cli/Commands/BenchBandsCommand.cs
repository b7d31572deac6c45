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
        var command = new Command("bands",
            "Benchmark guidance bands (all four kinds, recovery included) for every aircraft in conflict in a snapshot " +
            "kept at one aircraft per 500 km²: aircraft in conflict, total time, time per aircraft.")
        {
            n, seed, tracks,
        };
        command.SetAction(int (parse) => Run(parse.GetValue(n), parse.GetValue(seed), parse.GetValue(tracks)));
        return command;
    }

    internal static int Run(int count, int seed, string? tracksPath)
    {
        if (tracksPath is null && count is < 2 or > 5_000_000)
        {
            throw new InputException($"option '--n': {count} must be between 2 and 5000000");
        }
        var snapshot = tracksPath is null ? TrafficGenerator.Generate(count, seed) : DetectCommand.ReadTracks(tracksPath);
        var calculator = new GuidanceBandsCalculator();
        int[] ownships = [];
        OwnshipBands[] results = [];
        double detectMs = 0, bandsMs = 0;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var watch = Stopwatch.StartNew();
                ownships = calculator.AircraftInConflict(snapshot);
                detectMs = watch.Elapsed.TotalMilliseconds;
                var task = ctx.AddTask($"bands for {ownships.Length.ToString("N0", CultureInfo.InvariantCulture)} aircraft in conflict", maxValue: Math.Max(1, ownships.Length));
                watch.Restart();
                results = calculator.Compute(snapshot, ownships, progress: new Progress<int>(done => task.Value = done));
                bandsMs = watch.Elapsed.TotalMilliseconds;
                task.Value = task.MaxValue;
            });
        var recovery = results.Count(r => BandKinds.All.Any(r.IsRecovery));
        var times = ownships.Length > 0 ? bandsMs / ownships.Length : 0;
        var table = new Table().AddColumns("aircraft", "in conflict", "with recovery bands", "conflict search ms", "bands s", "ms per aircraft (wall)", "ms per aircraft (one core)");
        table.AddRow(
            snapshot.Count.ToString("N0", CultureInfo.InvariantCulture),
            ownships.Length.ToString("N0", CultureInfo.InvariantCulture),
            recovery.ToString("N0", CultureInfo.InvariantCulture),
            detectMs.ToString("F0", CultureInfo.InvariantCulture),
            (bandsMs / 1000).ToString("F1", CultureInfo.InvariantCulture),
            times.ToString("F2", CultureInfo.InvariantCulture),
            (times * Environment.ProcessorCount).ToString("F2", CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[grey]{Environment.ProcessorCount} cores; CD3D 5 NM / 1000 ft / 300 s, 1°/5 kt/100 fpm/100 ft grids, kinematic, recovery on.[/]");
        return 0;
    }
}
