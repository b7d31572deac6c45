using System.Diagnostics;
using Deconflict.Core.Surveillance;
using Deconflict.Hub.Cluster.Grains;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Deconflict.Hub.Cluster;

/// <summary>
/// This hub as one silo of the Orleans cluster: it renews the cluster's lease on the single duties (holding them while
/// the lease lasts by this node's own clock, measured from before it asked, so it stops before anyone else may
/// start), registers its live picture in the node directory and relays the reports it accepts to the other nodes'.
/// </summary>
public sealed partial class OrleansHub(IGrainFactory grains, IClusterMembershipService membership, ILocalSiloDetails silo, PictureReceiver receiver,
    IOptions<HubClusterOptions> options, ILogger<OrleansHub> logger) : BackgroundService, IHubCluster
{
    private const string DutiesLease = "duties";
    private static readonly TimeSpan DirectoryRound = TimeSpan.FromSeconds(5);

    private long _leaderUntil;
    private string? _leaderNode;
    private NodePicture[] _others = [];

    public string Node => silo.SiloAddress.ToString();

    public bool IsLeader => Stopwatch.GetTimestamp() < Volatile.Read(ref _leaderUntil);

    public IReadOnlyList<ClusterNode> Members
    {
        get
        {
            var self = silo.SiloAddress;
            var leader = IsLeader ? Node : Volatile.Read(ref _leaderNode);
            return [.. membership.CurrentSnapshot.Members.Values
                .Where(m => m.Status is not SiloStatus.Dead and not SiloStatus.None)
                .OrderBy(m => m.SiloAddress.ToString(), StringComparer.Ordinal)
                .Select(m => new ClusterNode(m.SiloAddress.ToString(), m.Status.ToString(), m.SiloAddress.Equals(self), m.SiloAddress.ToString() == leader))];
        }
    }

    public void Relay(string party, IReadOnlyList<PositionReport> reports)
    {
        if (reports.Count == 0)
        {
            return;
        }
        var others = Volatile.Read(ref _others);
        if (others.Length == 0)
        {
            return;
        }
        var snapshot = membership.CurrentSnapshot;
        var batch = reports.ToArray();
        foreach (var other in others)
        {
            // Only to nodes the membership still counts as alive; a report lost on the way is replaced by the next one.
            if (!snapshot.Members.Values.Any(m => m.Status == SiloStatus.Active && m.SiloAddress.ToString() == other.Node))
            {
                continue;
            }
            try
            {
                _ = other.Picture.Reports(party, batch);
            }
            catch (Exception e) when (e is OrleansException or InvalidOperationException)
            {
                LogRelayFailed(logger, other.Node, e.Message);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var ttl = TimeSpan.FromSeconds(options.Value.LeaseS);
        var lease = grains.GetGrain<ILeaseGrain>(DutiesLease);
        var directory = grains.GetGrain<INodeDirectoryGrain>(0);
        var picture = grains.CreateObjectReference<IPictureObserver>(receiver);
        var round = TimeSpan.FromMilliseconds(Math.Max(200, ttl.TotalMilliseconds / 4));
        var nextDirectory = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(round);
        try
        {
            do
            {
                await RenewAsync(lease, ttl, stoppingToken).ConfigureAwait(false);
                if (clock.Elapsed >= nextDirectory)
                {
                    nextDirectory = clock.Elapsed + DirectoryRound;
                    try
                    {
                        Volatile.Write(ref _others, await directory.Register(Node, picture).WaitAsync(DirectoryRound, stoppingToken).ConfigureAwait(false));
                    }
                    catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                    {
                        LogDirectoryFailed(logger, e.Message);
                    }
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            grains.DeleteObjectReference<IPictureObserver>(picture);
        }
    }

    private async Task RenewAsync(ILeaseGrain lease, TimeSpan ttl, CancellationToken stoppingToken)
    {
        var asked = Stopwatch.GetTimestamp();
        try
        {
            var grant = await lease.TryAcquire(Node, ttl).WaitAsync(ttl / 2, stoppingToken).ConfigureAwait(false);
            var was = IsLeader;
            // Held until 80 % of the lease from before the question: the grantor's clock may run a little fast.
            Volatile.Write(ref _leaderUntil, grant.Granted ? asked + (long)(ttl.TotalSeconds * 0.8 * Stopwatch.Frequency) : 0);
            Volatile.Write(ref _leaderNode, grant.Holder);
            if (grant.Granted != was)
            {
                LogLeadership(logger, Node, grant.Granted, grant.Term);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // Not renewed: the lease runs out by itself on this node's clock.
            LogLeaseFailed(logger, e.Message);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (IsLeader)
        {
            Volatile.Write(ref _leaderUntil, 0);
            try
            {
                await grains.GetGrain<ILeaseGrain>(DutiesLease).Release(Node).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogLeaseFailed(logger, e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {Node} leads the cluster's single duties: {Leading} (term {Term})")]
    private static partial void LogLeadership(ILogger logger, string node, bool leading, long term);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster lease not renewed: {Reason}")]
    private static partial void LogLeaseFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node directory not reached: {Reason}")]
    private static partial void LogDirectoryFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reports not relayed to {Node}: {Reason}")]
    private static partial void LogRelayFailed(ILogger logger, string node, string reason);
}
