using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Deconflict.Core.Surveillance;
using Deconflict.Core.Tactical;

namespace Deconflict.Cli.Commands;

/// <summary>
/// <c>deconflict bench ingest</c>: reports per second into the live track store (single reports and
/// batches), SBS-1 lines per second through parser and merger, and the time of one full detection
/// cycle (evict, snapshot with extrapolation, detect, alert) over a large live picture.
/// </summary>
internal static class BenchIngestCommand
{
    public static Command Create()
    {
        var tracks = new Option<int>("--tracks") { Description = "Live tracks", DefaultValueFactory = _ => 100_000 };
        var reports = new Option<int>("--reports") { Description = "Reports to ingest per run", DefaultValueFactory = _ => 2_000_000 };
        var cycles = new Option<int>("--cycles") { Description = "Detection cycles to time", DefaultValueFactory = _ => 10 };
        var command = new Command("ingest", "Benchmark live ingestion (store, SBS-1) and one detection cycle over many live tracks.") { tracks, reports, cycles };
        command.SetAction(parse =>
        {
            var n = parse.GetValue(tracks);
            var m = parse.GetValue(reports);
            var c = parse.GetValue(cycles);
            if (n < 2 || m < 1 || c < 1)
            {
                throw new InputException("--tracks must be at least 2, --reports and --cycles at least 1");
            }
            Run(n, m, c, Console.Out);
            return 0;
        });
        return command;
    }

    internal static void Run(int trackCount, int reportCount, int cycleCount, TextWriter output)
    {
        var ci = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(ci, $"machine: {Environment.ProcessorCount} cores, {RuntimeInfo()}"));
        var batch = Traffic(trackCount, reportCount, seed: 1);

        // Ingestion, one report at a time (the SBS and REST paths), best of three.
        var best = double.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var store = new LiveTrackStore(60, trackCount);
            var w = Stopwatch.StartNew();
            foreach (ref readonly var r in batch.AsSpan())
            {
                store.Upsert(r);
            }
            best = Math.Min(best, w.Elapsed.TotalSeconds);
        }
        output.WriteLine(string.Create(ci, $"ingest (one by one):  {reportCount / best,14:N0} reports/s  ({reportCount:N0} reports over {trackCount:N0} aircraft)"));
        best = double.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var store = new LiveTrackStore(60, trackCount);
            var w = Stopwatch.StartNew();
            for (var i = 0; i < batch.Length; i += 1000)
            {
                store.UpsertAll(batch.AsSpan(i, Math.Min(1000, batch.Length - i)));
            }
            best = Math.Min(best, w.Elapsed.TotalSeconds);
        }
        output.WriteLine(string.Create(ci, $"ingest (batches of 1000): {reportCount / best,10:N0} reports/s"));

        // SBS-1: parse + merge of MSG,3/MSG,4 lines.
        var sbs = SbsLines(batch.AsSpan(0, Math.Min(batch.Length, 500_000)));
        var lines = 0;
        foreach (var b in sbs)
        {
            lines += b == (byte)'\n' ? 1 : 0;
        }
        best = double.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var feed = new SbsFeed();
            var store = new LiveTrackStore(1e9, trackCount);
            var output2 = new List<PositionReport>(8192);
            var w = Stopwatch.StartNew();
            for (var i = 0; i < sbs.Length; i += 65536)
            {
                output2.Clear();
                feed.Push(sbs.AsSpan(i, Math.Min(65536, sbs.Length - i)), output2);
                store.UpsertAll(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(output2));
            }
            best = Math.Min(best, w.Elapsed.TotalSeconds);
        }
        output.WriteLine(string.Create(ci, $"sbs-1 parse+merge+ingest: {lines / best,10:N0} lines/s"));

        // One detection cycle over the live picture: the tactical benchmark's traffic (busy en-route density).
        var traffic = TrafficGenerator.Generate(trackCount, seed: 1);
        var live = new LiveTrackStore(60, trackCount);
        var t0 = batch[0].TimeS;
        for (var i = 0; i < traffic.Count; i++)
        {
            live.Upsert(new PositionReport(traffic.Ids[i], t0, traffic.LatDeg[i], traffic.LonDeg[i], traffic.AltFt[i], traffic.GsKt[i], traffic.TrkDeg[i], traffic.VsFpm[i]));
        }
        var alerting = new LiveAlerting(live, SeparationMinima.Default);
        var changes = new List<AlertChange>();
        var cycles = new List<double>();
        var fills = new List<double>();
        var probe = new LiveSnapshot();
        for (var k = 0; k <= cycleCount; k++)
        {
            changes.Clear();
            var fill = Stopwatch.StartNew();
            live.FillSnapshot(probe, t0 + 1 + k);
            fill.Stop();
            var w = Stopwatch.StartNew();
            alerting.RunCycle(t0 + 1 + k, changes);
            w.Stop();
            if (k > 0)
            {
                cycles.Add(w.Elapsed.TotalMilliseconds);
                fills.Add(fill.Elapsed.TotalMilliseconds);
            }
        }
        cycles.Sort();
        fills.Sort();
        output.WriteLine(string.Create(ci,
            $"detection cycle over {alerting.Snapshot.Count:N0} live tracks (evict, snapshot, detect, alert): median {cycles[cycles.Count / 2]:F1} ms, best {cycles[0]:F1} ms, max {cycles[^1]:F1} ms"));
        output.WriteLine(string.Create(ci,
            $"  of which snapshot fill with extrapolation: median {fills[fills.Count / 2]:F1} ms; {alerting.Conflicts.Count:N0} conflicts, {alerting.Tracker.Active.Count:N0} alerts"));
    }

    /// <summary>
    /// A dense en-route picture: aircraft spread uniformly over a 20° × 20° box at FL0–FL450 with
    /// airliner speeds; reports cycle over the aircraft, one second apart per round.
    /// </summary>
    internal static PositionReport[] Traffic(int aircraft, int reports, int seed)
    {
        var random = new Random(seed);
        var ids = new string[aircraft];
        var state = new (double Lat, double Lon, double Alt, double Gs, double Trk, double Vs)[aircraft];
        for (var i = 0; i < aircraft; i++)
        {
            ids[i] = i.ToString("x6", CultureInfo.InvariantCulture);
            state[i] = (40 + (random.NextDouble() * 20), -5 + (random.NextDouble() * 20), random.Next(0, 451) * 100, 150 + (random.NextDouble() * 350),
                random.NextDouble() * 360, random.Next(-20, 21) * 100);
        }
        var result = new PositionReport[reports];
        const double t0 = 1_767_225_600;
        for (var k = 0; k < reports; k++)
        {
            var i = k % aircraft;
            var round = k / aircraft;
            var s = state[i];
            var lat = s.Lat;
            var lon = s.Lon;
            LiveTrackStore.Extrapolate(ref lat, ref lon, s.Gs, s.Trk, round);
            result[k] = new PositionReport(ids[i], t0 + round, lat, lon, s.Alt, s.Gs, s.Trk, s.Vs);
        }
        return result;
    }

    private static byte[] SbsLines(ReadOnlySpan<PositionReport> reports)
    {
        var sb = new StringBuilder(reports.Length * 220);
        var ci = CultureInfo.InvariantCulture;
        foreach (var r in reports)
        {
            var t = DateTimeOffset.FromUnixTimeMilliseconds((long)(r.TimeS * 1000));
            var hex = r.Id.ToUpperInvariant();
            var d = t.ToString("yyyy/MM/dd", ci);
            var c = t.ToString("HH:mm:ss.fff", ci);
            sb.Append(ci, $"MSG,3,1,1,{hex},1,{d},{c},{d},{c},,{r.AltFt:0},,,{r.LatDeg:F6},{r.LonDeg:F6},,,0,0,0,0\r\n");
            sb.Append(ci, $"MSG,4,1,1,{hex},1,{d},{c},{d},{c},,,{r.GsKt:0},{r.TrkDeg:0},,,{r.VsFpm:0},,0,0,0,0\r\n");
        }
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    private static string RuntimeInfo() => $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}";
}
