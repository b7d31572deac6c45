using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Deconflict.Hub.Tests.Hosting;

/// <summary>HTTP plumbing shared by the tests that run the hub on a real Kestrel server.</summary>
public static class HubHttp
{
    public static HttpClient Client(Uri baseAddress, string? key, HttpMessageHandler? handler = null)
    {
        var client = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: true) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return client;
    }

    /// <summary>Creates a party with a unique id starting with <paramref name="prefix"/>; returns its id and key.</summary>
    public static async Task<(string Id, string Key)> CreatePartyAsync(Uri baseAddress, string adminKey, string prefix)
    {
        var id = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        using var admin = Client(baseAddress, adminKey);
        using var response = await admin.PostAsJsonAsync("/api/v1/parties", new { name = id, kind = "state", id });
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (id, doc.RootElement.GetProperty("api_key").GetString()!);
    }
}
