using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Deconflict.Hub.Tests.Hosting;

/// <summary>Request builders and assertions shared by the hub tests.</summary>
internal static class HubCalls
{
    public static string Circle(double lon, double lat, double radiusM, double lowerFt, double upperFt, string start, string end, int? priority = null, string? state = null)
    {
        var top = (priority is null ? "" : $"\"priority\":{priority},") + (state is null ? "" : $"\"state\":\"{state}\",");
        return "{\"type\":\"FeatureCollection\"," + top + "\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":["
            + Inv(lon) + "," + Inv(lat) + "]},\"properties\":{\"alt_lower_ft\":" + Inv(lowerFt) + ",\"alt_upper_ft\":" + Inv(upperFt)
            + ",\"time_start\":\"" + start + "\",\"time_end\":\"" + end + "\",\"radius_m\":" + Inv(radiusM) + "}}]}";
    }

    public static string Inv(double v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<HttpResponseMessage> PutIntentAsync(this HttpClient client, string id, string body, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/intents/{Uri.EscapeDataString(id)}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/geo+json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string path, string? json, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    public static async Task<JsonElement> ShouldBeAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        if (text.Length == 0)
        {
            return default;
        }
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    /// <summary>Asserts a problem+json reply with the status and, when given, an <c>errors</c> entry for the field.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var body = await response.ShouldBeAsync(status);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        body.GetProperty("status").GetInt32().ShouldBe((int)status);
        body.TryGetProperty("title", out _).ShouldBeTrue();
        if (field is not null)
        {
            var errors = body.GetProperty("errors");
            errors.TryGetProperty(field, out _).ShouldBeTrue($"errors should name '{field}': {errors}");
        }
        return body;
    }

    public static string ETag(this HttpResponseMessage response) =>
        response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("no ETag");

    public static string? Receipt(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Audit-Receipt", out var v) ? v.Single() : null;

    public static MediaTypeHeaderValue Json => new("application/json");
}
