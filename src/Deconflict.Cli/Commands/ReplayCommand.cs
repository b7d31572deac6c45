using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Deconflict.Cli.Replay;
using Deconflict.Core.Asterix;
using Deconflict.Core.Surveillance;
using Deconflict.Core.Tactical;

namespace Deconflict.Cli.Commands;

/// <summary>
/// <c>deconflict replay (--reports FILE.csv | --sbs FILE.sbs | --asterix FILE) [--speed X] [--out alerts.csv] [--report report.html]</c>:
/// runs a recording through the live pipeline (store → snapshot → detector → alert tracker) in
/// recording time and writes the alert episodes.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var reports = new Option<string?>("--reports") { Description = "Reports CSV (t_s,id,lat_deg,lon_deg,alt_ft,gs_kt,trk_deg,vs_fpm); .gz is decompressed", HelpName = "FILE.csv" };
        var sbs = new Option<string?>("--sbs") { Description = "SBS-1 (BaseStation port 30003) recording; .gz is decompressed", HelpName = "FILE.sbs" };
        var asterix = new Option<string?>("--asterix") { Description = "ASTERIX CAT021/CAT048/CAT062 recording: pcap, pcapng or raw data blocks", HelpName = "FILE" };
        var radars = new Option<string[]>("--radar") { Description = "CAT048: radar SAC/SIC=LAT,LON[,HEIGHT_FT] (repeatable)", HelpName = "SAC/SIC=LAT,LON[,H]", AllowMultipleArgumentsPerToken = false };
        var date = new Option<string?>("--date") { Description = "UTC date of a raw ASTERIX file's first report (captures carry their own), yyyy-MM-dd", HelpName = "DATE" };
        var noLevel = new Option<bool>("--no-level-filter") { Description = "Alert level aircraft on levels the vertical minimum apart too (the flight-level rule is on by default)" };
        var levelStep = new Option<double>("--level-step-ft") { Description = "Flight levels are multiples of this", DefaultValueFactory = _ => FlightLevelRule.Default.LevelStepFt };
        var levelTolerance = new Option<double>("--level-tolerance-ft") { Description = "An aircraft within this of a level is on it", DefaultValueFactory = _ => FlightLevelRule.Default.ToleranceFt };
        var levelRate = new Option<double>("--level-rate-fpm") { Description = "An aircraft with a vertical rate at most this is level", DefaultValueFactory = _ => FlightLevelRule.Default.LevelRateFpm };
        var speed = new Option<double>("--speed") { Description = "Times real time; 0 = as fast as possible", DefaultValueFactory = _ => 0 };
        var output = new Option<string?>("--out") { Description = "Write the alert episodes here as CSV (default: standard output)", HelpName = "alerts.csv" };
        var report = new Option<string?>("--report") { Description = "Write a self-contained HTML report (map and timeline) here", HelpName = "report.html" };
        var hNm = new Option<double>("--h-nm") { Description = "Horizontal separation, NM", DefaultValueFactory = _ => 5 };
        var vFt = new Option<double>("--v-ft") { Description = "Vertical separation, ft", DefaultValueFactory = _ => 1000 };
        var lookahead = new Option<double>("--lookahead-s") { Description = "Look-ahead, s", DefaultValueFactory = _ => 300 };
        var cycle = new Option<double>("--cycle-s") { Description = "Detection cycle, s of recording time", DefaultValueFactory = _ => 1 };
        var caution = new Option<double>("--caution-s") { Description = "Caution when loss of separation is predicted within this many s", DefaultValueFactory = _ => 300 };
        var warning = new Option<double>("--warning-s") { Description = "Warning when loss of separation is predicted within this many s", DefaultValueFactory = _ => 60 };
        var hold = new Option<int>("--hold-cycles") { Description = "Cycles a weaker condition must hold before an alert is lowered or cleared", DefaultValueFactory = _ => 3 };
        var stale = new Option<double>("--stale-s") { Description = "A track without a report for this long leaves the picture", DefaultValueFactory = _ => 60 };
        var gates = new TrackAssociationOptions();
        var noAssociation = new Option<bool>("--no-association") { Description = "ASTERIX: leave targets without an address tracks of their own (association by position and time is on by default)" };
        var gateNm = new Option<double>("--gate-nm") { Description = "Association: horizontal gate at age 0, NM", DefaultValueFactory = _ => gates.GateNm };
        var gateGrowthKt = new Option<double>("--gate-growth-kt") { Description = "Association: horizontal gate growth with the candidate's age (the speed error allowed for), kt", DefaultValueFactory = _ => gates.GateGrowthKt };
        var gateFt = new Option<double>("--gate-ft") { Description = "Association: vertical gate at age 0, ft", DefaultValueFactory = _ => gates.GateFt };
        var gateGrowthFpm = new Option<double>("--gate-growth-fpm") { Description = "Association: vertical gate growth with the candidate's age, ft/min", DefaultValueFactory = _ => gates.GateGrowthFpm };
        var gateVelocityKt = new Option<double>("--gate-velocity-kt") { Description = "Association: largest velocity difference for a new association, kt", DefaultValueFactory = _ => gates.VelocityGateKt };
        var gateAge = new Option<double>("--gate-max-age-s") { Description = "Association: a track older than this is no candidate for a new association, s", DefaultValueFactory = _ => gates.MaxAgeS };
        var gateHold = new Option<double>("--gate-hold") { Description = "Association: an established association holds within this many times the gates", DefaultValueFactory = _ => gates.HoldFactor };
        var gateAmbiguity = new Option<double>("--gate-ambiguity") { Description = "Association: candidates closer than this in normalised distance are ambiguous", DefaultValueFactory = _ => gates.AmbiguityMargin };
        var command = new Command("replay", "Replay a surveillance recording through the live pipeline and write its alert episodes.")
        {
            reports, sbs, asterix, radars, date, noLevel, levelStep, levelTolerance, levelRate, speed, output, report, hNm, vFt, lookahead, cycle, caution, warning, hold, stale,
            noAssociation, gateNm, gateGrowthKt, gateFt, gateGrowthFpm, gateVelocityKt, gateAge, gateHold, gateAmbiguity,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var options = new ReplayOptions(
                parse.GetValue(reports), parse.GetValue(sbs), parse.GetValue(speed), parse.GetValue(output), parse.GetValue(report),
                new SeparationMinima(parse.GetValue(hNm), parse.GetValue(vFt), parse.GetValue(lookahead)), parse.GetValue(cycle),
                new AlertOptions { CautionS = parse.GetValue(caution), WarningS = parse.GetValue(warning), HoldCycles = parse.GetValue(hold) },
                parse.GetValue(stale))
            {
                Asterix = parse.GetValue(asterix),
                Radars = parse.GetValue(radars) ?? [],
                Date = parse.GetValue(date),
                LevelRule = parse.GetValue(noLevel) ? null
                    : new FlightLevelRule(parse.GetValue(levelStep), parse.GetValue(levelTolerance), parse.GetValue(levelRate)),
                Association = parse.GetValue(noAssociation) ? null : new TrackAssociationOptions
                {
                    GateNm = parse.GetValue(gateNm),
                    GateGrowthKt = parse.GetValue(gateGrowthKt),
                    GateFt = parse.GetValue(gateFt),
                    GateGrowthFpm = parse.GetValue(gateGrowthFpm),
                    VelocityGateKt = parse.GetValue(gateVelocityKt),
                    MaxAgeS = parse.GetValue(gateAge),
                    HoldFactor = parse.GetValue(gateHold),
                    AmbiguityMargin = parse.GetValue(gateAmbiguity),
                },
            };
            return await RunAsync(options, Console.Out, Console.Error, cancellation).ConfigureAwait(false);
        });
        return command;
    }

    internal sealed record ReplayOptions(
        string? Reports, string? Sbs, double Speed, string? Out, string? Report, SeparationMinima Minima, double CycleS, AlertOptions Alerts, double StaleS)
    {
        public string? Asterix { get; init; }

        public IReadOnlyList<string> Radars { get; init; } = [];

        public string? Date { get; init; }

        public FlightLevelRule? LevelRule { get; init; } = FlightLevelRule.Default;

        /// <summary>Association of ASTERIX targets without an address by position and time; null leaves them tracks of their own.</summary>
        public TrackAssociationOptions? Association { get; init; } = new();
    }

    internal static async Task<int> RunAsync(ReplayOptions o, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        if ((o.Reports is null ? 0 : 1) + (o.Sbs is null ? 0 : 1) + (o.Asterix is null ? 0 : 1) != 1)
        {
            throw new InputException("give exactly one of --reports FILE.csv, --sbs FILE.sbs or --asterix FILE");
        }
        if (o.Association?.FindProblem() is { } gate)
        {
            throw new InputException($"option '{GateOption(gate.Field)}': {gate.Problem}");
        }
        Check(o.StaleS > 0 && double.IsFinite(o.StaleS), "--stale-s", "must be positive");
        var store = new LiveTrackStore(o.StaleS);
        var associator = o.Asterix is null || o.Association is null ? null : new TrackAssociator(store, null, o.Association);
        var asterixFeed = o.Asterix is null ? null : AsterixOptions.Feed(o.Radars, o.Date, associator);
        Check(o.Minima.IsValid, "--h-nm/--v-ft/--lookahead-s", "separation minima must be finite and positive");
        Check(o.CycleS > 0 && double.IsFinite(o.CycleS), "--cycle-s", "must be positive");
        Check(o.Speed >= 0 && double.IsFinite(o.Speed), "--speed", "must be 0 or positive");
        try
        {
            o.Alerts.Validate();
        }
        catch (ArgumentException e)
        {
            throw new InputException("--caution-s/--warning-s/--hold-cycles: " + e.Message);
        }
        Check(o.LevelRule?.IsValid ?? true, "--level-step-ft/--level-tolerance-ft/--level-rate-fpm", "step must be positive, tolerance from 0 to half the step, rate 0 or more");
        var path = o.Reports ?? o.Sbs ?? o.Asterix!;
        var alerting = new LiveAlerting(store, o.Minima, o.Alerts) { LevelRule = o.LevelRule, CycleStarting = associator is null ? null : t => associator.Reconcile(t) };
        var sampler = o.Report is null ? null : new TrackSampler();
        var aircraft = new HashSet<string>(StringComparer.Ordinal);
        var replay = new RecordingReplay(alerting, o.CycleS, o.Speed)
        {
            ReportIngested = r =>
            {
                aircraft.Add(r.Id);
                sampler?.Add(r);
            },
        };
        var watch = Stopwatch.StartNew();
        SbsFeed? feed = null;
        try
        {
            // The reader checks the header as it opens, so a bad header is reported like a bad line.
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            Stream input = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
            using var reader = o.Reports is not null ? new PositionReportCsvReader(new StreamReader(input, bufferSize: 1 << 16)) : null;
            feed = o.Sbs is not null ? new SbsFeed() : null;
            var source = reader?.ReadReports()
                ?? (asterixFeed is not null ? asterixFeed.ReadReports(new CaptureFile(ReadAll(input))) : feed!.ReadReports(input));
            await ReplayProgress.RunAsync(replay, source, file, Path.GetFileName(path), stderr, cancellation).ConfigureAwait(false);
        }
        catch (ReportFormatException e)
        {
            throw InputException.At(path, e.Line, e.Field, e.Message);
        }
        watch.Stop();
        if (o.Out is not null)
        {
            await using var w = new StreamWriter(o.Out);
            AlertCsvWriter.Write(w, replay.Episodes);
        }
        else
        {
            AlertCsvWriter.Write(stdout, replay.Episodes);
        }
        if (o.Report is not null)
        {
            var summary = new ReplaySummary(Path.GetFileName(path), replay.StartS, replay.EndS, replay.Reports, aircraft.Count, o.Minima, o.CycleS, o.Alerts, feed?.Stats.ToString());
            await using var w = new StreamWriter(o.Report);
            ReplayHtmlReport.Write(w, summary, replay.Episodes, sampler!.Tracks);
        }
        var summaryOut = o.Out is null ? stderr : stdout;
        var rate = replay.Reports / Math.Max(watch.Elapsed.TotalSeconds, 1e-9);
        summaryOut.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"replayed {replay.Reports:N0} reports of {aircraft.Count:N0} aircraft ({(replay.EndS - replay.StartS) / 3600:F2} h of recording, {replay.Cycles:N0} cycles) in {watch.Elapsed.TotalSeconds:F2} s: {rate:N0} reports/s"));
        summaryOut.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{replay.Episodes.Count} alert episodes ({replay.Episodes.Count(e => e.MaxLevel == AlertLevel.Warning)} reached warning)"));
        if (feed is not null)
        {
            summaryOut.WriteLine("sbs: " + feed.Stats);
        }
        if (asterixFeed is not null)
        {
            summaryOut.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"asterix: {asterixFeed.Stats}; {asterixFeed.Reports} reports, {asterixFeed.Dropped} targets dropped"));
            if (associator is not null)
            {
                summaryOut.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"association: {associator.Associated} reports joined another source's track, {associator.Merged} tracks merged, {associator.Ambiguous} ambiguous reports kept apart, {associator.Dissolved} associations ended"));
            }
        }
        return 0;
    }

    private static string GateOption(string field) => field switch
    {
        nameof(TrackAssociationOptions.GateNm) => "--gate-nm",
        nameof(TrackAssociationOptions.GateGrowthKt) => "--gate-growth-kt",
        nameof(TrackAssociationOptions.GateFt) => "--gate-ft",
        nameof(TrackAssociationOptions.GateGrowthFpm) => "--gate-growth-fpm",
        nameof(TrackAssociationOptions.VelocityGateKt) => "--gate-velocity-kt",
        nameof(TrackAssociationOptions.MaxAgeS) => "--gate-max-age-s",
        nameof(TrackAssociationOptions.HoldFactor) => "--gate-hold",
        _ => "--gate-ambiguity",
    };

    private static byte[] ReadAll(Stream input)
    {
        using var memory = new MemoryStream();
        input.CopyTo(memory);
        return memory.ToArray();
    }

    private static void Check(bool ok, string option, string problem)
    {
        if (!ok)
        {
            throw new InputException($"{option}: {problem}");
        }
    }
}
