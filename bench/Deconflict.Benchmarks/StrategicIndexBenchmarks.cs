using BenchmarkDotNet.Attributes;
using Deconflict.Core.Strategic;

namespace Deconflict.Benchmarks;

/// <summary>
/// Strategic checking against an index of synthetic intents (Middle East, one week): one new intent at a time,
/// an upsert, and all pairs of a one-day theatre. Run with
/// <c>dotnet run -c Release --project bench/Deconflict.Benchmarks -- --filter '*StrategicIndex*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class StrategicIndexBenchmarks
{
    private StrategicIndex _index = null!;
    private StrategicIndex _dayIndex = null!;
    private OperationalIntent[] _candidates = null!;
    private int _next;

    [Params(1_000_000)]
    public int Intents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var generator = new IntentGenerator(1, IntentTheatre.MiddleEast);
        _index = new StrategicIndex();
        for (var i = 1; i <= Intents; i++)
        {
            _index.Upsert(generator.Next(i));
        }
        var candidates = new IntentGenerator(2, IntentTheatre.MiddleEast);
        _candidates = [.. Enumerable.Range(1, 1024).Select(i => candidates.Next(i) with { Id = $"new-{i}", State = IntentState.Accepted })];

        var day = new IntentGenerator(3, IntentTheatre.MiddleEast with { Span = TimeSpan.FromDays(1) });
        _dayIndex = new StrategicIndex();
        for (var i = 1; i <= Intents / 10; i++)
        {
            _dayIndex.Upsert(day.Next(i));
        }
    }

    /// <summary>Checks the next of 1,024 new intents against the whole index.</summary>
    [Benchmark]
    public int CheckOneIntent() => _index.FindConflicts(_candidates[_next++ & 1023]).Count;

    /// <summary>Replaces one intent (remove and insert in every cell it covers).</summary>
    [Benchmark]
    public int UpsertOneIntent()
    {
        var candidate = _candidates[_next++ & 1023];
        _index.Upsert(candidate);
        _index.Remove(candidate.Party, candidate.Id);
        return _index.Count;
    }

    /// <summary>All conflicting pairs among a tenth as many intents over one day, on every core.</summary>
    [Benchmark]
    public int AllPairsOfATenth() => _dayIndex.FindAllConflicts().Count;
}
