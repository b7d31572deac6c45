using BenchmarkDotNet.Attributes;
using Deconflict.Core.Tactical;

namespace Deconflict.Benchmarks;

/// <summary>
/// One full tactical detection pass (5 NM / 1000 ft / 300 s) over synthetic traffic at one aircraft per
/// 500 km². Once the detector's buffers and the result list have grown, a pass allocates nothing.
/// Run: dotnet run -c Release --project bench/Deconflict.Benchmarks -- --filter '*TacticalDetector*' --job short
/// </summary>
[MemoryDiagnoser]
public class TacticalDetectorBenchmarks
{
    private TrafficSnapshot _snapshot = null!;
    private TacticalDetector _detector = null!;
    private readonly List<TacticalConflict> _results = new(1 << 16);

    [Params(10_000, 100_000)]
    public int Aircraft { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _snapshot = TrafficGenerator.Generate(Aircraft, 1);
        _detector = new TacticalDetector();
        _detector.Detect(_snapshot, SeparationMinima.Default, _results);
    }

    [Benchmark]
    public int DetectPass()
    {
        _detector.Detect(_snapshot, SeparationMinima.Default, _results);
        return _results.Count;
    }
}
