using Orleans.Storage;

namespace Deconflict.Hub.Cluster.Grains;

/// <summary>
/// The lease, persisted in the cluster's grain storage before it is granted: a grant that could not be written (the
/// ETag moved: another activation wrote first) is no grant, and this activation steps aside for the one that wrote.
/// A reactivation after a node's loss reads the last holder and its expiry, so the lease is never granted to a second
/// node before the first one's has run out.
/// </summary>
public sealed class LeaseGrain([PersistentState("lease", LeaseGrain.Storage)] IPersistentState<LeaseState> lease, TimeProvider clock) : Grain, ILeaseGrain
{
    /// <summary>The grain storage the cluster's leases are kept in.</summary>
    public const string Storage = "cluster";

    public async Task<LeaseGrant> TryAcquire(string node, TimeSpan ttl)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        var now = clock.GetUtcNow();
        var s = lease.State;
        if (s.Holder is not null && s.Holder != node && s.ExpiresAt > now)
        {
            return new LeaseGrant(false, s.Holder, s.ExpiresAt, s.Term);
        }
        var (holder, expires, term) = (s.Holder, s.ExpiresAt, s.Term);
        if (s.Holder != node)
        {
            s.Term++;
        }
        s.Holder = node;
        s.ExpiresAt = now + ttl;
        try
        {
            await lease.WriteStateAsync().ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext);
        }
        catch (InconsistentStateException)
        {
            (s.Holder, s.ExpiresAt, s.Term) = (holder, expires, term);
            DeactivateOnIdle();
            return new LeaseGrant(false, null, default, term);
        }
        return new LeaseGrant(true, node, s.ExpiresAt, s.Term);
    }

    public async Task Release(string node)
    {
        if (lease.State.Holder == node)
        {
            lease.State.ExpiresAt = clock.GetUtcNow();
            try
            {
                await lease.WriteStateAsync().ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext);
            }
            catch (InconsistentStateException)
            {
                DeactivateOnIdle();
            }
        }
    }
}
