using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Deconflict.Core.Tactical;

namespace Deconflict.Cli.Commands;

/// <summary><c>deconflict detect</c>: predicted losses of separation in a traffic snapshot file.</summary>
internal static class DetectCommand
{
    public static Command Create()
    {
        var tracks = new Option<string>("--tracks") { Description = "Traffic snapshot (CSV: id,lat_deg,lon_deg,alt_ft,gs_kt,trk_deg,vs_fpm).", Required = true };
        var hNm = new Option<double>("--h-nm") { Description = "Horizontal separation D, nautical miles.", DefaultValueFactory = _ => 5.0 };
        var vFt = new Option<double>("--v-ft") { Description = "Vertical separation H, feet.", DefaultValueFactory = _ => 1000.0 };
        var lookahead = new Option<double>("--lookahead-s") { Description = "Look-ahead T, seconds.", DefaultValueFactory = _ => 300.0 };
        var output = new Option<string>("--out") { Description = "Conflicts CSV to write; '-' or absent: standard output.", DefaultValueFactory = _ => "-" };
        var earth = new Option<string>("--earth")
        {
            Description = "Earth model for each pair's tangent plane: 'sphere' (DAIDALUS, 1 NM = 1 arc-minute) or 'wgs84' (radii of curvature at the pair's midpoint).",
            DefaultValueFactory = _ => "sphere",
        };
        earth.AcceptOnlyFromAmong("sphere", "wgs84");
        var alerting = new Option<string>("--alerting")
        {
            Description = "cylinder: the conflicts only; do365: add an alert_level column (0 none, 1 preventive, 2 corrective, 3 warning) " +
                "with DO-365B's well-clear levels, the aircraft first in the file as ownship.",
            DefaultValueFactory = _ => "cylinder",
        };
        alerting.AcceptOnlyFromAmong("cylinder", "do365");
        var stats = new Option<bool>("--stats") { Description = "Print {\"tracks\",\"candidate_pairs\",\"conflicts\",\"detect_ms\"} as one JSON line on standard error." };

        var repeat = new Option<int>("--repeat")
        {
            Description = "With --stats: detect N more times in the same process and add their median as warm_detect_ms (detect_ms is the first, cold pass).",
        };
        var command = new Command("detect",
            "Detect predicted losses of separation (horizontal < D and vertical < H at the same time within [0, T]) " +
            "for aircraft flying straight at constant velocity. Writes id1,id2,t_in_s,t_out_s,t_cpa_s,h_cpa_nm,v_cpa_ft.")
        {
            tracks, hNm, vFt, lookahead, output, earth, alerting, stats, repeat,
        };
        command.SetAction(int (parse) => Run(
            parse.GetValue(tracks)!,
            new SeparationMinima(parse.GetValue(hNm), parse.GetValue(vFt), parse.GetValue(lookahead)),
            parse.GetValue(output) ?? "-",
            parse.GetValue(stats),
            parse.GetValue(earth) == "wgs84" ? EarthModel.Wgs84Midpoint : EarthModel.DaidalusSphere,
            do365: parse.GetValue(alerting) == "do365",
            repeat: parse.GetValue(repeat)));
        return command;
    }

    internal static int Run(string tracksPath, SeparationMinima minima, string outPath, bool stats, EarthModel earth = EarthModel.DaidalusSphere,
        TextWriter? stdout = null, TextWriter? stderr = null, bool do365 = false, int repeat = 0)
    {
        if (repeat is < 0 or > 1000)
        {
            throw new InputException($"option '--repeat': {repeat} must be between 0 and 1000");
        }
        CheckPositive("--h-nm", minima.HorizontalNm);
        CheckPositive("--v-ft", minima.VerticalFt);
        if (!(minima.LookaheadS >= 0 && double.IsFinite(minima.LookaheadS)))
        {
            throw new InputException($"option '--lookahead-s': {minima.LookaheadS.ToString(CultureInfo.InvariantCulture)} must be zero or more");
        }

        var snapshot = ReadTracks(tracksPath);

        var detector = new TacticalDetector { EarthModel = earth };
        var conflicts = new ConflictBuffer();
        var watch = Stopwatch.StartNew();
        detector.Detect(snapshot, minima, conflicts);
        var ms = watch.Elapsed.TotalMilliseconds;
        var warm = new double[stats ? repeat : 0];
        var again = new ConflictBuffer();
        for (var k = 0; k < warm.Length; k++)
        {
            watch.Restart();
            detector.Detect(snapshot, minima, again);
            warm[k] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(warm);
        Func<int, int, int>? level = do365 ? (i, j) => Do365Alerting.Level(snapshot, i, j) : null;

        if (outPath == "-")
        {
            var writer = stdout ?? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
            ConflictCsv.Write(writer, snapshot, conflicts, level);
            writer.Flush();
        }
        else
        {
            try
            {
                using var writer = new StreamWriter(outPath, false, new UTF8Encoding(false), 1 << 16);
                ConflictCsv.Write(writer, snapshot, conflicts, level);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException($"{outPath}: cannot write: {e.Message}");
            }
        }

        if (stats)
        {
            (stderr ?? Console.Error).WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{{\"tracks\":{snapshot.Count},\"candidate_pairs\":{detector.LastCandidatePairs},\"conflicts\":{conflicts.Count},\"detect_ms\":{ms:F3}{(warm.Length > 0 ? $",\"warm_detect_ms\":{warm[warm.Length / 2]:F3}" : "")}}}"));
        }
        return 0;
    }

    /// <summary>Reads a traffic snapshot file; a malformed or unreadable file is the user's mistake (exit 2).</summary>
    internal static TrafficSnapshot ReadTracks(string tracksPath)
    {
        try
        {
            return TrafficCsv.Read(tracksPath);
        }
        catch (TrafficFormatException e)
        {
            throw new InputException(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{tracksPath}: cannot read: {e.Message}");
        }
    }

    private static void CheckPositive(string option, double value)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            throw new InputException($"option '{option}': {value.ToString(CultureInfo.InvariantCulture)} must be a positive number");
        }
    }
}
