using System.IO.Compression;
using Deconflict.Core.Geodesy;
using Deconflict.Core.Surveillance;
using Deconflict.Core.Tactical;
using Deconflict.Testing;

namespace Deconflict.Core.Tests.Surveillance;

/// <summary>
/// The flight-level rule on real traffic: the Swiss full day's warnings between level aircraft on
/// adjacent flight levels go, and conflicts injected into the real recording are all alerted at
/// least 60 s before they happen.
/// </summary>
public class FlightLevelAlertingTests
{
    [Theory]
    [InlineData(36000, 0, 37000, 0, true)]
    [InlineData(35975, 64, 36950, -64, true)] // 975 ft apart as reported: adjacent levels
    [InlineData(36000, 0, 37075, 64, true)]
    [InlineData(36000, 0, 36500, 0, false)] // levels 500 ft apart
    [InlineData(36000, 0, 36850, 0, false)] // off its level by 150 ft
    [InlineData(36000, 0, 36800, 0, false)] // off every level
    [InlineData(36000, 0, 37000, 1500, false)] // climbing
    [InlineData(36000, -2000, 37000, 0, false)] // descending
    [InlineData(36000, 0, 36000, 0, false)] // same level
    public void Level_aircraft_on_levels_the_minimum_apart_are_separated_and_nothing_else_is(double a1, double v1, double a2, double v2, bool separated)
    {
        FlightLevelRule.Default.Separates(a1, v1, a2, v2, 1000).ShouldBe(separated);
        FlightLevelRule.Default.Separates(a2, v2, a1, v1, 1000).ShouldBe(separated);
    }

    [Fact]
    public void A_noisy_rate_does_not_unlevel_an_aircraft_whose_altitude_has_held_but_a_short_hold_does_not_level_a_climber()
    {
        FlightLevelRule.Default.Separates(36000, 768, 37000, 0, 1000, altitude1HeldS: 60).ShouldBeTrue();
        FlightLevelRule.Default.Separates(36000, 768, 37000, 0, 1000, altitude1HeldS: 10).ShouldBeFalse();
    }

    [Fact]
    public void A_larger_vertical_minimum_in_an_agreement_needs_levels_that_far_apart()
    {
        FlightLevelRule.Default.Separates(36000, 0, 37000, 0, 2000).ShouldBeFalse();
        FlightLevelRule.Default.Separates(36000, 0, 38000, 0, 2000).ShouldBeTrue();
    }

    [Fact]
    public async Task Swiss_day_warnings_between_level_aircraft_on_adjacent_flight_levels_fall_to_zero()
    {
        var reports = LoadFullDay();
        var adjacent = AdjacentLevelPairs(reports);
        adjacent.Count.ShouldBeGreaterThan(100);
        var before = await Warned(reports, null);
        var after = await Warned(reports, FlightLevelRule.Default);
        // Without the rule every one of them is warned (the nuisance); with it, none is.
        adjacent.Count(before.Contains).ShouldBe(adjacent.Count);
        adjacent.Count(after.Contains).ShouldBe(0);
    }

    [Fact]
    public async Task Conflicts_injected_into_the_real_recording_are_alerted_at_least_60_s_before_they_happen()
    {
        using var reader = PositionReportCsvReader.Open(RepoPaths.Data("switzerland_2018-08-01_0900-1300Z.reports.csv"));
        var recorded = reader.ReadAll();
        var scenarios = InjectedConflicts.Standard(recorded[0].TimeS);
        var all = recorded.Concat(scenarios.SelectMany((s, i) => InjectedConflicts.Reports(s, i))).OrderBy(r => r.TimeS).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var replay = new RecordingReplay(new LiveAlerting(new LiveTrackStore(), SeparationMinima.Default) { LevelRule = FlightLevelRule.Default });
        await replay.RunAsync(all, TestContext.Current.CancellationToken);
        foreach (var s in scenarios)
        {
            var episode = replay.Episodes.FirstOrDefault(e => e.Id1 == s.A.Id && e.Id2 == s.B.Id);
            if (!s.ShouldAlert)
            {
                episode.ShouldBeNull(s.Name);
                continue;
            }
            var los = InjectedConflicts.LossOfSeparationS(s);
            double.IsNaN(los).ShouldBeFalse($"{s.Name}: the scenario must lose separation");
            episode.ShouldNotBeNull(s.Name);
            episode.RaisedS.ShouldBeLessThanOrEqualTo(los - 60, s.Name);
            episode.MaxLevel.ShouldBe(AlertLevel.Warning, s.Name);
        }
    }

    private static List<PositionReport> LoadFullDay()
    {
        using var file = File.OpenRead(RepoPaths.Data("switzerland_2018-08-01_full.reports.csv.gz"));
        using var reader = new PositionReportCsvReader(new StreamReader(new GZipStream(file, CompressionMode.Decompress)));
        return reader.ReadAll();
    }

    private static async Task<HashSet<(string, string)>> Warned(List<PositionReport> reports, FlightLevelRule? rule)
    {
        var replay = new RecordingReplay(new LiveAlerting(new LiveTrackStore(), SeparationMinima.Default) { LevelRule = rule });
        await replay.RunAsync(reports, TestContext.Current.CancellationToken);
        return [.. replay.Episodes.Where(e => e.MaxLevel == AlertLevel.Warning).Select(e => (e.Id1, e.Id2))];
    }

    /// <summary>
    /// Pairs that come within 5 NM and under 1000 ft at one report time while both are level by
    /// their altitude history (reported altitude within 100 ft over the two minutes either side,
    /// independent of the reported rates) and 950 ft or more apart: adjacent flight levels.
    /// </summary>
    private static List<(string, string)> AdjacentLevelPairs(List<PositionReport> reports)
    {
        var byId = reports.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        bool Level(string id, double t, double alt) =>
            byId[id].Where(r => Math.Abs(r.TimeS - t) <= 120).All(r => Math.Abs(r.AltFt - alt) <= 100);
        var pairs = new HashSet<(string, string)>();
        foreach (var group in reports.GroupBy(r => r.TimeS))
        {
            var at = group.ToList();
            for (var i = 0; i < at.Count; i++)
            {
                for (var j = i + 1; j < at.Count; j++)
                {
                    var (a, b) = string.CompareOrdinal(at[i].Id, at[j].Id) < 0 ? (at[i], at[j]) : (at[j], at[i]);
                    var dz = Math.Abs(a.AltFt - b.AltFt);
                    if (dz is < 950 or >= 1000 || Math.Abs(a.LatDeg - b.LatDeg) > 0.1)
                    {
                        continue;
                    }
                    if (Geodesic.Inverse(a.LatDeg, a.LonDeg, b.LatDeg, b.LonDeg).DistanceM < 5 * 1852
                        && Level(a.Id, a.TimeS, a.AltFt) && Level(b.Id, b.TimeS, b.AltFt))
                    {
                        pairs.Add((a.Id, b.Id));
                    }
                }
            }
        }
        return [.. pairs];
    }
}
