using System.Collections.Concurrent;
using Deconflict.Core.Surveillance;
using Deconflict.Hub.Cluster.Grains;

namespace Deconflict.Hub.Tests.Cluster.Grains;

/// <summary>How nodes find each other's live pictures, and what a relayed report looks like when it arrives.</summary>
public sealed class NodeDirectoryTests(SiloCluster silos) : IClassFixture<SiloCluster>
{
    [Fact]
    public async Task Each_node_is_told_the_others_and_a_node_that_stops_registering_is_forgotten()
    {
        var directory = silos.Grains.GetGrain<INodeDirectoryGrain>(Random.Shared.NextInt64(1, long.MaxValue));
        var pictures = new[] { "n1", "n2", "n3" }.ToDictionary(n => n, n => silos.Grains.CreateObjectReference<IPictureObserver>(new Picture()));
        (await directory.Register("n1", pictures["n1"])).ShouldBeEmpty();
        (await directory.Register("n2", pictures["n2"])).Select(p => p.Node).ShouldBe(["n1"]);
        (await directory.Register("n3", pictures["n3"])).Select(p => p.Node).ShouldBe(["n1", "n2"]);

        // n1 and n3 keep registering; n2 has stopped and is dropped once it has been silent long enough.
        silos.Clock.Advance(TimeSpan.FromSeconds(20));
        await directory.Register("n1", pictures["n1"]);
        silos.Clock.Advance(TimeSpan.FromSeconds(15));
        (await directory.Register("n3", pictures["n3"])).Select(p => p.Node).ShouldBe(["n1"]);
    }

    [Fact]
    public async Task Reports_relayed_to_another_node_arrive_whole_for_their_party()
    {
        var received = new Picture();
        var reference = silos.Grains.CreateObjectReference<IPictureObserver>(received);
        var directory = silos.Grains.GetGrain<INodeDirectoryGrain>(Random.Shared.NextInt64(1, long.MaxValue));
        await directory.Register("receiver", reference);
        var others = await directory.Register("sender", silos.Grains.CreateObjectReference<IPictureObserver>(new Picture()));
        PositionReport[] reports =
        [
            new("4b1804", 1_700_000_000.25, 46.5, 7.25, 35_000, 450, 271.5, -640, "INT-1", "SWR12"),
            new("3c6444", 1_700_000_001, -33.9, 151.2, double.NaN, double.NaN, 10, double.NaN),
        ];
        await others.Single().Picture.Reports("party-a", reports);
        // One-way: wait (bounded) for it to arrive.
        for (var i = 0; i < 100 && received.Arrived.IsEmpty; i++)
        {
            await Task.Delay(50);
        }
        received.Arrived.TryDequeue(out var arrived).ShouldBeTrue();
        arrived.Party.ShouldBe("party-a");
        arrived.Reports.ShouldBe(reports);
    }

    private sealed class Picture : IPictureObserver
    {
        public ConcurrentQueue<(string Party, PositionReport[] Reports)> Arrived { get; } = new();

        public Task Reports(string party, PositionReport[] reports)
        {
            Arrived.Enqueue((party, reports));
            return Task.CompletedTask;
        }
    }
}
