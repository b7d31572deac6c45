using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Deconflict.Core.Tactical;
using Deconflict.Core.Tactical.Bands;
using Spectre.Console;

namespace Deconflict.Cli.Commands;

/// <summary><c>deconflict bands</c>: tactical guidance bands (DAIDALUS kinematic bands) for aircraft in conflict.</summary>
internal static class BandsCommand
{
    public static Command Create()
    {
        var tracks = new Option<string>("--tracks") { Description = "Traffic snapshot (CSV: id,lat_deg,lon_deg,alt_ft,gs_kt,trk_deg,vs_fpm).", Required = true };
        var ownship = new Option<string[]>("--ownship")
        {
            Description = "Ownship id (repeatable, or comma-separated); absent: every aircraft in a predicted conflict.",
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<string>("--out") { Description = "Bands CSV to write; '-' or absent: standard output.", DefaultValueFactory = _ => "-" };
        var maxOwnships = new Option<int>("--max-ownships")
        {
            Description = "Without --ownship: at most this many ownships, every k-th of the id-sorted aircraft in conflict (0: all).",
            DefaultValueFactory = _ => 150,
        };
        var stats = new Option<bool>("--stats") { Description = "Print {\"tracks\",\"ownships\",\"bands_ms\",\"ms_per_ownship\"} as one JSON line on standard error." };

        var command = new Command("bands",
            "Tactical guidance bands as NASA DAIDALUS computes them (CD3D 5 NM / 1000 ft / 300 s, kinematic manoeuvres: " +
            "3 deg/s turns, 2 m/s^2, 0.25 g, 500 fpm): for each ownship the ranges of altitude, ground speed, track and " +
            "vertical speed that are conflict-free (NONE), lead to a loss of separation (NEAR), or, when no value is " +
            "conflict-free, recover soonest (RECOVERY). Writes ownship,kind,lower,upper,region.")
        {
            tracks, ownship, output, maxOwnships, stats,
        };
        command.SetAction(int (parse) => Run(
            parse.GetValue(tracks)!,
            parse.GetValue(ownship) ?? [],
            parse.GetValue(output) ?? "-",
            parse.GetValue(maxOwnships),
            parse.GetValue(stats)));
        return command;
    }

    internal static int Run(string tracksPath, IReadOnlyList<string> ownshipIds, string outPath, int maxOwnships, bool stats,
        TextWriter? stdout = null, TextWriter? stderr = null)
    {
        if (maxOwnships < 0)
        {
            throw new InputException($"option '--max-ownships': {maxOwnships} must be zero or more");
        }
        var snapshot = DetectCommand.ReadTracks(tracksPath);
        var calculator = new GuidanceBandsCalculator();
        var watch = Stopwatch.StartNew();
        var ownships = SelectOwnships(snapshot, calculator, ownshipIds, maxOwnships);
        var results = ComputeWithProgress(calculator, snapshot, ownships, outPath != "-" && stderr is null);
        var ms = watch.Elapsed.TotalMilliseconds;

        if (outPath == "-")
        {
            var writer = stdout ?? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
            BandsCsv.Write(writer, snapshot, results);
            writer.Flush();
        }
        else
        {
            try
            {
                using var writer = new StreamWriter(outPath, false, new UTF8Encoding(false), 1 << 16);
                BandsCsv.Write(writer, snapshot, results);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException($"{outPath}: cannot write: {e.Message}");
            }
        }
        if (stats)
        {
            (stderr ?? Console.Error).WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{{\"tracks\":{snapshot.Count},\"ownships\":{ownships.Length},\"bands_ms\":{ms:F1},\"ms_per_ownship\":{(ownships.Length > 0 ? ms / ownships.Length : 0):F3}}}"));
        }
        return 0;
    }

    private static int[] SelectOwnships(TrafficSnapshot snapshot, GuidanceBandsCalculator calculator, IReadOnlyList<string> ids, int max)
    {
        if (ids.Count == 0)
        {
            return GuidanceBandsCalculator.SortAndSample(snapshot, calculator.AircraftInConflict(snapshot), max);
        }
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < snapshot.Count; i++)
        {
            index[snapshot.Ids[i]] = i;
        }
        var chosen = new SortedSet<int>();
        foreach (var id in ids.SelectMany(s => s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (!index.TryGetValue(id, out var i))
            {
                throw new InputException($"option '--ownship': '{id}' is not an aircraft of the tracks file");
            }
            chosen.Add(i);
        }
        return GuidanceBandsCalculator.SortAndSample(snapshot, chosen, 0);
    }

    private static OwnshipBands[] ComputeWithProgress(GuidanceBandsCalculator calculator, TrafficSnapshot snapshot, int[] ownships, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (!interactive || !console.Profile.Capabilities.Interactive || ownships.Length < 2)
        {
            return calculator.Compute(snapshot, ownships);
        }
        OwnshipBands[] results = [];
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"bands for {ownships.Length} ownships", maxValue: ownships.Length);
                results = calculator.Compute(snapshot, ownships, progress: new Progress<int>(done => task.Value = done));
                task.Value = ownships.Length;
            });
        return results;
    }
}
