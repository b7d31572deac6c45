using BenchmarkDotNet.Attributes;
using Deconflict.Core.Tactical;
using Deconflict.Core.Tactical.Bands;

namespace Deconflict.Benchmarks;

/// <summary>
/// Guidance bands (all four kinds, recovery included) for one ownship in conflict of a 10 000-aircraft snapshot at
/// one aircraft per 500 km²: <c>Plain</c> is the first ownship (by row) whose kinds all have conflict-free values,
/// <c>Recovery</c> the first with recovery bands in three kinds or more, the costly case. The neighbourhood
/// index is built once, as <c>GuidanceBandsCalculator.Compute</c> does for a batch.
/// Run: dotnet run -c Release --project bench/Deconflict.Benchmarks -- --filter '*GuidanceBands*' --job short
/// </summary>
[MemoryDiagnoser]
public class GuidanceBandsBenchmarks
{
    private readonly List<int> _scratch = [];
    private TrafficSnapshot _snapshot = null!;
    private GuidanceBandsCalculator _calculator = null!;
    private TrafficNeighbourhood _neighbourhood = null!;
    private int _ownship;

    [Params("Plain", "Recovery")]
    public string Ownship { get; set; } = "Plain";

    [GlobalSetup]
    public void Setup()
    {
        _snapshot = TrafficGenerator.Generate(10_000, 1);
        _calculator = new GuidanceBandsCalculator();
        _neighbourhood = _calculator.NeighbourhoodOf(_snapshot);
        var recovery = Ownship == "Recovery";
        _ownship = _calculator.AircraftInConflict(_snapshot).First(i =>
        {
            var bands = _calculator.ComputeOne(_snapshot, i, _neighbourhood, _scratch);
            var saturated = BandKinds.All.Count(bands.IsRecovery);
            return recovery ? saturated >= 3 : saturated == 0;
        });
    }

    [Benchmark]
    public int OneOwnship() => _calculator.ComputeOne(_snapshot, _ownship, _neighbourhood, _scratch).Bands.Count;
}
