using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Deconflict.Hub.Tests.Dss;

/// <summary>A place for one test: a centre no other test uses, so that tests sharing a hub never see each other's entities.</summary>
public sealed record DssArea(double Lat, double Lng)
{
    private static int _next;

    public static DssArea New()
    {
        var n = Interlocked.Increment(ref _next);
        return new DssArea(10 + (n / 100 * 0.5), -170 + (n % 100 * 0.5));
    }

    /// <summary>A circle Volume4D <paramref name="eastM"/> metres east of the centre (about), minutes from now.</summary>
    public JsonObject Volume(double radiusM = 500, double eastM = 0, double lowerM = 0, double upperM = 120, double fromMin = 10, double toMin = 70, bool withTimes = true, bool withAltitudes = true)
    {
        var lng = Lng + (eastM / (111_320 * Math.Cos(Lat * Math.PI / 180)));
        var volume = new JsonObject
        {
            ["outline_circle"] = new JsonObject
            {
                ["center"] = new JsonObject { ["lat"] = Lat, ["lng"] = lng },
                ["radius"] = new JsonObject { ["value"] = radiusM, ["units"] = "M" },
            },
        };
        if (withAltitudes)
        {
            volume["altitude_lower"] = new JsonObject { ["value"] = lowerM, ["reference"] = "W84", ["units"] = "M" };
            volume["altitude_upper"] = new JsonObject { ["value"] = upperM, ["reference"] = "W84", ["units"] = "M" };
        }
        var v = new JsonObject { ["volume"] = volume };
        if (withTimes)
        {
            v["time_start"] = DssCalls.Time(DateTimeOffset.UtcNow.AddMinutes(fromMin));
            v["time_end"] = DssCalls.Time(DateTimeOffset.UtcNow.AddMinutes(toMin));
        }
        return v;
    }

    /// <summary>The same volume with a polygon outline: a square of side <paramref name="sideM"/> around the centre.</summary>
    public JsonObject Square(double sideM, double fromMin = 10, double toMin = 70)
    {
        var dLat = sideM / 2 / 111_320;
        var dLng = sideM / 2 / (111_320 * Math.Cos(Lat * Math.PI / 180));
        var v = Volume(fromMin: fromMin, toMin: toMin);
        var volume = v["volume"]!.AsObject();
        volume.Remove("outline_circle");
        volume["outline_polygon"] = new JsonObject
        {
            ["vertices"] = new JsonArray(
                new JsonObject { ["lat"] = Lat - dLat, ["lng"] = Lng - dLng },
                new JsonObject { ["lat"] = Lat - dLat, ["lng"] = Lng + dLng },
                new JsonObject { ["lat"] = Lat + dLat, ["lng"] = Lng + dLng },
                new JsonObject { ["lat"] = Lat + dLat, ["lng"] = Lng - dLng }),
        };
        return v;
    }
}

/// <summary>F3548 request bodies and calls.</summary>
public static class DssCalls
{
    public const string UssUrl = "https://uss.example.test/utm";

    public static JsonObject Time(DateTimeOffset t) => new()
    {
        ["value"] = t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["format"] = "RFC3339",
    };

    public static JsonObject Oir(JsonObject extent, string state = "Accepted", IEnumerable<string>? key = null, string? subscriptionId = null,
        bool implicitSubscription = true, string ussUrl = UssUrl)
    {
        var body = new JsonObject
        {
            ["extents"] = new JsonArray(extent),
            ["key"] = new JsonArray([.. (key ?? []).Select(k => (JsonNode)JsonValue.Create(k))]),
            ["state"] = state,
            ["uss_base_url"] = ussUrl,
        };
        if (subscriptionId is not null)
        {
            body["subscription_id"] = subscriptionId;
        }
        else if (implicitSubscription)
        {
            body["new_subscription"] = new JsonObject { ["uss_base_url"] = ussUrl, ["notify_for_constraints"] = false };
        }
        return body;
    }

    public static JsonObject Subscription(JsonObject extent, bool intents = true, bool constraints = false, string ussUrl = UssUrl) => new()
    {
        ["extents"] = extent,
        ["uss_base_url"] = ussUrl,
        ["notify_for_operational_intents"] = intents,
        ["notify_for_constraints"] = constraints,
    };

    public static JsonObject Query(JsonObject area) => new() { ["area_of_interest"] = area };

    public static string NewId() => Guid.NewGuid().ToString();

    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string path, JsonNode? body = null) =>
        client.SendAsync(new HttpRequestMessage(method, path)
        {
            Content = body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        });

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, JsonNode body) => client.SendAsync(HttpMethod.Put, path, body);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, JsonNode body) => client.SendAsync(HttpMethod.Post, path, body);

    /// <summary>The status must be <paramref name="status"/>; returns the body (an F3548 ErrorResponse must carry a message).</summary>
    public static async Task<JsonElement> ShouldAnswerAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        using var doc = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        var body = doc.RootElement.Clone();
        if ((int)status >= 400)
        {
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
            body.GetProperty("message").GetString().ShouldNotBeNullOrWhiteSpace();
        }
        return body;
    }

    /// <summary>Creates an OIR and returns its reference.</summary>
    public static async Task<JsonElement> CreateOirAsync(this HttpClient uss, string id, JsonObject body) =>
        (await (await uss.PutJsonAsync($"/dss/v1/operational_intent_references/{id}", body)).ShouldAnswerAsync(HttpStatusCode.Created))
        .GetProperty("operational_intent_reference");

    public static IReadOnlyList<string> Ids(this JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];
}
