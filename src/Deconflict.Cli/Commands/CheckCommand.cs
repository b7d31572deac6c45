using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Deconflict.Core.Strategic;

namespace Deconflict.Cli.Commands;

/// <summary>
/// <c>deconflict check --intents FILE [--candidate FILE] [--out FILE|-] [--stats]</c>: strategic conflicts
/// between parties' operational intents, as CSV (../shared/reference/STRATEGIC.md plus overlap and blocking columns).
/// </summary>
internal static class CheckCommand
{
    public const string Header = "id1,id2,overlap_start,overlap_end,overlap_lower_ft,overlap_upper_ft,blocking";

    public static Command Create()
    {
        var intents = new Option<FileInfo>("--intents") { Description = "GeoJSON FeatureCollection of operational intents.", Required = true };
        var candidate = new Option<FileInfo?>("--candidate") { Description = "GeoJSON of new or changed intents to check against --intents; blocking = the other intent's priority is equal or higher." };
        var output = new Option<string>("--out") { Description = "Output CSV file, or - for standard output.", DefaultValueFactory = _ => "-" };
        var stats = new Option<bool>("--stats") { Description = "Print a JSON line with counts and timings to standard error." };
        var repeat = new Option<int>("--repeat")
        {
            Description = "With --stats: run the check N more times in the same process and add their median as warm_check_ms (check_ms is the first, cold pass).",
        };
        var command = new Command("check", "Check 4D operational intents for strategic conflicts between parties.")
        {
            intents, candidate, output, stats, repeat,
        };
        command.SetAction(parse => Run(parse.GetValue(intents)!, parse.GetValue(candidate), parse.GetValue(output)!, parse.GetValue(stats), parse.GetValue(repeat)));
        return command;
    }

    private static int Run(FileInfo intentsFile, FileInfo? candidateFile, string output, bool stats, int repeat)
    {
        if (repeat is < 0 or > 1000)
        {
            throw new InputException($"option '--repeat': {repeat} must be between 0 and 1000");
        }
        var clock = Stopwatch.StartNew();
        var intents = Load(intentsFile);
        var candidates = candidateFile is null ? null : Load(candidateFile);
        var loadMs = clock.Elapsed.TotalMilliseconds;

        clock.Restart();
        var index = new StrategicIndex();
        foreach (var intent in intents)
        {
            index.Upsert(intent);
        }
        var indexMs = clock.Elapsed.TotalMilliseconds;

        clock.Restart();
        var rows = Check(index, candidates);
        var checkMs = clock.Elapsed.TotalMilliseconds;
        var warm = new double[stats ? repeat : 0];
        for (var k = 0; k < warm.Length; k++)
        {
            clock.Restart();
            Check(index, candidates);
            warm[k] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(warm);

        WriteCsv(output, rows, candidates is not null);
        if (stats)
        {
            var s = string.Create(CultureInfo.InvariantCulture,
                $"{{\"intents\":{intents.Count},\"volumes\":{intents.Sum(i => i.Volumes.Count)},\"live\":{index.Count},\"candidates\":{candidates?.Count ?? 0},\"conflicts\":{rows.Count},\"blocking\":{rows.Count(r => r.Conflict.Blocking)},\"load_ms\":{loadMs:F1},\"index_ms\":{indexMs:F1},\"check_ms\":{checkMs:F1}{(warm.Length > 0 ? $",\"warm_check_ms\":{warm[warm.Length / 2]:F1}" : "")}}}");
            Console.Error.WriteLine(s);
        }
        return 0;
    }

    private static List<(StrategicConflict Conflict, string? Candidate)> Check(StrategicIndex index, IReadOnlyList<OperationalIntent>? candidates)
    {
        var rows = new List<(StrategicConflict Conflict, string? Candidate)>();
        if (candidates is null)
        {
            rows.AddRange(index.FindAllConflicts().Select(c => (c, (string?)null)));
        }
        else
        {
            foreach (var c in candidates)
            {
                rows.AddRange(index.FindConflicts(c).Select(conflict => (conflict, (string?)c.Id)));
            }
        }
        return rows;
    }

    internal static IReadOnlyList<OperationalIntent> Load(FileInfo file)
    {
        string json;
        try
        {
            json = File.ReadAllText(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{file}: cannot read: {e.Message}");
        }
        try
        {
            return IntentGeoJson.ReadCollection(json);
        }
        catch (IntentFormatException e)
        {
            throw new InputException($"{file}: {e.Describe()}");
        }
    }

    private static void WriteCsv(string output, List<(StrategicConflict Conflict, string? Candidate)> rows, bool withCandidate)
    {
        // Rows are keyed by the ordered pair; with candidates, the same pair could come from two candidates.
        var ordered = rows
            .Select(r => (Row: Normalise(r.Conflict), r.Candidate))
            .OrderBy(r => r.Row.IntentId1, StringComparer.Ordinal)
            .ThenBy(r => r.Row.IntentId2, StringComparer.Ordinal)
            .ToList();
        var text = new StringBuilder();
        text.Append(Header).Append(withCandidate ? ",candidate\n" : "\n");
        string? last = null;
        foreach (var (c, candidate) in ordered)
        {
            var key = c.IntentId1 + "\n" + c.IntentId2;
            if (key == last)
            {
                continue;
            }
            last = key;
            text.Append(CultureInfo.InvariantCulture,
                $"{Csv(c.IntentId1)},{Csv(c.IntentId2)},{Time(c.OverlapStart)},{Time(c.OverlapEnd)},{c.OverlapLowerFt:0.###},{c.OverlapUpperFt:0.###},{(c.Blocking ? "true" : "false")}");
            if (withCandidate)
            {
                text.Append(',').Append(Csv(candidate!));
            }
            text.Append('\n');
        }
        if (output == "-")
        {
            Console.Out.Write(text.ToString());
            Console.Out.Flush();
        }
        else
        {
            try
            {
                File.WriteAllText(output, text.ToString());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException($"{output}: cannot write: {e.Message}");
            }
        }
    }

    private static StrategicConflict Normalise(StrategicConflict c) =>
        string.CompareOrdinal(c.IntentId1, c.IntentId2) <= 0 ? c : c with { IntentId1 = c.IntentId2, IntentId2 = c.IntentId1, Party1 = c.Party2, Party2 = c.Party1 };

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
