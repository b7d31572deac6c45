using Deconflict.Core.Strategic;
using Deconflict.Core.Strategic.Indexing;
using static Deconflict.Core.Tests.Strategic.Build;

namespace Deconflict.Core.Tests.Strategic;

public class StrategicIndexTests
{
    // A small, crowded theatre so that many pairs conflict.
    private static readonly IntentTheatre Crowded = new(34.0, 37.0, 35.0, 38.5, T0, TimeSpan.FromHours(12));

    private static List<OperationalIntent> Generate(int count, int seed, IntentTheatre theatre)
    {
        var generator = new IntentGenerator(seed, theatre);
        return [.. Enumerable.Range(1, count).Select(generator.Next)];
    }

    /// <summary>Every pair tested directly, with no index: the definition the index must reproduce.</summary>
    private static SortedSet<(string, string)> BruteForce(IReadOnlyList<OperationalIntent> intents, StrategicBuffers buffers)
    {
        var prepared = intents.Select(i => i.Volumes.Select(v => new PreparedVolume(v)).ToArray()).ToArray();
        var pairs = new SortedSet<(string, string)>();
        for (var i = 0; i < intents.Count; i++)
        {
            for (var j = i + 1; j < intents.Count; j++)
            {
                var (a, b) = (intents[i], intents[j]);
                if (a.Party == b.Party || a.State == IntentState.Ended || b.State == IntentState.Ended)
                {
                    continue;
                }
                if (prepared[i].Any(va => prepared[j].Any(vb => PreparedVolume.Conflict(va, vb, buffers, out _))))
                {
                    pairs.Add(string.CompareOrdinal(a.Id, b.Id) < 0 ? (a.Id, b.Id) : (b.Id, a.Id));
                }
            }
        }
        return pairs;
    }

    private static SortedSet<(string, string)> Pairs(IEnumerable<StrategicConflict> conflicts) =>
        new(conflicts.Select(c => string.CompareOrdinal(c.IntentId1, c.IntentId2) < 0 ? (c.IntentId1, c.IntentId2) : (c.IntentId2, c.IntentId1)));

    [Theory]
    [InlineData(11, 0)]
    [InlineData(12, 2000)]
    public void All_pairs_match_brute_force_on_random_theatres(int seed, double bufferM)
    {
        var intents = Generate(400, seed, Crowded);
        var buffers = new StrategicBuffers(bufferM, 0, 0);
        var index = new StrategicIndex();
        intents.ForEach(index.Upsert);

        var expected = BruteForce(intents, buffers);

        expected.Count.ShouldBeGreaterThan(100);
        Pairs(index.FindAllConflicts((_, _) => buffers)).ShouldBe(expected);
    }

    [Fact]
    public void Upserts_and_removals_keep_the_index_equal_to_brute_force()
    {
        var intents = Generate(300, 21, Crowded);
        var replacements = Generate(300, 22, Crowded);
        var index = new StrategicIndex(cellDeg: 0.1);
        intents.ForEach(index.Upsert);
        var live = intents.Where(i => i.State != IntentState.Ended).ToDictionary(i => i.Id);
        var random = new Random(5);
        for (var step = 0; step < 200; step++)
        {
            var victim = intents[random.Next(intents.Count)];
            switch (random.Next(3))
            {
                case 0:
                    index.Remove(victim.Party, victim.Id);
                    live.Remove(victim.Id);
                    break;
                case 1:
                    var changed = replacements[random.Next(replacements.Count)] with { Id = victim.Id, Party = victim.Party };
                    index.Upsert(changed);
                    if (changed.State == IntentState.Ended)
                    {
                        live.Remove(victim.Id);
                    }
                    else
                    {
                        live[victim.Id] = changed;
                    }
                    break;
                default:
                    var ended = victim with { State = IntentState.Ended };
                    index.Upsert(ended);
                    live.Remove(victim.Id);
                    break;
            }
        }

        index.Count.ShouldBe(live.Count);
        var current = live.Values.ToList();
        Pairs(index.FindAllConflicts()).ShouldBe(BruteForce(current, default));
        foreach (var replacement in replacements.Take(60))
        {
            var candidate = replacement with { Id = "candidate-" + replacement.Id };
            var expected = BruteForce([candidate, .. current], default).Where(p => p.Item1 == candidate.Id || p.Item2 == candidate.Id);
            Pairs(index.FindConflicts(candidate)).ShouldBe(new SortedSet<(string, string)>(expected));
        }
    }

    [Fact]
    public void A_candidate_already_held_is_not_checked_against_itself_or_its_old_version()
    {
        var index = new StrategicIndex();
        var mine = Intent("a", "p1", Circle(34, 37, 5000));
        index.Upsert(mine);
        index.Upsert(Intent("b", "p2", Circle(34, 37.01, 5000)));
        index.FindConflicts(mine with { Volumes = [.. mine.Volumes, .. mine.Volumes] }).Select(c => c.IntentId2).ShouldBe(["b"]);
    }

    [Fact]
    public void The_same_id_under_two_parties_is_two_intents()
    {
        var index = new StrategicIndex();
        index.Upsert(Intent("x", "p1", Circle(34, 37, 5000)));
        index.Upsert(Intent("x", "p2", Circle(34, 37.01, 5000)));

        index.Count.ShouldBe(2);
        index.Get("p1", "x")!.Party.ShouldBe("p1");
        index.Get("p2", "x")!.Party.ShouldBe("p2");
        var conflict = index.FindAllConflicts().ShouldHaveSingleItem();
        (conflict.Party1, conflict.Party2).ShouldBe(("p1", "p2"));
        index.Remove("p1", "x").ShouldBeTrue();
        index.Get("p2", "x").ShouldNotBeNull();
        index.FindConflicts(Intent("x", "p3", Circle(34, 37, 5000))).Select(c => (c.IntentId2, c.Party2)).ShouldBe([("x", "p2")]);
    }

    [Fact]
    public void Indexes_work_across_the_antimeridian_and_over_the_poles()
    {
        foreach (var theatre in new[]
        {
            new IntentTheatre(-20, 178, -17, -178, T0, TimeSpan.FromHours(12)),
            new IntentTheatre(86, -180, 89, 180, T0, TimeSpan.FromHours(12)),
            new IntentTheatre(-89, -180, -86, 180, T0, TimeSpan.FromHours(12)),
        })
        {
            var intents = Generate(250, 3, theatre);
            var index = new StrategicIndex();
            intents.ForEach(index.Upsert);
            var expected = BruteForce(intents, default);
            expected.Count.ShouldBeGreaterThan(10, $"theatre {theatre}");
            Pairs(index.FindAllConflicts()).ShouldBe(expected, $"theatre {theatre}");
        }
    }
}
