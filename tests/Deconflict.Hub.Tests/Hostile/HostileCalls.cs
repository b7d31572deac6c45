using System.Net;
using System.Text.Json;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Hostile;

/// <summary>Requests the hostile tests share: ground objects, strikes, tracks, hotline messages, event replays.</summary>
public static class HostileCalls
{
    public static Task<HttpResponseMessage> PutSiteAsync(this HttpClient c, string id, double lat, double lon, double radiusM = 300, string? notes = null) =>
        c.SendJsonAsync(HttpMethod.Put, $"/api/v1/sites/{Uri.EscapeDataString(id)}", HostileGeoJson.Feature(HostileGeoJson.Point(lat, lon),
            new Dictionary<string, object?> { ["category"] = "health", ["radius_m"] = radiusM, ["notes"] = notes }));

    public static Task<HttpResponseMessage> PutMovementAsync(this HttpClient c, string id, double lat, double lon, DateTimeOffset from) =>
        c.SendJsonAsync(HttpMethod.Put, $"/api/v1/movements/{Uri.EscapeDataString(id)}", HostileGeoJson.Feature(
            HostileGeoJson.Line([(lat, lon), (lat + 0.02, lon + 0.02)]),
            new Dictionary<string, object?> { ["valid_from"] = HostileGeoJson.Time(from), ["valid_to"] = HostileGeoJson.Time(from.AddHours(4)) }));

    public static Task<HttpResponseMessage> PutZoneAsync(this HttpClient c, string id, double lat, double lon, DateTimeOffset from) =>
        c.SendJsonAsync(HttpMethod.Put, $"/api/v1/zones/{Uri.EscapeDataString(id)}", HostileGeoJson.Feature(
            HostileGeoJson.Polygon([(lat, lon), (lat, lon + 0.1), (lat + 0.1, lon + 0.1), (lat + 0.1, lon)]),
            new Dictionary<string, object?> { ["valid_from"] = HostileGeoJson.Time(from), ["valid_to"] = HostileGeoJson.Time(from.AddHours(4)) }));

    public static Task<HttpResponseMessage> StrikeAsync(this HttpClient c, string intentId, double lat, double lon, DateTimeOffset t, double radiusM = 0, string? id = null) =>
        c.SendJsonAsync(HttpMethod.Post, "/api/v1/strikes",
            JsonSerializer.Serialize(new { id, intent_id = intentId, lat_deg = lat, lon_deg = lon, t = HostileGeoJson.Time(t), radius_m = radiusM }));

    public static Task<HttpResponseMessage> ReportTrackAsync(this HttpClient c, string id, double lat, double lon, double altFt, double gsKt = 0, double trkDeg = 0) =>
        c.SendJsonAsync(HttpMethod.Post, "/api/v1/tracks", JsonSerializer.Serialize(new[]
        {
            new { id, t = HostileGeoJson.Time(DateTimeOffset.UtcNow.AddSeconds(-1)), lat_deg = lat, lon_deg = lon, alt_ft = altFt, gs_kt = gsKt, trk_deg = trkDeg, vs_fpm = 0 },
        }));

    public static async Task<string> OpenThreadAsync(this HttpClient c, string other)
    {
        var thread = await (await c.SendJsonAsync(HttpMethod.Post, "/api/v1/threads", JsonSerializer.Serialize(new { parties = new[] { other } }))).ShouldBeAsync(HttpStatusCode.Created);
        return thread.GetProperty("id").GetString()!;
    }

    public static Task<HttpResponseMessage> PostMessageAsync(this HttpClient c, string thread, string template, object parameters, string? text = null) =>
        c.SendJsonAsync(HttpMethod.Post, $"/api/v1/threads/{thread}/messages", JsonSerializer.Serialize(new { template, @params = parameters, text }));

    /// <summary>The caller's stream replayed from the start, read for a bounded time.</summary>
    public static async Task<List<SseClient.Event>> ReplayEventsAsync(HostileHub hub, string key, TimeSpan readFor)
    {
        ArgumentNullException.ThrowIfNull(hub);
        await using var sse = await SseClient.ConnectAsync(hub.BaseAddress, key, "0");
        return await sse.ReadUntilAsync(_ => false, readFor);
    }

    public static async Task<string> AuditExportAsync(this HttpClient c, string query = "")
    {
        var response = await c.GetAsync("/api/v1/audit/export" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The export lines the caller may read (not redacted).</summary>
    public static IEnumerable<JsonElement> VisibleLines(string export) =>
        export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())
            .Where(e => !e.TryGetProperty("redacted", out var r) || r.ValueKind != JsonValueKind.True);
}
