using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic;
using static Deconflict.Core.Tests.Strategic.Build;

namespace Deconflict.Core.Tests.Strategic;

/// <summary>
/// Circles against corridors anywhere on Earth (high latitudes, across 180°), judged independently: the path is
/// sampled every few metres along its great circles and the least ellipsoidal distance from the centre to the
/// samples decides, wherever it is clear of the threshold by more than the sampling error.
/// </summary>
public class SampledDistanceTests
{
    [Fact]
    public void Circle_and_corridor_agree_with_a_densely_sampled_path()
    {
        var random = new Random(17);
        var judged = 0;
        for (var trial = 0; trial < 150; trial++)
        {
            var lat = trial % 3 == 0 ? 70 + (random.NextDouble() * 19) : (random.NextDouble() * 170) - 85;
            var lon = trial % 4 == 0 ? 179 + (random.NextDouble() * 2) : (random.NextDouble() * 360) - 180;
            lon = lon > 180 ? lon - 360 : lon;
            var path = new List<GeoPoint> { new(lat, lon) };
            for (var leg = 0; leg < 1 + random.Next(3); leg++)
            {
                var d = Geodesic.Direct(path[^1].LatDeg, path[^1].LonDeg, random.NextDouble() * 360, 5_000 + (random.NextDouble() * 40_000));
                path.Add(new GeoPoint(d.LatDeg, d.LonDeg > 180 ? d.LonDeg - 360 : d.LonDeg));
            }
            var halfWidth = 500 + (random.NextDouble() * 3000);
            var radius = 500 + (random.NextDouble() * 3000);
            var anchor = path[random.Next(path.Count)];
            var c = Geodesic.Direct(anchor.LatDeg, anchor.LonDeg, random.NextDouble() * 360, (random.NextDouble() * 10_000) + 1000);
            var centre = new GeoPoint(c.LatDeg, c.LonDeg > 180 ? c.LonDeg - 360 : c.LonDeg);

            var sampled = SampledDistance(centre, path, 20);
            var threshold = radius + halfWidth;
            bool expected;
            if (sampled < threshold - 1)
            {
                expected = true;
            }
            else if (sampled > threshold + 15)
            {
                expected = false;
            }
            else
            {
                continue;
            }
            judged++;
            Conflicts(new CircleShape(centre, radius), new CorridorShape(path, halfWidth))
                .ShouldBe(expected, $"trial {trial}: centre {centre}, sampled distance {sampled:F1} m, threshold {threshold:F1} m");
        }
        judged.ShouldBeGreaterThan(100);
    }

    /// <summary>Least geodesic distance from a point to samples spaced about <paramref name="stepM"/> along the path's great circles.</summary>
    private static double SampledDistance(GeoPoint p, List<GeoPoint> path, double stepM)
    {
        var best = double.MaxValue;
        for (var i = 0; i + 1 < path.Count; i++)
        {
            var a = ToVector(path[i]);
            var b = ToVector(path[i + 1]);
            var angle = Math.Acos(Math.Clamp((a.X * b.X) + (a.Y * b.Y) + (a.Z * b.Z), -1, 1));
            var steps = Math.Max(1, (int)Math.Ceiling(angle * 6_371_000 / stepM));
            for (var k = 0; k <= steps; k++)
            {
                // Spherical linear interpolation stays on the great circle through a and b.
                var t = (double)k / steps;
                var wa = Math.Sin((1 - t) * angle) / Math.Sin(angle);
                var wb = Math.Sin(t * angle) / Math.Sin(angle);
                var x = (wa * a.X) + (wb * b.X);
                var y = (wa * a.Y) + (wb * b.Y);
                var z = (wa * a.Z) + (wb * b.Z);
                var q = new GeoPoint(Math.Atan2(z, Math.Sqrt((x * x) + (y * y))) * 180 / Math.PI, Math.Atan2(y, x) * 180 / Math.PI);
                best = Math.Min(best, Geodesic.Inverse(p, q).DistanceM);
            }
        }
        return best;
    }

    private static (double X, double Y, double Z) ToVector(GeoPoint p)
    {
        var lat = p.LatDeg * Math.PI / 180;
        var lon = p.LonDeg * Math.PI / 180;
        return (Math.Cos(lat) * Math.Cos(lon), Math.Cos(lat) * Math.Sin(lon), Math.Sin(lat));
    }
}
