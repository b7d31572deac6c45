using System.Text.Json;
using Deconflict.Testing;

namespace Deconflict.Cli.Tests.Commands;

public sealed class DetectCommandTests : IDisposable
{
    private const string Header = "id,lat_deg,lon_deg,alt_ft,gs_kt,trk_deg,vs_fpm";
    private readonly string _dir = TacticalCli.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    [Fact]
    public void Detect_writes_sorted_conflicts_and_stats_for_a_reference_set()
    {
        var outPath = Path.Combine(_dir, "out.csv");
        var r = TacticalCli.Run("detect", "--tracks", RepoPaths.Reference("dev-small.tracks.csv"), "--out", outPath, "--stats");

        r.ExitCode.ShouldBe(0, r.Stderr);
        var lines = File.ReadAllLines(outPath);
        lines[0].ShouldBe("id1,id2,t_in_s,t_out_s,t_cpa_s,h_cpa_nm,v_cpa_ft");
        var oracleConflicts = File.ReadAllLines(RepoPaths.Reference("dev-small.oracle.csv")).Skip(1).Count(l => l.Split(',')[2] == "1");
        (lines.Length - 1).ShouldBe(oracleConflicts);
        foreach (var row in lines.Skip(1))
        {
            var f = row.Split(',');
            string.CompareOrdinal(f[0], f[1]).ShouldBeLessThan(0);
            f[2].ShouldMatch(@"^\d+\.\d{3}$");
        }
        lines.Skip(1).ShouldBe(lines.Skip(1).Order(StringComparer.Ordinal));

        using var stats = JsonDocument.Parse(r.Stderr.Trim());
        stats.RootElement.GetProperty("tracks").GetInt32().ShouldBe(300);
        stats.RootElement.GetProperty("conflicts").GetInt32().ShouldBe(oracleConflicts);
        stats.RootElement.GetProperty("candidate_pairs").GetInt64().ShouldBeGreaterThanOrEqualTo(oracleConflicts);
        stats.RootElement.GetProperty("detect_ms").GetDouble().ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Detect_writes_to_standard_output_by_default()
    {
        var path = Write("two.csv", Header, "A,0,0,35000,300,90,0", "B,0,0.2,35000,300,270,0");
        var r = TacticalCli.Run("detect", "--tracks", path);
        r.ExitCode.ShouldBe(0, r.Stderr);
        r.Stdout.ShouldStartWith("id1,id2,t_in_s,t_out_s");
        r.Stdout.ShouldContain("\nA,B,");
    }

    [Theory]
    [InlineData("A,abc,0,35000,300,90,0", 3, "lat_deg", "not a number")]
    [InlineData("A,91,0,35000,300,90,0", 3, "lat_deg", "outside")]
    [InlineData("A,0,200,35000,300,90,0", 3, "lon_deg", "outside")]
    [InlineData("A,0,0,35000,300,400,0", 3, "trk_deg", "outside")]
    [InlineData("A,0,0,35000,-5,90,0", 3, "gs_kt", "outside")]
    [InlineData("A,0,0,35000,300,90", 3, "vs_fpm", "missing")]
    [InlineData("A,0,0,NaN,300,90,0", 3, "alt_ft", "not a number")]
    [InlineData("B,0,0,35000,300,90,0", 3, "id", "already used on line 2")]
    [InlineData(",0,0,35000,300,90,0", 3, "id", "empty")]
    public void A_malformed_row_is_reported_with_file_line_and_field_and_exit_code_2(string row, int line, string field, string problem)
    {
        var path = Write("bad.csv", Header, "B,1,1,30000,300,90,0", row);
        var r = TacticalCli.Run("detect", "--tracks", path);
        r.ExitCode.ShouldBe(2);
        r.Stderr.ShouldContain($"{path}:{line}: field '{field}'");
        r.Stderr.ShouldContain(problem);
        r.Stderr.ShouldNotContain("   at ");
        r.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_header_column_is_named()
    {
        var path = Write("nohdr.csv", "id,lat_deg,lon_deg,alt_ft,trk_deg,vs_fpm", "A,0,0,35000,90,0");
        var r = TacticalCli.Run("detect", "--tracks", path);
        r.ExitCode.ShouldBe(2);
        r.Stderr.ShouldContain($"{path}:1: field 'gs_kt': missing header column");
    }

    [Fact]
    public void An_empty_file_or_a_missing_file_is_an_input_error()
    {
        var empty = Write("empty.csv");
        TacticalCli.Run("detect", "--tracks", empty).ExitCode.ShouldBe(2);
        var missing = TacticalCli.Run("detect", "--tracks", Path.Combine(_dir, "nope.csv"));
        missing.ExitCode.ShouldBe(2);
        missing.Stderr.ShouldContain("nope.csv");
    }

    [Fact]
    public void Non_positive_minima_are_refused()
    {
        var path = Write("ok.csv", Header, "A,0,0,35000,300,90,0");
        var r = TacticalCli.Run("detect", "--tracks", path, "--h-nm", "0");
        r.ExitCode.ShouldBe(2);
        r.Stderr.ShouldContain("--h-nm");
    }

    [Fact]
    public void Extra_columns_and_a_different_column_order_are_accepted()
    {
        var path = Write("cols.csv", "vs_fpm,id,callsign,lat_deg,lon_deg,alt_ft,gs_kt,trk_deg", "0,A,X,0,0,35000,300,90", "0,B,Y,0,0.2,35000,300,270");
        var r = TacticalCli.Run("detect", "--tracks", path);
        r.ExitCode.ShouldBe(0, r.Stderr);
        r.Stdout.ShouldContain("\nA,B,");
    }
}
