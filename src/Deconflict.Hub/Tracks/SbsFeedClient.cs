using System.Globalization;
using System.Net.Sockets;
using Deconflict.Core.Surveillance;
using Deconflict.Hub.Events;
using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;
using Microsoft.Extensions.Options;

namespace Deconflict.Hub.Tracks;

/// <summary>
/// Connects to an SBS-1 (BaseStation, port 30003) feed as a TCP client and feeds its aircraft into the
/// live picture as tracks of one party. Reports are stamped with the hub's clock at receipt (receivers
/// write their own local time into the lines). When the feed drops, goes silent or cannot be reached, it
/// reconnects with exponential back-off; bad lines are skipped and counted in <see cref="Stats"/>.
/// </summary>
public sealed partial class SbsFeedClient(LivePicture picture, IHubStore store, HubEvents events, Cluster.IHubCluster cluster, IOptions<SurveillanceOptions> options,
    ILogger<SbsFeedClient> logger)
    : BackgroundService
{
    private readonly SbsFeed _feed = new(new SbsTrackMerger(), () => picture.NowS);

    public SbsFeedStats Stats => _feed.Stats;

    /// <summary>Successful connections so far.</summary>
    public int Connections { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.SbsFeed))
        {
            return;
        }
        if (!TryParseEndpoint(o.SbsFeed, out var host, out var port))
        {
            LogBadEndpoint(logger, o.SbsFeed);
            return;
        }
        var backoff = o.SbsInitialBackoffS;
        var buffer = new byte[64 * 1024];
        var reports = new List<PositionReport>(1024);
        while (!stoppingToken.IsCancellationRequested)
        {
            var delivered = false;
            FeedIntake? intake = null;
            try
            {
                var party = string.IsNullOrWhiteSpace(o.SbsParty) ? null : await FindPartyAsync(store, o.SbsParty, stoppingToken).ConfigureAwait(false);
                if (party is null)
                {
                    LogNoParty(logger, o.SbsParty ?? "");
                }
                else
                {
                    using var client = new TcpClient { NoDelay = true };
                    using (var connect = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
                    {
                        connect.CancelAfter(TimeSpan.FromSeconds(10));
                        await client.ConnectAsync(host, port, connect.Token).ConfigureAwait(false);
                    }
                    Connections++;
                    LogConnected(logger, host, port, party.Name);
                    var stream = client.GetStream();
                    intake = new FeedIntake(picture, store, events, cluster, party.Id, $"sbs {host}:{port}", o.SbsAuditIntervalS);
                    while (true)
                    {
                        int n;
                        using (var silence = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
                        {
                            silence.CancelAfter(TimeSpan.FromSeconds(o.SbsSilenceS));
                            n = await stream.ReadAsync(buffer, silence.Token).ConfigureAwait(false);
                        }
                        if (n == 0)
                        {
                            break;
                        }
                        delivered = true;
                        reports.Clear();
                        _feed.Push(buffer.AsSpan(0, n), reports);
                        intake.Take(reports);
                        await intake.AccountIfDueAsync(stoppingToken).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception e) when (e is SocketException or IOException || (e is OperationCanceledException && !stoppingToken.IsCancellationRequested))
            {
                LogDropped(logger, host, port, e.Message);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // stopping: account for what was taken, then leave
            }
            if (intake is not null)
            {
                // The connection's last reports, also when it dropped or the hub is stopping.
                await intake.AccountAsync(CancellationToken.None).ConfigureAwait(false);
                intake.Dispose();
            }
            if (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            _feed.EndOfStream();
            _feed.Merger.Prune(picture.NowS, o.StaleAfterS);
            backoff = delivered ? o.SbsInitialBackoffS : Math.Min(backoff * 2, o.SbsMaxBackoffS);
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(backoff), picture.Clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>The feed's party by id (what every API names a party by), or else by its display name.</summary>
    internal static async Task<PartyRecord?> FindPartyAsync(IHubStore store, string party, CancellationToken ct) =>
        await store.GetPartyAsync(party, ct).ConfigureAwait(false) ?? await store.FindPartyByNameAsync(party, ct).ConfigureAwait(false);

    /// <summary>Parses <c>HOST:PORT</c> (IPv6 as <c>[::1]:30003</c>).</summary>
    public static bool TryParseEndpoint(string text, out string host, out int port)
    {
        host = "";
        port = 0;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
        {
            return false;
        }
        host = text[..colon].Trim('[', ']');
        return host.Length > 0;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "SBS feed '{Endpoint}' is not HOST:PORT")]
    private static partial void LogBadEndpoint(ILogger logger, string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SBS feed party '{Party}' does not exist (yet): no party has this id or name; retrying")]
    private static partial void LogNoParty(ILogger logger, string party);

    [LoggerMessage(Level = LogLevel.Information, Message = "SBS feed {Host}:{Port} connected for party {Party}")]
    private static partial void LogConnected(ILogger logger, string host, int port, string party);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SBS feed {Host}:{Port} dropped or unreachable: {Reason}; reconnecting with back-off")]
    private static partial void LogDropped(ILogger logger, string host, int port, string reason);
}
