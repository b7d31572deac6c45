using Deconflict.Core.Geodesy;
using Deconflict.Core.Tactical;

namespace Deconflict.Core.Tests.Tactical;

/// <summary>The grid is only a filter: on dense random traffic it must find exactly the pairs an all-pairs scan finds.</summary>
public class GridCompletenessTests
{
    public static TheoryData<string, double, double, double, double, int, double, double, double> Areas() => new()
    {
        // name, box, count, D nm, H ft, T s
        { "terminal area", 51, -1, 52, 1, 1500, 5, 1000, 300 },
        { "antimeridian", -5, 178, 5, -178, 1500, 5, 1000, 300 },
        { "polar cap", 86, -180, 90, 180, 1500, 5, 1000, 300 },
        { "high latitude wide minima", 75, 170, 82, -165, 1500, 10, 2000, 600 },
        { "equator short look-ahead", -1, -1, 1, 1, 1500, 3, 500, 60 },
    };

    [Theory]
    [MemberData(nameof(Areas))]
    public void Grid_finds_exactly_the_pairs_of_an_all_pairs_scan(string name, double lat0, double lon0, double lat1, double lon1,
        int count, double dNm, double hFt, double tS)
    {
        var s = TrafficGenerator.Generate(count, name.Length, new GeoBox(lat0, lon0, lat1, lon1));
        // Spread speeds, including fast military traffic, to exercise the box growth bounds.
        var rng = new Random(42);
        for (var i = 0; i < s.Count; i += 7)
        {
            s.GsKt[i] = rng.NextDouble() * 1200;
        }
        var minima = new SeparationMinima(dNm, hFt, tS);
        foreach (var model in new[] { EarthModel.DaidalusSphere, EarthModel.Wgs84Midpoint })
        {
            var grid = new List<TacticalConflict>();
            var detector = new TacticalDetector { EarthModel = model };
            detector.Detect(s, minima, grid);
            var brute = AllPairs(s, minima, model);
            grid.Count.ShouldBe(brute.Count, $"{name} {model}");
            grid.ShouldBe(brute);
            brute.Count.ShouldBeGreaterThan(10, $"{name}: too sparse to test anything");
            detector.LastCandidatePairs.ShouldBeLessThan((long)count * (count - 1) / 2);
        }
    }

    private static List<TacticalConflict> AllPairs(TrafficSnapshot s, SeparationMinima m, EarthModel model)
    {
        var n = s.Count;
        var st = new AircraftState[n];
        for (var i = 0; i < n; i++)
        {
            st[i] = TrafficGrid.Derive(s.LatDeg[i], s.LonDeg[i], s.AltFt[i], s.GsKt[i], s.TrkDeg[i], s.VsFpm[i]);
        }
        var results = new List<TacticalConflict>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                ref var a = ref st[i];
                ref var b = ref st[j];
                if (CylinderPrediction.TryPredict(a.Ux, a.Uy, a.Uz, b.Ux, b.Uy, b.Uz, a.Vx, a.Vy, a.Vz, b.Vx, b.Vy, b.Vz,
                    a.Alt, b.Alt, a.AltRate, b.AltRate,
                    m.HorizontalNm * Wgs84.MetresPerNauticalMile, m.VerticalFt, m.LookaheadS, model == EarthModel.Wgs84Midpoint,
                    out var tIn, out var tOut, out var tCpa, out var h, out var vft))
                {
                    results.Add(new TacticalConflict(i, j, tIn, tOut, tCpa, h / Wgs84.MetresPerNauticalMile, vft));
                }
            }
        }
        return results;
    }
}
