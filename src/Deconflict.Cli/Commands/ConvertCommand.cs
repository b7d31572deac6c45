using System.CommandLine;
using System.Text;
using System.Text.Json;
using Deconflict.Core.Formats.Aco;
using Deconflict.Core.Formats.Kml;
using Deconflict.Core.Strategic;

namespace Deconflict.Cli.Commands;

/// <summary>
/// <c>deconflict convert IN OUT [--from F] [--to F] [--party P]</c>: operational intents between GeoJSON, KML and
/// USMTF ACO, offline. The format comes from the extension (.geojson/.json, .kml, .aco/.txt) unless given; input is
/// checked exactly as the hub checks it, and a problem stops with "FILE:LINE: field 'X': problem" and exit code 2.
/// </summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        var input = new Argument<FileInfo>("in") { Description = "The file to read." };
        var output = new Argument<string>("out") { Description = "The file to write, or - for standard output (then --to is needed)." };
        var from = new Option<string?>("--from") { Description = "Input format: geojson, kml or aco (default: from the extension)." };
        var to = new Option<string?>("--to") { Description = "Output format: geojson, kml or aco (default: from the extension)." };
        var party = new Option<string?>("--party") { Description = "The party of intents whose file does not name one (KML without ExtendedData party; an ACO, whose measures become this party's intents)." };
        var command = new Command("convert", "Convert operational intents between GeoJSON, KML 2.2 and USMTF ACO, offline.") { input, output, from, to, party };
        command.SetAction(parse => Run(parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(from), parse.GetValue(to), parse.GetValue(party)));
        return command;
    }

    private static int Run(FileInfo input, string output, string? from, string? to, string? party)
    {
        var inFormat = Format(from, input.Name, "--from");
        var outFormat = Format(to, output, "--to");
        string text;
        try
        {
            text = File.ReadAllText(input.FullName, new UTF8Encoding(false, true));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{input}: cannot read: {e.Message}");
        }
        catch (DecoderFallbackException)
        {
            throw InputException.At(input.ToString(), 1, "encoding", "the file is not UTF-8");
        }
        var intents = Read(input.ToString(), text, inFormat, party);
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            switch (outFormat)
            {
                case "kml":
                    IntentKml.Write(buffer, intents, Path.GetFileNameWithoutExtension(input.Name));
                    break;
                case "aco":
                    var message = AcoIntents.FromIntents(intents, party ?? intents.FirstOrDefault()?.Party ?? "-", DateTimeOffset.UtcNow);
                    buffer.Write(Encoding.UTF8.GetBytes(AcoWriter.Write(message)));
                    break;
                default:
                    buffer.Write(Encoding.UTF8.GetBytes(IntentGeoJson.Write(intents)));
                    break;
            }
            bytes = buffer.ToArray();
        }
        if (output == "-")
        {
            using var stdout = Console.OpenStandardOutput();
            stdout.Write(bytes);
        }
        else
        {
            try
            {
                File.WriteAllBytes(output, bytes);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException($"{output}: cannot write: {e.Message}");
            }
        }
        Console.Error.WriteLine($"{intents.Count} intent(s), {intents.Sum(i => i.Volumes.Count)} volume(s): {inFormat} → {outFormat}");
        return 0;
    }

    internal static IReadOnlyList<OperationalIntent> Read(string file, string text, string format, string? party)
    {
        try
        {
            switch (format)
            {
                case "kml":
                    return IntentKml.ReadCollection(text, party);
                case "aco":
                    return AcoIntents.ToIntents(AcoReader.Read(text), party ?? throw new InputException($"{file}: an ACO names no party: give --party"));
                default:
                    return IntentGeoJson.ReadCollection(text);
            }
        }
        catch (KmlFormatException e)
        {
            throw InputException.At(file, e.Line, e.Element, e.Message);
        }
        catch (AcoFormatException e)
        {
            throw InputException.At(file, e.Line, $"set {e.Set} {e.Field}", e.Message);
        }
        catch (IntentFormatException e)
        {
            var field = e.FeatureIndex >= 0 ? $"features[{e.FeatureIndex}].{e.Property}" : (e.Property.Length > 0 ? e.Property : "document");
            throw InputException.At(file, LineOfFeature(text, e.FeatureIndex), field, e.Message);
        }
    }

    private static string Format(string? given, string name, string option)
    {
        if (given is not null)
        {
            return given.ToLowerInvariant() is "geojson" or "kml" or "aco" ? given.ToLowerInvariant()
                : throw new InputException($"option '{option}': '{given}' is not one of geojson, kml, aco");
        }
        return Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".geojson" or ".json" => "geojson",
            ".kml" => "kml",
            ".aco" or ".txt" => "aco",
            _ => throw new InputException($"{name}: cannot tell the format from the extension; give {option} geojson, kml or aco"),
        };
    }

    /// <summary>The 1-based line where feature <paramref name="index"/> starts (1 when it cannot be found).</summary>
    private static long LineOfFeature(string text, int index)
    {
        if (index < 0)
        {
            return 1;
        }
        var bytes = Encoding.UTF8.GetBytes(text);
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 64 });
            var featuresDepth = -1;
            var seen = -1;
            while (reader.Read())
            {
                if (featuresDepth < 0 && reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("features"))
                {
                    reader.Read();
                    featuresDepth = reader.CurrentDepth;
                    continue;
                }
                if (featuresDepth >= 0 && reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == featuresDepth + 1 && ++seen == index)
                {
                    return 1 + bytes.AsSpan(0, (int)reader.TokenStartIndex).Count((byte)'\n');
                }
            }
        }
        catch (JsonException)
        {
        }
        return 1;
    }
}
