using System.Net;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Ground;

/// <summary>Request bodies and set-up shared by the ground tests.</summary>
internal static class GroundCalls
{
    public const string T0 = "2026-03-01T10:00:00Z";
    public const string T1 = "2026-03-01T14:00:00Z";
    public const string During = "2026-03-01T11:00:00Z";

    public static string PointSite(double lon, double lat, double? radiusM = null, string category = "health") =>
        "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + HubCalls.Inv(lon) + "," + HubCalls.Inv(lat) + "]},\"properties\":{\"category\":\"" + category + "\",\"organisation\":\"Clinics Without Borders\",\"notes\":\"40 beds\"" + (radiusM is null ? "" : ",\"radius_m\":" + HubCalls.Inv(radiusM.Value)) + "}}";

    public static string Box(double lon0, double lat0, double lon1, double lat1) =>
        $"[[[{HubCalls.Inv(lon0)},{HubCalls.Inv(lat0)}],[{HubCalls.Inv(lon1)},{HubCalls.Inv(lat0)}],[{HubCalls.Inv(lon1)},{HubCalls.Inv(lat1)}],[{HubCalls.Inv(lon0)},{HubCalls.Inv(lat1)}],[{HubCalls.Inv(lon0)},{HubCalls.Inv(lat0)}]]]";

    public static string Zone(double lon0, double lat0, double lon1, double lat1, string from = T0, string to = T1) =>
        "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + Box(lon0, lat0, lon1, lat1) + "},\"properties\":{\"valid_from\":\"" + from + "\",\"valid_to\":\"" + to + "\",\"name\":\"sector north\"}}";

    public static string Movement(double lon0, double lat0, double lon1, double lat1, string from = T0, string to = T1) =>
        $$$"""{"type":"Feature","geometry":{"type":"LineString","coordinates":[[{{{HubCalls.Inv(lon0)}}},{{{HubCalls.Inv(lat0)}}}],[{{{HubCalls.Inv(lon1)}}},{{{HubCalls.Inv(lat1)}}}]]},"properties":{"category":"convoy","half_width_m":150,"valid_from":"{{{from}}}","valid_to":"{{{to}}}"}}""";

    public static string Strike(string intentId, double lat, double lon, string t = During, double? radiusM = null, string? id = null) =>
        "{\"intent_id\":\"" + intentId + "\",\"lat_deg\":" + HubCalls.Inv(lat) + ",\"lon_deg\":" + HubCalls.Inv(lon) + ",\"t\":\"" + t + "\"" + (radiusM is null ? "" : ",\"radius_m\":" + HubCalls.Inv(radiusM.Value)) + (id is null ? "" : ",\"id\":\"" + id + "\"") + "}";

    /// <summary>An active agreement in which <paramref name="owner"/> shares <paramref name="sharing"/> with <paramref name="other"/> and gets nothing back.</summary>
    public static async Task AgreeAsync(TestParty owner, TestParty other, string sharing)
    {
        using var o = owner.Client();
        using var x = other.Client();
        var proposal = await (await o.SendJsonAsync(HttpMethod.Post, "/api/v1/agreements",
            $$$"""{"counterparty":"{{{other.Id}}}","sharing":{"proposer_to_counterparty":"{{{sharing}}}","counterparty_to_proposer":"none"}}""")).ShouldBeAsync(HttpStatusCode.Created);
        await (await x.PostAsync($"/api/v1/agreements/{proposal.GetProperty("id").GetString()}/accept", null)).ShouldBeAsync(HttpStatusCode.OK);
    }

    public static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];
}
