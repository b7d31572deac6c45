using Deconflict.Core.Geodesy;

namespace Deconflict.Core.Strategic;

/// <summary>
/// Synthetic operational intents over a theatre, for demos and benchmarks: a deterministic (per seed) mix of
/// restricted operations zones (polygons), point zones (circles), transit routes (corridors) and orbits
/// (two-point racetracks), declared by several parties in typical altitude bands and time windows.
/// </summary>
public sealed class IntentGenerator
{
    private static readonly string[] Parties = ["coalition", "ru-af", "sy-af", "un-hum", "tr-af", "ngo-med", "drone-ops", "us-navy"];
    private static readonly string[] Prefixes = ["CO", "RU", "SY", "UN", "TR", "NG", "DR", "US"];

    private readonly Random _random;
    private readonly IntentTheatre _theatre;
    private readonly int _parties;

    public IntentGenerator(int seed, IntentTheatre theatre, int parties = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parties, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(parties, Parties.Length);
        _random = new Random(seed);
        _theatre = theatre;
        _parties = parties;
    }

    /// <summary>The next intent; <paramref name="serial"/> makes its id unique (e.g. CO-000042).</summary>
    public OperationalIntent Next(int serial)
    {
        var p = _random.Next(_parties);
        var party = Parties[p];
        var id = $"{Prefixes[p]}-{serial:D7}";
        var state = Pick((IntentState.Accepted, 50), (IntentState.Activated, 36), (IntentState.Nonconforming, 6), (IntentState.Contingent, 3), (IntentState.Ended, 5));
        var priority = Pick((0, 55), (1, 25), (2, 15), (3, 5));
        var legs = Pick((1, 80), (2, 15), (3, 5));
        var (lower, upper) = Band();
        var start = _theatre.Start.AddSeconds(Math.Round(_random.NextDouble() * _theatre.Span.TotalSeconds / 60) * 60);
        var origin = RandomPoint();
        var volumes = new List<Volume4D>(legs);
        for (var leg = 0; leg < legs; leg++)
        {
            var duration = TimeSpan.FromMinutes(Math.Round(30 + (_random.NextDouble() * _random.NextDouble() * 450)));
            var shape = Pick<Func<GeoPoint, VolumeShape>>((Polygon, 18), (Circle, 30), (Corridor, 37), (Orbit, 15))(origin);
            volumes.Add(new Volume4D(shape, lower, upper, start, start + duration));
            start += duration;
            origin = Offset(origin, _random.NextDouble() * 360, 10_000 + (_random.NextDouble() * 40_000));
        }
        return new OperationalIntent(id, party, state, priority, 1, volumes);
    }

    private (double Lower, double Upper) Band()
    {
        switch (Pick((0, 30), (1, 20), (2, 25), (3, 15), (4, 10)))
        {
            case 0:
                return (0, Round(400, 1500)); // small drones
            case 1:
                return (0, Round(2000, 5000)); // rotary wing
            case 2:
                {
                    var lower = Round(5000, 15000); // tactical fixed wing
                    return (lower, lower + Round(4000, 10000));
                }
            case 3:
                {
                    var lower = Round(18000, 26000); // tanker and AEW orbits
                    return (lower, lower + Round(2000, 6000));
                }
            default:
                {
                    var lower = Round(25000, 35000); // high altitude
                    return (lower, lower + Round(5000, 15000));
                }
        }
    }

    private double Round(double min, double max) => Math.Round((min + (_random.NextDouble() * (max - min))) / 100) * 100;

    private VolumeShape Polygon(GeoPoint centre)
    {
        var n = 4 + _random.Next(6);
        var radius = 3_000 + (_random.NextDouble() * _random.NextDouble() * 40_000);
        var angles = Enumerable.Range(0, n).Select(i => (i + (0.7 * _random.NextDouble())) * 360.0 / n).ToArray();
        var vertices = angles.Select(a => Offset(centre, a, radius * (0.6 + (0.4 * _random.NextDouble())))).ToArray();
        return new PolygonShape(vertices);
    }

    private CircleShape Circle(GeoPoint centre) => new(centre, Math.Round(250 + (_random.NextDouble() * _random.NextDouble() * 15_000)));

    private CorridorShape Corridor(GeoPoint start)
    {
        var points = new List<GeoPoint> { start };
        var heading = _random.NextDouble() * 360;
        var legs = 1 + _random.Next(4);
        for (var i = 0; i < legs; i++)
        {
            heading += (_random.NextDouble() - 0.5) * 70;
            points.Add(Offset(points[^1], heading, 15_000 + (_random.NextDouble() * 60_000)));
        }
        return new CorridorShape(points, Math.Round(350 + (_random.NextDouble() * _random.NextDouble() * 10_000)));
    }

    private CorridorShape Orbit(GeoPoint anchor)
    {
        var length = 20_000 + (_random.NextDouble() * 60_000);
        var end = Offset(anchor, _random.NextDouble() * 360, length);
        return new CorridorShape([anchor, end], Math.Round(4_000 + (_random.NextDouble() * 7_000)));
    }

    private GeoPoint RandomPoint()
    {
        var t = _theatre;
        // Uniform in area between the latitude limits.
        var s0 = Math.Sin(t.SouthDeg * Math.PI / 180);
        var s1 = Math.Sin(t.NorthDeg * Math.PI / 180);
        var lat = Math.Asin(s0 + (_random.NextDouble() * (s1 - s0))) * 180 / Math.PI;
        var width = ((t.EastDeg - t.WestDeg) % 360 + 360) % 360;
        return new GeoPoint(lat, Normalise(t.WestDeg + (_random.NextDouble() * (width == 0 ? 360 : width))));
    }

    private static GeoPoint Offset(GeoPoint from, double azimuthDeg, double distanceM)
    {
        var d = Geodesic.Direct(from.LatDeg, from.LonDeg, azimuthDeg, distanceM);
        return new GeoPoint(Math.Round(d.LatDeg, 6), Math.Round(Normalise(d.LonDeg), 6));
    }

    private static double Normalise(double lon)
    {
        var x = ((lon + 180) % 360 + 360) % 360 - 180;
        return x == -180 && lon > 0 ? 180 : x;
    }

    private T Pick<T>(params (T Value, int Weight)[] choices)
    {
        var total = choices.Sum(c => c.Weight);
        var r = _random.Next(total);
        foreach (var (value, weight) in choices)
        {
            if (r < weight)
            {
                return value;
            }
            r -= weight;
        }
        return choices[^1].Value;
    }
}
