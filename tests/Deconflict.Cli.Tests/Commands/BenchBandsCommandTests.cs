using Deconflict.Cli.Commands;

namespace Deconflict.Cli.Tests.Commands;

public sealed class BenchBandsCommandTests
{
    [Fact]
    public void A_sample_times_that_many_aircraft_in_conflict()
    {
        var r = TacticalCli.Run("bench", "bands", "--n", "3000", "--sample", "25");
        r.ExitCode.ShouldBe(0, r.Stderr);
        // The row: aircraft, in conflict, timed, ...
        r.Stdout.ShouldContain("3,000");
        r.Stdout.ShouldContain(" 25 ");
        r.Stdout.ShouldContain("load average");
    }

    [Fact]
    public void A_negative_sample_is_an_input_error()
    {
        var r = TacticalCli.Run("bench", "bands", "--n", "3000", "--sample", "-1");
        r.ExitCode.ShouldBe(2);
        r.Stderr.ShouldContain("--sample");
    }

    [Fact]
    public void The_sample_is_a_seeded_sorted_subset_and_all_when_not_smaller()
    {
        int[] inConflict = [.. Enumerable.Range(0, 500).Select(i => i * 3)];
        var a = BenchBandsCommand.Sample(inConflict, 40, 7);
        a.Length.ShouldBe(40);
        a.ShouldBe(BenchBandsCommand.Sample(inConflict, 40, 7));
        a.ShouldBeInOrder();
        a.Distinct().Count().ShouldBe(40);
        a.ShouldAllBe(i => inConflict.Contains(i));
        BenchBandsCommand.Sample(inConflict, 40, 8).ShouldNotBe(a);
        BenchBandsCommand.Sample(inConflict, 0, 7).ShouldBe(inConflict);
        BenchBandsCommand.Sample(inConflict, 900, 7).ShouldBe(inConflict);
    }
}
