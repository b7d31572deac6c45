using Deconflict.Core.Geodesy;

namespace Deconflict.Core.Tactical;

/// <summary>
/// Synthetic but plausible traffic for demos, tests and benchmarks: cruising aircraft at flight levels
/// following the semicircular (hemispheric) rule, climbing and descending aircraft, and pairs set up to
/// converge on a common point within the look-ahead. Deterministic for a seed.
/// </summary>
/// <remarks>
/// Without an explicit box the area grows with the count to keep a busy en-route density of one aircraft
/// per <see cref="KilometresSquaredPerAircraft"/> km² (about the peak over central Europe), starting from a
/// central European box; beyond about a million aircraft the whole globe is used and density grows.
/// With an explicit box the density is whatever the count makes it.
/// </remarks>
public static class TrafficGenerator
{
    public const double KilometresSquaredPerAircraft = 500;

    /// <summary>Central Europe: 44°N–54°N, 0°E–20°E.</summary>
    public static GeoBox DefaultBox => new(44, 0, 54, 20);

    private static readonly string[] Operators =
        ["AFR", "BAW", "DLH", "KLM", "RYR", "EZY", "SAS", "IBE", "AZA", "SWR", "AUA", "THY", "UAE", "QTR", "LOT", "TAP", "FIN", "WZZ", "VLG", "CSA"];

    /// <summary>A box around the default one whose area keeps the standard density for <paramref name="count"/> aircraft.</summary>
    public static GeoBox BoxFor(int count)
    {
        var box = DefaultBox;
        var needed = count * KilometresSquaredPerAircraft * 1e6;
        if (box.AreaM2 >= needed)
        {
            return box;
        }
        // Grow about the box centre, latitude span capped at ±80°, until the area suffices.
        double lo = 1, hi = 40;
        for (var k = 0; k < 60; k++)
        {
            var mid = (lo + hi) / 2;
            if (Scaled(mid).AreaM2 >= needed)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }
        return Scaled(hi);
    }

    private static GeoBox Scaled(double k)
    {
        var latHalf = Math.Min(5 * k, 80);
        var lat0 = Math.Max(-80, 49 - latHalf);
        var lat1 = Math.Min(80, 49 + latHalf);
        if (lat1 - lat0 < 2 * latHalf)
        {
            // Hit the northern cap: extend south instead.
            lat0 = Math.Max(-80, lat1 - 2 * latHalf);
        }
        var lonSpan = 20 * k;
        return lonSpan >= 360
            ? new GeoBox(lat0, -180, lat1, 180)
            : new GeoBox(lat0, AngleNormalize(10 - lonSpan / 2), lat1, AngleNormalize(10 + lonSpan / 2));
    }

    /// <summary>Generates <paramref name="count"/> aircraft (in <paramref name="box"/>, or a box keeping the standard density).</summary>
    public static TrafficSnapshot Generate(int count, int seed, GeoBox? box = null, TrafficSnapshot? into = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var area = box ?? BoxFor(count);
        if (!area.IsValid)
        {
            throw new ArgumentOutOfRangeException(nameof(box), area, "Latitudes must be ordered within [-90, 90] and longitudes within [-180, 180].");
        }
        var rng = new Random(seed);
        var s = into ?? new TrafficSnapshot(count);
        s.Clear();
        s.EnsureCapacity(count);
        double sin0 = Math.Sin(area.Lat0 * Math.PI / 180), sin1 = Math.Sin(area.Lat1 * Math.PI / 180);

        while (s.Count < count)
        {
            var i = s.Count;
            var lat = Math.Asin(sin0 + rng.NextDouble() * (sin1 - sin0)) * 180 / Math.PI;
            var lon = AngleNormalize(area.Lon0 + rng.NextDouble() * area.LonSpanDeg);
            var kind = rng.NextDouble();
            if (kind < 0.04 && count - s.Count >= 2)
            {
                AddConvergingPair(s, rng, lat, lon);
                continue;
            }
            var trk = rng.NextDouble() * 360;
            double alt, gs, vs;
            if (kind < 0.72)
            {
                alt = CruiseLevelFt(rng, trk);
                gs = 400 + rng.NextDouble() * 110;
                vs = 0;
            }
            else if (kind < 0.86)
            {
                alt = 3000 + rng.NextDouble() * 25000;
                gs = 240 + rng.NextDouble() * 180;
                vs = 800 + rng.NextDouble() * 2700;
            }
            else
            {
                alt = 5000 + rng.NextDouble() * 33000;
                gs = 260 + rng.NextDouble() * 200;
                vs = -(800 + rng.NextDouble() * 2700);
            }
            s.Add(Id(i, rng), lat, lon, Math.Round(alt, 1), Math.Round(gs, 2), Math.Round(trk, 3) % 360, Math.Round(vs, 1));
        }
        return s;
    }

    /// <summary>Two aircraft that, flying straight, meet near a common point between 30 s and 280 s from now.</summary>
    private static void AddConvergingPair(TrafficSnapshot s, Random rng, double lat, double lon)
    {
        var tMeet = 30 + rng.NextDouble() * 250;
        var trk1 = rng.NextDouble() * 360;
        var trk2 = AngleNormalize360(trk1 + 30 + rng.NextDouble() * 150 * (rng.Next(2) == 0 ? 1 : -1) + (rng.Next(4) == 0 ? 180 : 0));
        var level = CruiseLevelFt(rng, trk1);
        var sameLevel = rng.NextDouble() < 0.7;
        var missNm = rng.NextDouble() * 6;
        var missDir = rng.NextDouble() * 360;
        var meet2 = Geodesic.Direct(lat, lon, missDir, missNm * Wgs84.MetresPerNauticalMile);
        for (var k = 0; k < 2; k++)
        {
            var trk = k == 0 ? trk1 : trk2;
            var gs = 380 + rng.NextDouble() * 120;
            double pLat = k == 0 ? lat : meet2.LatDeg, pLon = k == 0 ? lon : meet2.LonDeg;
            var start = Geodesic.Direct(pLat, pLon, trk + 180, gs * Wgs84.MetresPerSecondPerKnot * tMeet);
            // The track at the start is the back-azimuth of the path to the meeting point.
            var course = AngleNormalize360(start.Azimuth2Deg + 180);
            double alt = level, vs = 0;
            if (k == 1 && !sameLevel)
            {
                vs = (rng.Next(2) == 0 ? 1 : -1) * (1000 + rng.NextDouble() * 1500);
                alt = level - vs / 60 * tMeet;
            }
            s.Add(Id(s.Count, rng), start.LatDeg, start.LonDeg, Math.Round(alt, 1), Math.Round(gs, 2), Math.Round(course, 3) % 360, Math.Round(vs, 1));
        }
    }

    /// <summary>Semicircular rule: eastbound (track 0–179°) at odd thousands, westbound at even, RVSM levels FL290–FL410 mostly.</summary>
    private static double CruiseLevelFt(Random rng, double trk)
    {
        var eastbound = trk < 180;
        var low = rng.NextDouble() < 0.2;
        var fl = low ? 200 + 10 * rng.Next(0, 9) : 290 + 10 * rng.Next(0, 13);
        var odd = fl / 10 % 2 == 1;
        if (odd != eastbound)
        {
            fl += fl >= 410 ? -10 : 10;
        }
        return fl * 100.0;
    }

    private static string Id(int index, Random rng) => Operators[rng.Next(Operators.Length)] + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static double AngleNormalize(double lon)
    {
        var r = Math.IEEERemainder(lon, 360);
        return r >= 180 ? r - 360 : r < -180 ? r + 360 : r;
    }

    private static double AngleNormalize360(double a)
    {
        var r = a % 360;
        return r < 0 ? r + 360 : r;
    }
}
