using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Deconflict.Core.Geodesy;
using Deconflict.Hub.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Deconflict.Hub.Demo;

/// <summary>
/// With <c>--demo</c>: moving aircraft of the demo parties, reported every two seconds through the hub's own
/// <c>POST /api/v1/tracks</c> with each party's key (so validation, visibility, live detection and audit apply as
/// for any client). Each flies back and forth along a geodesic leg; the second air force's transit crosses the
/// coalition's orbit at a close level, so tactical alerts come and go.
/// </summary>
public sealed partial class DemoTraffic(IOptions<HubOptions> options, DemoScenario scenario, IServer server, IHostApplicationLifetime lifetime,
    Cluster.IHubCluster cluster, ILogger<DemoTraffic> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private static readonly Flight[] Flights =
    [
        new("coalition", "RFF301", "COA-ORBIT-1", new GeoPoint(35.25, 40.05), new GeoPoint(35.40, 40.45), 27_000, 420),
        new("coalition", "RFF302", "COA-CAS-2", new GeoPoint(35.90, 38.95), new GeoPoint(36.00, 39.10), 12_000, 300),
        new("state-af", "SAF01", "SAF-TRANSIT-1", new GeoPoint(35.05, 38.60), new GeoPoint(35.55, 41.00), 27_500, 450),
        new("state-af", "SAF02", "SAF-CAP-2", new GeoPoint(34.50, 38.15), new GeoPoint(34.62, 38.40), 25_000, 380),
        new("relief", "UAV-REL1", "REL-DRONE-1", new GeoPoint(35.95, 38.98), new GeoPoint(35.97, 39.02), 300, 60),
    ];

    private sealed record Flight(string Party, string Id, string IntentId, GeoPoint From, GeoPoint To, double AltFt, double GsKt);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Demo)
        {
            return;
        }
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || scenario.Keys.Count == 0)
        {
            return;
        }
        using var http = new HttpClient { BaseAddress = new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "[::1]", StringComparison.Ordinal)), Timeout = TimeSpan.FromSeconds(10) };
        using var timer = new PeriodicTimer(Interval);
        var origin = DateTimeOffset.UtcNow;
        do
        {
            var now = DateTimeOffset.UtcNow;
            // In a cluster the demo aircraft fly from one node only (each node would report them again).
            if (!cluster.IsLeader)
            {
                continue;
            }
            foreach (var party in Flights.GroupBy(f => f.Party))
            {
                if (!scenario.Keys.TryGetValue(party.Key, out var key))
                {
                    continue;
                }
                var body = "[" + string.Join(",", party.Select(f => Report(f, (now - origin).TotalSeconds, now))) + "]";
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tracks") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
                    using var response = await http.SendAsync(request, stoppingToken).ConfigureAwait(false);
                    if (!response.IsSuccessStatusCode)
                    {
                        LogRefused(logger, party.Key, (int)response.StatusCode);
                    }
                }
                catch (HttpRequestException e)
                {
                    LogFailed(logger, party.Key, e.Message);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>The flight's position after <paramref name="elapsedS"/> seconds of flying back and forth along its leg.</summary>
    private static string Report(Flight f, double elapsedS, DateTimeOffset now)
    {
        var leg = Geodesic.Inverse(f.From, f.To);
        var travelled = f.GsKt * 1852.0 / 3600.0 * elapsedS % (2 * leg.DistanceM);
        var outbound = travelled <= leg.DistanceM;
        var (start, azimuth, along) = outbound
            ? (f.From, leg.Azimuth1Deg, travelled)
            : (f.To, Geodesic.Inverse(f.To, f.From).Azimuth1Deg, travelled - leg.DistanceM);
        var p = Geodesic.Direct(start.LatDeg, start.LonDeg, azimuth, along);
        var track = (p.Azimuth2Deg + 360) % 360;
        string N(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);
        return $"{{\"id\":\"{f.Id}\",\"t\":\"{UtcTimeConverter.Format(now)}\",\"lat_deg\":{N(p.LatDeg)},\"lon_deg\":{N(p.LonDeg)},"
            + $"\"alt_ft\":{N(f.AltFt)},\"gs_kt\":{N(f.GsKt)},\"trk_deg\":{N(track)},\"vs_fpm\":0,\"intent_id\":\"{f.IntentId}\"}}";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo traffic of {Party} refused with {Status}")]
    private static partial void LogRefused(ILogger logger, string party, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo traffic of {Party} not delivered: {Reason}")]
    private static partial void LogFailed(ILogger logger, string party, string reason);
}
