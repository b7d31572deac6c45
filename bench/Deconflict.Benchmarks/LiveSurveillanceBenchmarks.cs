using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Deconflict.Core.Surveillance;
using Deconflict.Core.Tactical;

namespace Deconflict.Benchmarks;

/// <summary>
/// The live store's hot paths: ingesting reports (one at a time), filling a detection snapshot with
/// extrapolation, and parsing + merging SBS-1 lines. Run with
/// <c>dotnet run -c Release --project bench/Deconflict.Benchmarks -- --filter '*LiveSurveillance*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class LiveSurveillanceBenchmarks
{
    private const int Reports = 100_000;
    private PositionReport[] _reports = null!;
    private LiveTrackStore _store = null!;
    private LiveSnapshot _snapshot = null!;
    private byte[] _sbs = null!;
    private List<PositionReport> _merged = null!;
    private double _t;

    [Params(10_000, 100_000)]
    public int Tracks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var traffic = TrafficGenerator.Generate(Tracks, seed: 1);
        _reports = new PositionReport[Reports];
        for (var k = 0; k < Reports; k++)
        {
            var i = k % traffic.Count;
            _reports[k] = new PositionReport(traffic.Ids[i], 1_767_225_600 + (k / traffic.Count), traffic.LatDeg[i], traffic.LonDeg[i],
                traffic.AltFt[i], traffic.GsKt[i], traffic.TrkDeg[i], traffic.VsFpm[i]);
        }
        _store = new LiveTrackStore(1e9, Tracks);
        foreach (var r in _reports)
        {
            _store.Upsert(r);
        }
        _snapshot = new LiveSnapshot();
        _store.FillSnapshot(_snapshot, 1_767_225_700);
        var sb = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        foreach (var r in _reports.AsSpan(0, 20_000))
        {
            var hex = r.Id.Length <= 6 ? r.Id.ToUpperInvariant().PadLeft(6, '0') : r.Id[..6].ToUpperInvariant();
            sb.Append(ci, $"MSG,3,1,1,{hex},1,2026/01/01,00:00:00.000,2026/01/01,00:00:00.000,,{r.AltFt:0},,,{r.LatDeg:F6},{r.LonDeg:F6},,,0,0,0,0\r\n");
            sb.Append(ci, $"MSG,4,1,1,{hex},1,2026/01/01,00:00:00.000,2026/01/01,00:00:00.000,,,{r.GsKt:0},{r.TrkDeg:0},,,{r.VsFpm:0},,0,0,0,0\r\n");
        }
        _sbs = Encoding.ASCII.GetBytes(sb.ToString());
        _merged = new List<PositionReport>(50_000);
    }

    /// <summary>100,000 reports into a store already holding every track (the steady state): no allocation.</summary>
    [Benchmark(OperationsPerInvoke = Reports)]
    public void Ingest()
    {
        _t += 100;
        foreach (ref readonly var r in _reports.AsSpan())
        {
            _store.Upsert(r with { TimeS = r.TimeS + _t });
        }
    }

    [Benchmark]
    public int FillSnapshot()
    {
        _t += 1;
        _store.FillSnapshot(_snapshot, 1_767_225_700 + _t);
        return _snapshot.Count;
    }

    /// <summary>40,000 SBS-1 lines (MSG,3 + MSG,4) parsed and merged.</summary>
    [Benchmark(OperationsPerInvoke = 40_000)]
    public int ParseAndMergeSbs()
    {
        var feed = new SbsFeed();
        _merged.Clear();
        feed.Push(_sbs, _merged);
        return _merged.Count;
    }
}
