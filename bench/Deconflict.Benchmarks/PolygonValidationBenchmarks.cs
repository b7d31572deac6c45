using BenchmarkDotNet.Attributes;
using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic;
using Deconflict.Core.Strategic.Geometry;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace Deconflict.Benchmarks;

/// <summary>
/// Checking a polygon as an intent or site arrives: the whole rule set on a ring of the largest accepted size, and the
/// self-intersection sweep alone on larger rings to show how it grows (n log n, where comparing every pair of edges
/// would take 100 times longer for 10 times the vertices). Rings are star-shaped with a jagged edge, so bounding
/// boxes overlap as much as in drawn shapes. Run with
/// <c>dotnet run -c Release --project bench/Deconflict.Benchmarks -- --filter '*PolygonValidation*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class PolygonValidationBenchmarks
{
    private List<GeoPoint> _ring = null!;
    private double[] _plane = null!;

    [Params(2_000, 20_000, 100_000)]
    public int Vertices { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _ring = [.. Enumerable.Range(0, Vertices).Select(k =>
        {
            var a = 2 * Math.PI * k / Vertices;
            var r = k % 2 == 0 ? 0.5 : 0.45;
            return new GeoPoint(35 + (r * Math.Sin(a)), 38 + (r * Math.Cos(a)));
        })];
        _plane = [.. _ring.SelectMany(p => new[] { p.LonDeg, p.LatDeg })];
    }

    [Benchmark]
    public string? CheckPolygon() => Vertices <= ShapeRules.MaxVertices ? ShapeRules.CheckPolygon(_ring) : null;

    [Benchmark]
    public bool FindSelfIntersection() => RingSimplicity.FindSelfIntersection(_plane) is null;

    /// <summary>The same question put to NetTopologySuite's simplicity test (monotone-chain noding), for comparison.</summary>
    [Benchmark(Baseline = true)]
    public bool NetTopologySuiteIsSimple()
    {
        var n = _plane.Length / 2;
        var coordinates = new Coordinate[n + 1];
        for (var i = 0; i < n; i++)
        {
            coordinates[i] = new Coordinate(_plane[2 * i], _plane[(2 * i) + 1]);
        }
        coordinates[n] = coordinates[0].Copy();
        return new IsSimpleOp(GeometryFactory.Floating.CreateLineString(coordinates)).IsSimple();
    }
}
