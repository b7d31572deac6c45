using Deconflict.Hub.Cluster.Grains;

namespace Deconflict.Hub.Tests.Cluster.Grains;

/// <summary>The lease behind the cluster's single duties, on three silos: one holder at a time, fenced by the ETag.</summary>
public sealed class LeaseGrainTests(SiloCluster silos) : IClassFixture<SiloCluster>
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(1);

    private ILeaseGrain Lease(string name) => silos.Grains.GetGrain<ILeaseGrain>(name + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_lease_is_held_by_one_node_at_a_time_and_passes_on_only_after_it_runs_out()
    {
        var lease = Lease("one-");
        var a = await lease.TryAcquire("a", Ttl);
        a.Granted.ShouldBeTrue();
        var b = await lease.TryAcquire("b", Ttl);
        b.Granted.ShouldBeFalse();
        b.Holder.ShouldBe("a");
        b.ExpiresAt.ShouldBe(a.ExpiresAt);

        // Renewing keeps the term; the others still wait.
        silos.Clock.Advance(TimeSpan.FromSeconds(40));
        var renewed = await lease.TryAcquire("a", Ttl);
        renewed.Granted.ShouldBeTrue();
        renewed.Term.ShouldBe(a.Term);
        (await lease.TryAcquire("b", Ttl)).Granted.ShouldBeFalse();

        // The holder stops renewing: once its lease has run out, another is granted it in a new term.
        silos.Clock.Advance(Ttl + TimeSpan.FromMilliseconds(1));
        var taken = await lease.TryAcquire("b", Ttl);
        taken.Granted.ShouldBeTrue();
        taken.Term.ShouldBe(a.Term + 1);
        var late = await lease.TryAcquire("a", Ttl);
        late.Granted.ShouldBeFalse();
        late.Holder.ShouldBe("b");
    }

    [Fact]
    public async Task A_released_lease_is_granted_to_another_at_once_and_a_stranger_cannot_release_it()
    {
        var lease = Lease("release-");
        (await lease.TryAcquire("a", Ttl)).Granted.ShouldBeTrue();
        await lease.Release("b");
        (await lease.TryAcquire("b", Ttl)).Granted.ShouldBeFalse();
        await lease.Release("a");
        (await lease.TryAcquire("b", Ttl)).Granted.ShouldBeTrue();
    }

    [Fact]
    public async Task An_activation_whose_state_was_overwritten_by_another_grants_nothing_and_yields_to_the_write()
    {
        var lease = Lease("fence-");
        var a = await lease.TryAcquire("a", Ttl);
        a.Granted.ShouldBeTrue();
        silos.Clock.Advance(Ttl + TimeSpan.FromSeconds(1));

        // A second activation (as during a partition) grants the expired lease to "b" and writes it: the ETag moves.
        var id = lease.GetGrainId();
        var stored = new GrainState<LeaseState>();
        await silos.Storage.ReadStateAsync("lease", id, stored);
        stored.State.ShouldNotBeNull();
        stored.State.Holder = "b";
        stored.State.Term++;
        stored.State.ExpiresAt = silos.Clock.GetUtcNow() + Ttl;
        await silos.Storage.WriteStateAsync("lease", id, stored);

        // This activation still believes the lease expired: its grant to "c" fails on the ETag and is no grant.
        var refused = await lease.TryAcquire("c", Ttl);
        refused.Granted.ShouldBeFalse();
        // Reactivated from storage, the grain knows the other activation's holder.
        var after = await lease.TryAcquire("c", Ttl);
        after.Granted.ShouldBeFalse();
        after.Holder.ShouldBe("b");
        after.Term.ShouldBe(a.Term + 1);
    }

    [Fact]
    public async Task A_lease_outlives_the_loss_of_the_silo_that_held_its_grain()
    {
        await using var own = new SiloCluster();
        await own.InitializeAsync();
        var lease = own.Grains.GetGrain<ILeaseGrain>("duties");
        var a = await lease.TryAcquire("a", Ttl);
        a.Granted.ShouldBeTrue();
        // Stop every silo but the first: wherever the grain was, it is now reactivated on the last one from storage.
        foreach (var silo in own.Cluster.GetActiveSilos().Skip(1).ToList())
        {
            await own.Cluster.StopSiloAsync(silo);
        }
        var b = await lease.TryAcquire("b", Ttl);
        b.Granted.ShouldBeFalse();
        b.Holder.ShouldBe("a");
        b.Term.ShouldBe(a.Term);
    }
}
