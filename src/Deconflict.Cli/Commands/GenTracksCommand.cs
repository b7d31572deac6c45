using System.CommandLine;
using System.Globalization;
using System.Text;
using Deconflict.Core.Geodesy;
using Deconflict.Core.Tactical;

namespace Deconflict.Cli.Commands;

/// <summary><c>deconflict gen tracks</c>: a synthetic traffic snapshot in the tracks format.</summary>
internal static class GenTracksCommand
{
    public static Command Create()
    {
        var n = new Option<int>("--n") { Description = "Number of aircraft.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same file.", DefaultValueFactory = _ => 1 };
        var box = new Option<string?>("--box")
        {
            Description = "Area lat0,lon0,lat1,lon1 in degrees (east from lon0 to lon1, so lon1 < lon0 crosses the antimeridian). " +
                "Default: central Europe, grown with --n to keep one aircraft per 500 km².",
        };
        var output = new Option<string>("--out") { Description = "File to write; '-' for standard output.", Required = true };
        var command = new Command("tracks",
            "Write a synthetic traffic snapshot: cruise at semicircular-rule flight levels, climbing and descending traffic, and converging pairs.")
        {
            n, seed, box, output,
        };
        command.SetAction(int (parse) => Run(parse.GetValue(n), parse.GetValue(seed), parse.GetValue(box), parse.GetValue(output)!));
        return command;
    }

    internal static int Run(int count, int seed, string? boxText, string outPath)
    {
        if (count < 0 || count > 20_000_000)
        {
            throw new InputException($"option '--n': {count} must be between 0 and 20000000");
        }
        GeoBox? box = boxText is null ? null : ParseBox(boxText);
        var snapshot = TrafficGenerator.Generate(count, seed, box);
        try
        {
            using var stream = outPath == "-" ? Console.OpenStandardOutput() : File.Create(outPath);
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
            TrafficCsv.Write(writer, snapshot);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{outPath}: cannot write: {e.Message}");
        }
        return 0;
    }

    internal static GeoBox ParseBox(string text)
    {
        var parts = text.Split(',');
        var values = new double[4];
        if (parts.Length != 4)
        {
            throw new InputException($"option '--box': '{text}' must be lat0,lon0,lat1,lon1");
        }
        for (var k = 0; k < 4; k++)
        {
            if (!double.TryParse(parts[k], NumberStyles.Float, CultureInfo.InvariantCulture, out values[k]) || !double.IsFinite(values[k]))
            {
                throw new InputException($"option '--box': '{parts[k]}' is not a number");
            }
        }
        var box = new GeoBox(values[0], values[1], values[2], values[3]);
        if (!box.IsValid)
        {
            throw new InputException($"option '--box': '{text}' needs -90 <= lat0 < lat1 <= 90 and longitudes within [-180, 180], lon0 != lon1");
        }
        return box;
    }
}
