using System.Net;
using System.Net.Sockets;
using Deconflict.Core.Asterix;
using Deconflict.Core.Surveillance;
using Deconflict.Hub.Events;
using Deconflict.Hub.Storage;
using Microsoft.Extensions.Options;

namespace Deconflict.Hub.Tracks;

/// <summary>
/// Listens to the configured ASTERIX sources (UDP, multicast or unicast, several at once) and feeds their CAT021,
/// CAT062 and CAT048 targets into the live picture as tracks of each source's party. Times of day are placed on the
/// day nearest the hub's clock; malformed blocks and items are skipped and counted per source, and the socket goes
/// on. An aircraft with an ICAO address is named by it, so the same aircraft from ASTERIX and SBS-1 of one party is
/// one track; a target without one is associated with the party's tracks by position and time (<see cref="TrackAssociator"/>).
/// </summary>
public sealed partial class AsterixFeedListener(LivePicture picture, IHubStore store, HubEvents events, Cluster.IHubCluster cluster, IOptions<SurveillanceOptions> options,
    ILogger<AsterixFeedListener> logger) : BackgroundService
{
    private readonly List<AsterixSourceState> _sources = [];

    /// <summary>Each source with its decoder's counts, once it listens.</summary>
    public IReadOnlyList<AsterixSourceState> Sources
    {
        get
        {
            lock (_sources)
            {
                return [.. _sources];
            }
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var radars = new Dictionary<(int Sac, int Sic), RadarSite>();
        foreach (var text in o.AsterixRadars)
        {
            if (RadarSite.TryParseAssignment(text, out var radar, out var site, out var problem))
            {
                radars[radar] = site;
            }
            else
            {
                LogBadSource(logger, text, problem);
            }
        }
        var listeners = new List<Task>();
        foreach (var text in o.AsterixSources)
        {
            if (!AsterixSource.TryParse(text, out var source, out var problem))
            {
                LogBadSource(logger, text, problem);
                continue;
            }
            listeners.Add(ListenAsync(source, radars, o, stoppingToken));
        }
        return Task.WhenAll(listeners);
    }

    private async Task ListenAsync(AsterixSource source, Dictionary<(int Sac, int Sic), RadarSite> radars, SurveillanceOptions o, CancellationToken ct)
    {
        var partyName = source.Party ?? o.AsterixParty;
        if (string.IsNullOrWhiteSpace(partyName))
        {
            LogNoParty(logger, source.Name, "");
            return;
        }
        try
        {
            PartyRecord? party;
            while ((party = await SbsFeedClient.FindPartyAsync(store, partyName, ct).ConfigureAwait(false)) is null)
            {
                LogNoParty(logger, source.Name, partyName);
                await Task.Delay(TimeSpan.FromSeconds(o.SbsMaxBackoffS), picture.Clock, ct).ConfigureAwait(false);
            }
            using var socket = Open(source);
            // Association within the source's party's picture only: another party's tracks are that party's view.
            var association = o.TrackAssociation();
            var feed = new AsterixFeed(radars, () => picture.NowS)
            {
                Associator = association is null ? null : new TrackAssociator(picture.Store, party.Id, association),
            };
            if (feed.Associator is not null)
            {
                picture.AddAssociator(feed.Associator);
            }
            var state = new AsterixSourceState(source, party.Id, feed);
            lock (_sources)
            {
                _sources.Add(state);
            }
            LogListening(logger, source.Name, source.Address.ToString(), source.Port, party.Name);
            using var intake = new FeedIntake(picture, store, events, cluster, party.Id, source.Name, o.AsterixAuditIntervalS);
            var buffer = new byte[65_536];
            var reports = new List<PositionReport>(256);
            try
            {
                while (true)
                {
                    int n;
                    using (var wait = CancellationTokenSource.CreateLinkedTokenSource(ct))
                    {
                        // Wake at least once per audit interval so a quiet source still writes its entry.
                        wait.CancelAfter(TimeSpan.FromSeconds(o.AsterixAuditIntervalS));
                        try
                        {
                            n = await socket.ReceiveAsync(buffer, SocketFlags.None, wait.Token).ConfigureAwait(false);
                        }
                        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                        {
                            n = -1;
                        }
                    }
                    if (n > 0)
                    {
                        reports.Clear();
                        state.Feed.Push(buffer.AsSpan(0, n), double.NaN, reports);
                        intake.Take(reports);
                    }
                    await intake.AccountIfDueAsync(ct).ConfigureAwait(false);
                }
            }
            finally
            {
                await intake.AccountAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // stopping
        }
        catch (SocketException e)
        {
            LogSocket(logger, source.Name, e.Message);
        }
    }

    /// <summary>A UDP socket bound to the source's port; joined to its group when the address is multicast.</summary>
    private static Socket Open(AsterixSource source)
    {
        var family = source.Address.AddressFamily;
        var socket = new Socket(family, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            if (!source.IsMulticast)
            {
                socket.Bind(new IPEndPoint(source.Address, source.Port));
                return socket;
            }
            var any = family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any;
            socket.Bind(new IPEndPoint(any, source.Port));
            if (family == AddressFamily.InterNetworkV6)
            {
                var index = source.Interface is null ? 0 : InterfaceIndex(source.Interface);
                socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.AddMembership, new IPv6MulticastOption(source.Address, index));
            }
            else
            {
                socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership,
                    new MulticastOption(source.Address, source.Interface ?? IPAddress.Any));
            }
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static long InterfaceIndex(IPAddress address) =>
        System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .Where(i => i.GetIPProperties().UnicastAddresses.Any(a => a.Address.Equals(address)))
            .Select(i => (long)i.GetIPProperties().GetIPv6Properties().Index)
            .FirstOrDefault();

    [LoggerMessage(Level = LogLevel.Error, Message = "ASTERIX source '{Source}' ignored: {Problem}")]
    private static partial void LogBadSource(ILogger logger, string source, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ASTERIX source {Source}: party '{Party}' does not exist (yet); retrying")]
    private static partial void LogNoParty(ILogger logger, string source, string party);

    [LoggerMessage(Level = LogLevel.Information, Message = "ASTERIX source {Source} listening on {Address}:{Port} for party {Party}")]
    private static partial void LogListening(ILogger logger, string source, string address, int port, string party);

    [LoggerMessage(Level = LogLevel.Error, Message = "ASTERIX source {Source} cannot listen: {Reason}")]
    private static partial void LogSocket(ILogger logger, string source, string reason);
}

/// <summary>A listening ASTERIX source: its party and its decoder, whose counts say what was received and skipped.</summary>
public sealed class AsterixSourceState(AsterixSource source, string party, AsterixFeed feed)
{
    public AsterixSource Source { get; } = source;

    public string Party { get; } = party;

    public AsterixFeed Feed { get; } = feed;
}
