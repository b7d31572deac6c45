using System.Globalization;
using Deconflict.Core.Geodesy;
using Deconflict.Testing;

namespace Deconflict.Core.Tests.Geodesy;

public class GeodesicTests
{
    private const double DistanceTolM = 1e-3;
    private const double AzimuthTolDeg = 1e-7;

    private static IEnumerable<(int Line, double[] Values)> ReadCsv(string name)
    {
        var lines = File.ReadAllLines(RepoPaths.Reference(name));
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }
            var parts = lines[i].Split(',');
            var values = new double[parts.Length];
            for (var j = 0; j < parts.Length; j++)
            {
                values[j] = double.Parse(parts[j], CultureInfo.InvariantCulture);
            }
            yield return (i + 1, values);
        }
    }

    private static double AngleGap(double a, double b)
    {
        var d = Math.IEEERemainder(a - b, 360.0);
        return Math.Abs(d);
    }

    private static bool AtPole(double lat) => Math.Abs(lat) >= 90 - 1e-12;

    [Fact]
    public void Inverse_agrees_with_the_reference_values_to_a_millimetre()
    {
        var rows = 0;
        var failures = new List<string>();
        foreach (var (line, v) in ReadCsv("geodesy-inverse.csv"))
        {
            rows++;
            var r = Geodesic.Inverse(v[0], v[1], v[2], v[3]);
            if (!(Math.Abs(r.DistanceM - v[4]) <= DistanceTolM))
            {
                failures.Add($"line {line}: s12 {r.DistanceM} vs {v[4]}");
            }
            var skipAzimuths = v[4] == 0 || AtPole(v[0]) || AtPole(v[2]);
            if (!skipAzimuths && !(AngleGap(r.Azimuth1Deg, v[5]) <= AzimuthTolDeg && AngleGap(r.Azimuth2Deg, v[6]) <= AzimuthTolDeg))
            {
                failures.Add($"line {line}: azimuths {r.Azimuth1Deg},{r.Azimuth2Deg} vs {v[5]},{v[6]}");
            }
        }
        rows.ShouldBeGreaterThan(100);
        failures.ShouldBeEmpty();
    }

    [Fact]
    public void Direct_agrees_with_the_reference_values_to_a_millimetre()
    {
        var rows = 0;
        var failures = new List<string>();
        foreach (var (line, v) in ReadCsv("geodesy-direct.csv"))
        {
            rows++;
            var r = Geodesic.Direct(v[0], v[1], v[2], v[3]);
            // Position error measured as a distance, so the check is meaningful near the poles too.
            var miss = Geodesic.Inverse(r.LatDeg, r.LonDeg, v[4], v[5]).DistanceM;
            if (!(miss <= DistanceTolM))
            {
                failures.Add($"line {line}: ({r.LatDeg},{r.LonDeg}) is {miss} m from ({v[4]},{v[5]})");
            }
            if (!AtPole(v[4]) && !AtPole(v[0]) && v[3] != 0 && !(AngleGap(r.Azimuth2Deg, v[6]) <= AzimuthTolDeg))
            {
                failures.Add($"line {line}: azi2 {r.Azimuth2Deg} vs {v[6]}");
            }
        }
        rows.ShouldBeGreaterThan(100);
        failures.ShouldBeEmpty();
    }

    [Fact]
    public void Antimeridian_neighbours_are_close_not_half_the_world_apart()
    {
        var r = Geodesic.Inverse(0, 179.9, 0, -179.9);
        r.DistanceM.ShouldBe(2 * 0.1 * Math.PI / 180 * Wgs84.A, 1e-6);
        r.Azimuth1Deg.ShouldBe(90, 1e-12);
        var back = Geodesic.Inverse(0, -179.9, 0, 179.9);
        back.DistanceM.ShouldBe(r.DistanceM, 1e-9);
        back.Azimuth1Deg.ShouldBe(-90, 1e-12);
    }

    [Fact]
    public void Coincident_points_are_zero_apart()
    {
        Geodesic.Inverse(51.5, -0.1, 51.5, -0.1).DistanceM.ShouldBe(0);
        Geodesic.Inverse(0, 180, 0, -180).DistanceM.ShouldBe(0);
        Geodesic.Inverse(90, 0, 90, 123).DistanceM.ShouldBe(0, 1e-9);
    }

    [Fact]
    public void Pole_to_pole_is_twice_the_quarter_meridian()
    {
        var quarter = Geodesic.Inverse(0, 0, 90, 0).DistanceM;
        quarter.ShouldBe(10001965.729, 1e-3); // WGS-84 quarter meridian, a textbook constant
        Geodesic.Inverse(-90, 0, 90, 0).DistanceM.ShouldBe(2 * quarter, 1e-6);
    }

    [Fact]
    public void Nearly_antipodal_points_converge_and_do_not_exceed_half_the_meridian()
    {
        var half = 2 * Geodesic.Inverse(0, 0, 90, 0).DistanceM;
        foreach (var (lat1, lat2, dlon) in new[] { (0.0, 0.0, 179.5), (0.0, 0.5, 179.7), (-30.0, 29.9, 179.8), (10.0, -10.0, 180.0), (0.0, 0.0, 180.0) })
        {
            var r = Geodesic.Inverse(lat1, 0, lat2, dlon);
            double.IsFinite(r.DistanceM).ShouldBeTrue();
            r.DistanceM.ShouldBeLessThanOrEqualTo(half + 1e-6);
            var back = Geodesic.Direct(lat1, 0, r.Azimuth1Deg, r.DistanceM);
            Geodesic.Inverse(back.LatDeg, back.LonDeg, lat2, dlon).DistanceM.ShouldBeLessThan(1e-6);
        }
    }

    [Fact]
    public void Direct_then_inverse_round_trips_everywhere()
    {
        var rng = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var lat = rng.NextDouble() * 180 - 90;
            var lon = rng.NextDouble() * 360 - 180;
            var azi = rng.NextDouble() * 360 - 180;
            var s = Math.Pow(10, rng.NextDouble() * 7.3 - 3);
            var d = Geodesic.Direct(lat, lon, azi, s);
            var inv = Geodesic.Inverse(lat, lon, d.LatDeg, d.LonDeg);
            inv.DistanceM.ShouldBe(s, 1e-6 + 1e-12 * s);
        }
    }

    [Fact]
    public void Out_of_range_latitude_gives_nan()
    {
        double.IsNaN(Geodesic.Inverse(91, 0, 0, 0).DistanceM).ShouldBeTrue();
    }
}
