using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Deconflict.Core.Strategic;

namespace Deconflict.Cli.Commands;

/// <summary>
/// <c>deconflict gen intents --n N --seed S [--box S,W,N,E] [--start T] [--hours H] [--parties P] --out FILE|-</c>:
/// synthetic operational intents (GeoJSON), the same for the same seed.
/// </summary>
internal static class GenIntentsCommand
{
    public static Command Create()
    {
        var n = new Option<int>("--n") { Description = "Number of intents.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same file.", DefaultValueFactory = _ => 1 };
        var box = new Option<string?>("--box") { Description = "Theatre as south,west,north,east in degrees (west > east spans the antimeridian). Default: the Levant." };
        var start = new Option<string?>("--start") { Description = "Start of the period, ISO 8601 UTC. Default 2025-03-01T00:00:00Z." };
        var hours = new Option<double?>("--hours") { Description = "Length of the period in hours. Default 24." };
        var parties = new Option<int>("--parties") { Description = "Number of parties (2-8).", DefaultValueFactory = _ => 5 };
        var output = new Option<string>("--out") { Description = "Output GeoJSON file, or - for standard output.", Required = true };
        var command = new Command("intents", "Write synthetic operational intents (polygons, circles, corridors and orbits) as GeoJSON.")
        {
            n, seed, box, start, hours, parties, output,
        };
        command.SetAction(parse => Run(parse.GetValue(n), parse.GetValue(seed), Theatre(parse.GetValue(box), parse.GetValue(start), parse.GetValue(hours)),
            parse.GetValue(parties), parse.GetValue(output)!));
        return command;
    }

    private static int Run(int count, int seed, IntentTheatre theatre, int parties, string output)
    {
        if (count is < 0 or > 10_000_000)
        {
            throw new InputException($"--n: {count} is outside 0..10000000");
        }
        if (parties is < 2 or > 8)
        {
            throw new InputException($"--parties: {parties} is outside 2..8");
        }
        var generator = new IntentGenerator(seed, theatre, parties);
        Stream stream;
        try
        {
            stream = output == "-" ? Console.OpenStandardOutput() : File.Create(output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{output}: cannot write: {e.Message}");
        }
        using (stream)
        using (var writer = new Utf8JsonWriter(stream))
        {
            IntentGeoJson.WriteTo(writer, Generate(generator, count));
        }
        return 0;
    }

    private static IEnumerable<OperationalIntent> Generate(IntentGenerator generator, int count)
    {
        var step = Math.Max(1, count / 20);
        for (var i = 1; i <= count; i++)
        {
            yield return generator.Next(i);
            if (count >= 100_000 && i % step == 0)
            {
                Console.Error.Write($"\rgenerating intents: {i * 100L / count,3}% ({i:N0}/{count:N0})");
            }
        }
        if (count >= 100_000)
        {
            Console.Error.WriteLine();
        }
    }

    private static IntentTheatre Theatre(string? box, string? start, double? hours)
    {
        var theatre = IntentTheatre.Levant;
        if (box is not null)
        {
            var parts = box.Split(',');
            if (parts.Length != 4 || !parts.All(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            {
                throw new InputException($"--box: expected south,west,north,east in degrees, got '{box}'");
            }
            var v = parts.Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            if (v[0] is < -89 or > 89 || v[2] is < -89 or > 89 || v[0] >= v[2])
            {
                throw new InputException($"--box: latitudes must satisfy -89 <= south < north <= 89, got '{box}'");
            }
            if (v[1] is < -180 or > 180 || v[3] is < -180 or > 180)
            {
                throw new InputException($"--box: longitudes must be within -180..180, got '{box}'");
            }
            theatre = theatre with { SouthDeg = v[0], WestDeg = v[1], NorthDeg = v[2], EastDeg = v[3] };
        }
        if (start is not null)
        {
            if (!DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
            {
                throw new InputException($"--start: expected an ISO 8601 UTC time, got '{start}'");
            }
            theatre = theatre with { Start = t.ToUniversalTime() };
        }
        if (hours is { } h)
        {
            if (h is <= 0 or > 24 * 366)
            {
                throw new InputException($"--hours: {h} is outside (0, 8784]");
            }
            theatre = theatre with { Span = TimeSpan.FromHours(h) };
        }
        return theatre;
    }
}
