using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Deconflict.Hub.Tests.WebConsole;

/// <summary>
/// Seeds a hub through its public API the way parties would: a coalition, a second air force and a
/// humanitarian organisation; an agreement; crossing intents (a corridor and a circle); converging
/// tracks; a humanitarian site; a hotline message. A step whose endpoint this hub does not serve
/// (404/405) is recorded as unavailable, so the browser test can require the console to say so.
/// </summary>
internal sealed class ConsoleScenario
{
    public required string CoalitionKey { get; init; }
    public required string AirForceKey { get; init; }
    public required string ReliefKey { get; init; }
    public required string CoalitionId { get; init; }
    public required string AirForceId { get; init; }
    public bool Intents { get; private set; }
    public bool Tracks { get; private set; }
    public bool Sites { get; private set; }
    public bool Hotline { get; private set; }
    public bool Conflicts { get; private set; }
    public string? ThreadId { get; private set; }

    public static async Task<ConsoleScenario> SeedAsync(ConsoleHub hub, CancellationToken ct)
    {
        var coalition = await hub.CreatePartyAsync("coalition", "coalition", ct);
        var airForce = await hub.CreatePartyAsync("northern-af", "state", ct);
        var relief = await hub.CreatePartyAsync("relief", "humanitarian", ct);
        var scenario = new ConsoleScenario
        {
            CoalitionKey = coalition.Key,
            AirForceKey = airForce.Key,
            ReliefKey = relief.Key,
            CoalitionId = coalition.Id,
            AirForceId = airForce.Id,
        };
        using var c = hub.Client(coalition.Key);
        using var a = hub.Client(airForce.Key);
        using var r = hub.Client(relief.Key);

        var proposed = await SendAsync(c, HttpMethod.Post, "/api/v1/agreements", new
        {
            counterparty = airForce.Id,
            separation = new { h_nm = 5, v_ft = 1000, lookahead_s = 300 },
            sharing = new { proposer_to_counterparty = "full", counterparty_to_proposer = "full" },
            ack_deadline_s = 300,
            languages = new { proposer = "en", counterparty = "ru" },
        }, ct);
        Require(proposed, "proposing the agreement");
        var agreementId = JsonDocument.Parse(proposed.Body).RootElement.GetProperty("id").GetString();
        Require(await SendAsync(a, HttpMethod.Post, $"/api/v1/agreements/{agreementId}/accept", null, ct), "accepting the agreement");

        // The relief organisation shares everything with the coalition, so its sites are notified to it.
        var relieved = await SendAsync(r, HttpMethod.Post, "/api/v1/agreements", new
        {
            counterparty = coalition.Id,
            sharing = new { proposer_to_counterparty = "full", counterparty_to_proposer = "conflicts_only" },
            languages = new { proposer = "en", counterparty = "en" },
        }, ct);
        Require(relieved, "proposing the relief agreement");
        var reliefAgreement = JsonDocument.Parse(relieved.Body).RootElement.GetProperty("id").GetString();
        Require(await SendAsync(c, HttpMethod.Post, $"/api/v1/agreements/{reliefAgreement}/accept", null, ct), "accepting the relief agreement");

        var now = DateTimeOffset.UtcNow;
        var corridor = await SendAsync(c, HttpMethod.Put, "/api/v1/intents/COAL-CAP-1",
            Intent("LineString", "[[37.0,35.0],[38.2,35.3]]", "\"half_width_m\":15000", 25000, 33000, now, 0), ct);
        scenario.Intents = Available(corridor, "declaring the coalition corridor");
        if (scenario.Intents)
        {
            Require(await SendAsync(a, HttpMethod.Put, "/api/v1/intents/NAF-ORBIT-7",
                Intent("Point", "[38.0,35.1]", "\"radius_m\":30000", 28000, 36000, now, 1), ct), "declaring the crossing orbit");
        }

        var tracks = await SendAsync(c, HttpMethod.Post, "/api/v1/tracks", new[]
        {
            Track("RFF101", 35.10, 37.40, 31000, 450, 75, now),
            Track("RFF102", 34.50, 39.00, 15000, 300, 200, now),
        }, ct);
        scenario.Tracks = Available(tracks, "reporting coalition tracks");
        if (scenario.Tracks)
        {
            Require(await SendAsync(a, HttpMethod.Post, "/api/v1/tracks", new[] { Track("NAF21", 35.16, 37.75, 31000, 420, 255, now) }, ct),
                "reporting air force tracks");
        }

        var site = await SendAsync(r, HttpMethod.Put, "/api/v1/sites/FIELD-HOSPITAL-1", new
        {
            type = "Feature",
            geometry = new { type = "Point", coordinates = new[] { 38.9, 34.6 } },
            properties = new { notes = "Field hospital", organisation = "Relief", category = "health", radius_m = 2000, valid_from = Iso(now.AddDays(-1)), valid_to = Iso(now.AddDays(30)) },
        }, ct);
        var siteList = await SendAsync(c, HttpMethod.Get, "/api/v1/sites", null, ct);
        scenario.Sites = Available(site, "declaring a site") && Available(siteList, "listing sites");

        var conflicts = await SendAsync(c, HttpMethod.Get, "/api/v1/conflicts?state=open", null, ct);
        scenario.Conflicts = Available(conflicts, "listing conflicts");

        var inbox = await SendAsync(a, HttpMethod.Get, "/api/v1/inbox", null, ct);
        scenario.Hotline = Available(inbox, "reading the inbox");
        if (scenario.Hotline && scenario.Intents)
        {
            scenario.ThreadId = await WaitForThreadAsync(a, ct);
            Require(await SendAsync(a, HttpMethod.Post, $"/api/v1/threads/{scenario.ThreadId}/messages",
                new { template = "REQUEST_ALTITUDE_CHANGE", @params = new { flight_level = 250 }, text = (string?)null }, ct), "sending a hotline message");
        }
        return scenario;
    }

    /// <summary>The coalition declares one more intent (a polygon) while the console watches.</summary>
    public async Task DeclareAreaAsync(ConsoleHub hub, string intentId, CancellationToken ct)
    {
        using var c = hub.Client(CoalitionKey);
        var now = DateTimeOffset.UtcNow;
        Require(await SendAsync(c, HttpMethod.Put, $"/api/v1/intents/{intentId}",
            Intent("Polygon", "[[[38.5,34.0],[39.6,34.1],[39.4,34.9],[38.4,34.7],[38.5,34.0]]]", null, 10000, 20000, now, 0), ct),
            "declaring an area while the console watches");
    }

    /// <summary>The coalition declares a circle valid only from <paramref name="fromH"/> to <paramref name="toH"/> hours from now.</summary>
    public async Task DeclareLaterAsync(ConsoleHub hub, string intentId, double fromH, double toH, CancellationToken ct)
    {
        using var c = hub.Client(CoalitionKey);
        var now = DateTimeOffset.UtcNow;
        var body = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[36.6,34.4]}," +
            "\"properties\":{\"radius_m\":20000,\"alt_lower_ft\":5000,\"alt_upper_ft\":9000,\"time_start\":\"" + Iso(now.AddHours(fromH)) +
            "\",\"time_end\":\"" + Iso(now.AddHours(toH)) + "\"}}]}";
        Require(await SendAsync(c, HttpMethod.Put, $"/api/v1/intents/{intentId}", body, ct), "declaring a later intent");
    }

    /// <summary>Two aircraft of the coalition and the air force already within the minima of each other (a new tactical warning).</summary>
    public async Task ReportClosePairAsync(ConsoleHub hub, string coalitionTrack, string airForceTrack, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        using var c = hub.Client(CoalitionKey);
        using var a = hub.Client(AirForceKey);
        Require(await SendAsync(c, HttpMethod.Post, "/api/v1/tracks", new[] { Track(coalitionTrack, 34.00, 37.00, 22000, 300, 90, now) }, ct), "reporting a coalition track");
        Require(await SendAsync(a, HttpMethod.Post, "/api/v1/tracks", new[] { Track(airForceTrack, 34.00, 37.04, 22000, 300, 270, now) }, ct), "reporting an air force track");
    }

    private static async Task<string> WaitForThreadAsync(HttpClient client, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var inbox = await SendAsync(client, HttpMethod.Get, "/api/v1/inbox", null, ct);
            Require(inbox, "reading the inbox");
            var threads = JsonDocument.Parse(inbox.Body).RootElement;
            if (threads.GetArrayLength() > 0)
            {
                return threads[0].GetProperty("thread_id").GetString()!;
            }
            await Task.Delay(200, ct);
        }
        throw new InvalidOperationException("The crossing intents opened no hotline thread within 10 s.");
    }

    private static string Intent(string geometryType, string coordinates, string? shapeProperty, int lowerFt, int upperFt, DateTimeOffset now, int priority) =>
        "{\"type\":\"FeatureCollection\",\"priority\":" + priority.ToString(CultureInfo.InvariantCulture) +
        ",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"" + geometryType + "\",\"coordinates\":" + coordinates + "}," +
        "\"properties\":{" + (shapeProperty is null ? "" : shapeProperty + ",") + "\"alt_lower_ft\":" + lowerFt.ToString(CultureInfo.InvariantCulture) +
        ",\"alt_upper_ft\":" + upperFt.ToString(CultureInfo.InvariantCulture) +
        ",\"time_start\":\"" + Iso(now.AddMinutes(-10)) + "\",\"time_end\":\"" + Iso(now.AddHours(2)) + "\"}}]}";

    private static object Track(string id, double lat, double lon, int altFt, int gsKt, int trkDeg, DateTimeOffset t) =>
        new { id, t = Iso(t), lat_deg = lat, lon_deg = lon, alt_ft = altFt, gs_kt = gsKt, trk_deg = trkDeg, vs_fpm = 0 };

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private sealed record Reply(HttpStatusCode Status, string Body, string What);

    private static async Task<Reply> SendAsync(HttpClient client, HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is string json)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        using var response = await client.SendAsync(request, ct);
        return new Reply(response.StatusCode, await response.Content.ReadAsStringAsync(ct), $"{method} {path}");
    }

    private static void Require(Reply reply, string step) =>
        ((int)reply.Status).ShouldBeInRange(200, 299, $"{step}: {reply.What} answered {(int)reply.Status} {reply.Body}");

    /// <summary>True when served and successful; false when the hub does not serve it; anything else fails the test.</summary>
    private static bool Available(Reply reply, string step)
    {
        if (reply.Status is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
        {
            return false;
        }
        Require(reply, step);
        return true;
    }
}
