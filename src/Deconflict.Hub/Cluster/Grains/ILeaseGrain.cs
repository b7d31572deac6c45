namespace Deconflict.Hub.Cluster.Grains;

/// <summary>
/// A named lease one node holds at a time (the cluster's single duties). Its state is persisted with an ETag, so a
/// second activation of the grain during a failure cannot grant it a second time: its write is refused.
/// </summary>
public interface ILeaseGrain : IGrainWithStringKey
{
    /// <summary>Grants or renews the lease for <paramref name="node"/> for <paramref name="ttl"/> when it is free, expired or already its.</summary>
    Task<LeaseGrant> TryAcquire(string node, TimeSpan ttl);

    /// <summary>Gives the lease up early (a node stopping cleanly), so another takes it at once.</summary>
    Task Release(string node);
}

/// <summary>The answer: granted or not, who holds it, until when, and the holder's term (increases with each new holder).</summary>
[GenerateSerializer, Immutable]
public sealed record LeaseGrant([property: Id(0)] bool Granted, [property: Id(1)] string? Holder, [property: Id(2)] DateTimeOffset ExpiresAt, [property: Id(3)] long Term);
