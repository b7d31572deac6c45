using System.Globalization;
using Deconflict.Core.Tactical;
using Deconflict.Core.Tactical.Bands;
using Deconflict.Testing;

namespace Deconflict.Core.Tests.Tactical.Bands;

/// <summary>Agreement with NASA DAIDALUS's bands on every reference set in ../shared/reference/bands/.</summary>
public class BandsReferenceTests
{
    public static TheoryData<string> Sets()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.Reference("bands"), "*.bands.csv").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file)[..^".bands.csv".Length]);
        }
        return data;
    }

    [Fact]
    public void Reference_sets_are_present() => Sets().Count.ShouldBeGreaterThanOrEqualTo(3);

    [Theory]
    [MemberData(nameof(Sets))]
    public void The_ownships_are_the_aircraft_in_conflict(string name)
    {
        var snapshot = TrafficCsv.Read(RepoPaths.Reference(name + ".tracks.csv"));
        var expected = OracleOwnships(snapshot, name);

        var found = GuidanceBandsCalculator.SortAndSample(snapshot, new GuidanceBandsCalculator().AircraftInConflict(snapshot), 150);

        found.Select(i => snapshot.Ids[i]).ShouldBe(expected.Select(i => snapshot.Ids[i]));
    }

    /// <summary>
    /// Every (ownship, kind) must match at one step of the grid (compare_bands.py's default tolerances),
    /// recovery bands included.
    /// </summary>
    [Theory]
    [MemberData(nameof(Sets))]
    public void Bands_agree_with_DAIDALUS(string name)
    {
        var snapshot = TrafficCsv.Read(RepoPaths.Reference(name + ".tracks.csv"));
        var ownships = OracleOwnships(snapshot, name);
        var results = new GuidanceBandsCalculator().Compute(snapshot, ownships);
        var csv = new StringWriter();
        BandsCsv.Write(csv, snapshot, results);

        var result = BandsComparison.Compare(File.ReadAllText(RepoPaths.Reference("bands", name + ".bands.csv")), csv.ToString());

        result.FormatProblems.ShouldBeEmpty();
        result.MissingOwnships.ShouldBeEmpty();
        result.ExtraOwnships.ShouldBeEmpty();
        result.Compared.ShouldBe(4 * ownships.Length);
        result.Mismatches.ShouldBeEmpty(result.ToString());
    }

    [Fact]
    public void The_comparison_rejects_a_band_edge_moved_by_two_steps()
    {
        var reference = File.ReadAllText(RepoPaths.Reference("bands", "dev-small.bands.csv"));
        BandsComparison.Compare(reference, reference).Passed.ShouldBeTrue();

        // JMY497's altitude band 26400-28700 NEAR becomes 26600-28700.
        var moved = reference.Replace("JMY497,alt_ft,0.0000,26400.0000,NONE\nJMY497,alt_ft,26400.0000", "JMY497,alt_ft,0.0000,26600.0000,NONE\nJMY497,alt_ft,26600.0000", StringComparison.Ordinal);
        moved.ShouldNotBe(reference);
        var result = BandsComparison.Compare(reference, moved);
        result.Passed.ShouldBeFalse();
        result.Mismatches.Single().Kind.ShouldBe("alt_ft");
    }

    [Fact]
    public void The_comparison_ignores_a_band_one_step_wide_and_rotates_the_track_circle()
    {
        const string reference = "ownship,kind,lower,upper,region\nA,trk_deg,0.0000,10.0000,NEAR\nA,trk_deg,10.0000,350.0000,NONE\nA,trk_deg,350.0000,360.0000,NEAR\n";
        const string candidate = "ownship,kind,lower,upper,region\nA,trk_deg,0.0000,10.5000,NEAR\nA,trk_deg,10.5000,100.0000,NONE\nA,trk_deg,100.0000,101.0000,NEAR\nA,trk_deg,101.0000,349.5000,NONE\nA,trk_deg,349.5000,360.0000,NEAR\n";
        BandsComparison.Compare(reference, candidate).Passed.ShouldBeTrue();
    }

    // FORMAT.md: the aircraft of conflict=1 rows of the oracle, sorted by id, sampled beyond 150.
    private static int[] OracleOwnships(TrafficSnapshot snapshot, string name)
    {
        var index = Enumerable.Range(0, snapshot.Count).ToDictionary(i => snapshot.Ids[i], StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(RepoPaths.Reference(name + ".oracle.csv")).Skip(1))
        {
            var f = line.Split(',');
            if (f.Length >= 3 && int.Parse(f[2], CultureInfo.InvariantCulture) == 1)
            {
                ids.Add(f[0]);
                ids.Add(f[1]);
            }
        }
        return GuidanceBandsCalculator.SortAndSample(snapshot, ids.Select(id => index[id]), 150);
    }
}
