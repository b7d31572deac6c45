using BenchmarkDotNet.Attributes;
using Deconflict.Core.Surveillance;
using Deconflict.Core.Tactical;

namespace Deconflict.Benchmarks;

/// <summary>
/// Associating radar plots without an address with a party's picture: each plot lies on one of the tracks (as a
/// plot of an aircraft that ADS-B also reports would), and the picture changes between plots as a live feed's does, so
/// a new association reads the party's tracks again for every plot. Run with
/// <c>dotnet run -c Release --project bench/Deconflict.Benchmarks -- --filter '*TrackAssociation*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class TrackAssociationBenchmarks
{
    private const int Plots = 1000;
    private LiveTrackStore _store = null!;
    private TrackAssociator _associator = null!;
    private PositionReport[] _plots = null!;
    private PositionReport[] _tracks = null!;
    private string[] _ownIds = null!;

    [Params(100, 1000)]
    public int Tracks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var traffic = TrafficGenerator.Generate(Tracks, seed: 2);
        _store = new LiveTrackStore(1e9, Tracks);
        _tracks = new PositionReport[Tracks];
        for (var i = 0; i < Tracks; i++)
        {
            _tracks[i] = new PositionReport(traffic.Ids[i], 1000, traffic.LatDeg[i], traffic.LonDeg[i], traffic.AltFt[i], traffic.GsKt[i], traffic.TrkDeg[i], 0);
            _store.Upsert(_tracks[i], "p");
        }
        _plots = new PositionReport[Plots];
        for (var k = 0; k < Plots; k++)
        {
            var t = _tracks[k % Tracks];
            _plots[k] = t with { Id = "", TimeS = 1000, VsFpm = double.NaN };
        }
        _ownIds = [.. Enumerable.Range(0, Plots).Select(k => "trk-0-1-" + k)];
        _associator = new TrackAssociator(_store, "p");
    }

    /// <summary>A new association per plot (unnumbered plots keep no association): every candidate gated, one chosen.</summary>
    [Benchmark(OperationsPerInvoke = Plots)]
    public int AssociateNew()
    {
        var joined = 0;
        for (var k = 0; k < Plots; k++)
        {
            _store.Upsert(_tracks[k % Tracks], "p");
            if (_associator.Associate(new SourceTrack(48, 0, 1, -1), null, _plots[k]) is not null)
            {
                joined++;
            }
        }
        return joined;
    }

    /// <summary>An established association per plot (the same numbers again): one lookup and one gate.</summary>
    [Benchmark(OperationsPerInvoke = Plots)]
    public int AssociateEstablished()
    {
        var joined = 0;
        for (var k = 0; k < Plots; k++)
        {
            _store.Upsert(_tracks[k % Tracks], "p");
            if (_associator.Associate(new SourceTrack(48, 0, 1, k), _ownIds[k], _plots[k]) is { Length: 6 })
            {
                joined++;
            }
        }
        return joined;
    }
}
