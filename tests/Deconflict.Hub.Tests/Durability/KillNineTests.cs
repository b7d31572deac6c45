using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Durability;

/// <summary>A write that got a 2xx reply survives <c>kill -9</c> of the hub process and a restart.</summary>
public sealed class KillNineTests
{
    [Fact]
    public async Task A_write_acknowledged_before_kill_9_is_there_after_restart()
    {
        var data = Path.Combine(Path.GetTempPath(), "deconflict-kill9-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(data);
        var adminKey = "admin-" + Guid.NewGuid().ToString("N");
        try
        {
            string partyKey, etag, receipt;
            await using (var hub = await HubProcess.StartAsync(data, adminKey))
            {
                using var admin = Client(hub.BaseAddress, adminKey);
                var created = await (await admin.PostAsJsonAsync("/api/v1/parties", new { name = "Durable AF", kind = "state", id = "durable" })).ShouldBeAsync(HttpStatusCode.Created);
                partyKey = created.GetProperty("api_key").GetString()!;
                using var party = Client(hub.BaseAddress, partyKey);
                var response = await party.PutIntentAsync("KEEP-1", HubCalls.Circle(36, 36, 3_000, 0, 9_000, "2026-06-01T10:00:00Z", "2026-06-01T11:00:00Z"));
                response.StatusCode.ShouldBe(HttpStatusCode.Created);
                etag = response.ETag();
                receipt = response.Receipt()!;
                // The very next thing after the 2xx: SIGKILL.
                await hub.KillAsync();
            }
            await using (var hub = await HubProcess.StartAsync(data, adminKey))
            {
                using var party = Client(hub.BaseAddress, partyKey);
                var get = await party.GetAsync("/api/v1/intents/KEEP-1");
                get.StatusCode.ShouldBe(HttpStatusCode.OK);
                get.ETag().ShouldBe(etag);
                (await get.Content.ReadAsStringAsync()).ShouldContain("9000");
                // The audit chain continues after the acknowledged entry.
                var next = await party.PutIntentAsync("KEEP-2", HubCalls.Circle(37, 36, 3_000, 0, 9_000, "2026-06-01T10:00:00Z", "2026-06-01T11:00:00Z"));
                next.StatusCode.ShouldBe(HttpStatusCode.Created);
                var seq = long.Parse(receipt.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture);
                long.Parse(next.Receipt()!.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(seq + 1);
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static HttpClient Client(Uri baseAddress, string key)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
