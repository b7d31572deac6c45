using Deconflict.Testing;

namespace Deconflict.Cli.Tests.Commands;

public sealed class CheckCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("deconflict-check-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Feature(string id, string party, double lon, double lat, double radius, int priority = 0, string state = "Accepted") =>
        "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + Num(lon) + "," + Num(lat) + "]},\"properties\":{\"intent_id\":\"" + id
        + "\",\"party\":\"" + party + "\",\"state\":\"" + state + "\",\"priority\":" + priority
        + ",\"alt_lower_ft\":0,\"alt_upper_ft\":5000,\"time_start\":\"2025-03-01T08:00:00Z\",\"time_end\":\"2025-03-01T12:00:00Z\",\"radius_m\":" + Num(radius) + "}}";

    private static string Num(double x) => x.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Collection(params string[] features) => "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",", features) + "]}";

    [Fact]
    public void Check_writes_every_reference_conflict_as_sorted_csv()
    {
        var set = RepoPaths.Reference("strategic", "dev-basics.intents.geojson");
        var output = Path.Combine(_dir, "out.csv");

        var (exit, _, err) = StrategicCli.Run("check", "--intents", set, "--out", output, "--stats");

        exit.ShouldBe(0, err);
        var lines = File.ReadAllLines(output);
        lines[0].ShouldBe("id1,id2,overlap_start,overlap_end,overlap_lower_ft,overlap_upper_ft,blocking");
        var expected = File.ReadAllLines(RepoPaths.Reference("strategic", "dev-basics.conflicts.csv")).Skip(1).Where(l => l.Length > 0);
        lines.Skip(1).Select(l => string.Join(',', l.Split(',').Take(2))).ShouldBe(expected);
        err.ShouldContain("\"check_ms\":");
        err.ShouldContain("\"conflicts\":" + expected.Count());
    }

    [Fact]
    public void Check_with_a_candidate_marks_conflicts_with_equal_or_higher_priority_as_blocking()
    {
        var held = Write("held.geojson", Collection(
            Feature("low", "ru-af", 37.0, 34.0, 5000, priority: 0),
            Feature("high", "sy-af", 37.05, 34.0, 5000, priority: 2),
            Feature("far", "sy-af", 39.0, 34.0, 5000, priority: 2),
            Feature("own", "coalition", 37.0, 34.0, 5000, priority: 2)));
        var candidate = Write("candidate.geojson", Collection(Feature("new", "coalition", 37.02, 34.0, 3000, priority: 1)));

        var (exit, stdout, err) = StrategicCli.Run("check", "--intents", held, "--candidate", candidate);

        exit.ShouldBe(0, err);
        var rows = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        rows.Length.ShouldBe(3);
        rows[1].ShouldBe("high,new,2025-03-01T08:00:00Z,2025-03-01T12:00:00Z,0,5000,true,new");
        rows[2].ShouldBe("low,new,2025-03-01T08:00:00Z,2025-03-01T12:00:00Z,0,5000,false,new");
    }

    [Theory]
    [InlineData("\"radius_m\":5000", "\"radius_m\":-1", "feature 1: property 'radius_m':")]
    [InlineData("\"state\":\"Accepted\"", "\"state\":\"Flying\"", "feature 1: property 'state': unknown state")]
    [InlineData(",\"party\":\"p2\"", "", "feature 1: property 'party': missing")]
    public void Bad_features_are_reported_with_file_feature_and_property_and_exit_code_2(string good, string bad, string message)
    {
        var file = Write("bad.geojson", Collection(Feature("a", "p1", 37, 34, 5000), Feature("b", "p2", 37, 34, 5000).Replace(good, bad, StringComparison.Ordinal)));

        var (exit, stdout, err) = StrategicCli.Run("check", "--intents", file);

        exit.ShouldBe(2);
        stdout.ShouldBeEmpty();
        err.ShouldStartWith("error: " + file + ": " + message);
        err.ShouldNotContain("   at ");
    }

    [Fact]
    public void Invalid_json_and_missing_files_exit_with_code_2()
    {
        var broken = Write("broken.geojson", "{\"type\":\"FeatureCollection\",\"features\":[");
        var (exit, _, err) = StrategicCli.Run("check", "--intents", broken);
        exit.ShouldBe(2);
        err.ShouldContain("broken.geojson: not valid JSON");

        var (missing, _, missingErr) = StrategicCli.Run("check", "--intents", Path.Combine(_dir, "absent.geojson"));
        missing.ShouldBe(2);
        missingErr.ShouldStartWith("error: ");
    }

    [Fact]
    public void Generated_intents_are_the_same_for_the_same_seed_and_check_cleanly()
    {
        var a = Path.Combine(_dir, "a.geojson");
        var b = Path.Combine(_dir, "b.geojson");
        var c = Path.Combine(_dir, "c.geojson");
        StrategicCli.Run("gen", "intents", "--n", "800", "--seed", "5", "--out", a).Exit.ShouldBe(0);
        StrategicCli.Run("gen", "intents", "--n", "800", "--seed", "5", "--out", b).Exit.ShouldBe(0);
        StrategicCli.Run("gen", "intents", "--n", "800", "--seed", "6", "--box", "-20,178,-17,-178", "--hours", "6", "--out", c).Exit.ShouldBe(0);
        File.ReadAllBytes(a).ShouldBe(File.ReadAllBytes(b));
        File.ReadAllBytes(a).ShouldNotBe(File.ReadAllBytes(c));

        var (exit, stdout, err) = StrategicCli.Run("check", "--intents", c);
        exit.ShouldBe(0, err);
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBeGreaterThan(10);
    }
}
