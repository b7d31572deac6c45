using Deconflict.Core.Strategic;
using Deconflict.Testing;

namespace Deconflict.Core.Tests.Strategic;

public class ReferenceAgreementTests
{
    public static TheoryData<string> Sets()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.Reference("strategic"), "*.intents.geojson").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file)[..^".intents.geojson".Length]);
        }
        return data;
    }

    [Fact]
    public void Reference_sets_are_present()
    {
        Sets().Count.ShouldBeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void All_pairs_agree_with_the_reference_set(string name)
    {
        var intents = IntentGeoJson.ReadCollection(File.ReadAllText(RepoPaths.Reference("strategic", name + ".intents.geojson")));
        var oracle = OraclePairs.Load(RepoPaths.Reference("strategic", name + ".oracle.csv"));
        var index = new StrategicIndex();
        foreach (var intent in intents)
        {
            index.Upsert(intent);
        }

        var conflicts = index.FindAllConflicts();

        var (missed, extra) = oracle.Compare(conflicts.Select(c => (c.IntentId1, c.IntentId2)));
        missed.ShouldBeEmpty($"{name}: missed {string.Join("; ", missed.Take(10))}");
        extra.ShouldBeEmpty($"{name}: extra {string.Join("; ", extra.Take(10))}");
        conflicts.ShouldAllBe(c => string.CompareOrdinal(c.IntentId1, c.IntentId2) < 0);
        conflicts.Select(c => (c.IntentId1, c.IntentId2)).ShouldBe(
            conflicts.Select(c => (c.IntentId1, c.IntentId2)).OrderBy(p => p.IntentId1, StringComparer.Ordinal).ThenBy(p => p.IntentId2, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Checking_each_intent_as_a_candidate_agrees_with_the_reference_set(string name)
    {
        var intents = IntentGeoJson.ReadCollection(File.ReadAllText(RepoPaths.Reference("strategic", name + ".intents.geojson")));
        var oracle = OraclePairs.Load(RepoPaths.Reference("strategic", name + ".oracle.csv"));
        var index = new StrategicIndex();
        foreach (var intent in intents)
        {
            index.Upsert(intent);
        }

        var pairs = intents.SelectMany(i => index.FindConflicts(i)).Select(c => (c.IntentId1, c.IntentId2)).ToList();

        var (missed, extra) = oracle.Compare(pairs);
        missed.ShouldBeEmpty();
        extra.ShouldBeEmpty();
    }
}
