using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Deconflict.Core.Audit;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Hotline;

/// <summary>
/// The audit log survives <c>kill -9</c> of a real hub process in the middle of a stream of audited writes:
/// after a restart the whole log verifies (no gap, no broken link, every signature good), every receipt handed out
/// before the kill is in it, and the chain continues from where it stopped.
/// </summary>
public sealed class AuditKillNineTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_log_survives_kill_9_mid_write_with_no_gap_and_no_broken_chain(string storeName)
    {
        var data = Path.Combine(Path.GetTempPath(), "deconflict-audit-kill9-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(data);
        var adminKey = "admin-" + Guid.NewGuid().ToString("N");
        var database = storeName == "postgres" ? await (await PostgresCluster.SharedAsync()).CreateDatabaseAsync() : null;
        try
        {
            var receipts = new ConcurrentBag<AuditReceipt>();
            string senderKey, thread;
            await using (var hub = await HubProcess.StartAsync(data, adminKey, database))
            {
                using var admin = Client(hub.BaseAddress, adminKey);
                var a = await (await admin.PostAsJsonAsync("/api/v1/parties", new { name = "Coalition K", kind = "coalition", id = "coalition-k" })).ShouldBeAsync(HttpStatusCode.Created);
                var b = await (await admin.PostAsJsonAsync("/api/v1/parties", new { name = "Air force K", kind = "state", id = "af-k" })).ShouldBeAsync(HttpStatusCode.Created);
                senderKey = a.GetProperty("api_key").GetString()!;
                using var sender = Client(hub.BaseAddress, senderKey);
                using var other = Client(hub.BaseAddress, b.GetProperty("api_key").GetString()!);
                var agreement = await (await sender.SendJsonAsync(HttpMethod.Post, "/api/v1/agreements", """{"counterparty":"af-k"}""")).ShouldBeAsync(HttpStatusCode.Created);
                await (await other.PostAsync($"/api/v1/agreements/{agreement.GetProperty("id").GetString()}/accept", null)).ShouldBeAsync(HttpStatusCode.OK);
                thread = (await (await sender.SendJsonAsync(HttpMethod.Post, "/api/v1/threads", """{"parties":["af-k"]}""")).ShouldBeAsync(HttpStatusCode.Created))
                    .GetProperty("id").GetString()!;

                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
                {
                    for (var i = 0; i < 5_000 && !stop.IsCancellationRequested; i++)
                    {
                        try
                        {
                            using var response = await sender.SendJsonAsync(HttpMethod.Post, $"/api/v1/threads/{thread}/messages",
                                $$$"""{"template":"REQUEST_ALTITUDE_CHANGE","params":{"flight_level":{{{100 + (i % 300)}}}},"text":"writer {{{w}}} #{{{i}}}"}""");
                            if (response.IsSuccessStatusCode)
                            {
                                receipts.Add(AuditReceipt.Parse(response.Receipt()!));
                            }
                        }
                        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                        {
                            return;
                        }
                    }
                })).ToArray();
                for (var wait = 0; wait < 600 && receipts.Count < 60; wait++)
                {
                    await Task.Delay(50);
                }
                receipts.Count.ShouldBeGreaterThanOrEqualTo(60, "the writers should have been acknowledged before the kill");
                await hub.KillAsync();
                await stop.CancelAsync();
                await Task.WhenAll(writers);
            }

            await using (var hub = await HubProcess.StartAsync(data, adminKey, database))
            {
                using var admin = Client(hub.BaseAddress, adminKey);
                var key = AuditPublicKey.Parse((await (await admin.GetAsync("/api/v1/audit/key")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("public_key").GetString()!);
                var before = await VerifyAsync(admin, key, receipts);
                before.LastSequence!.Value.ShouldBeGreaterThanOrEqualTo(receipts.Max(r => r.Sequence));

                using var sender = Client(hub.BaseAddress, senderKey);
                var next = await sender.SendJsonAsync(HttpMethod.Post, $"/api/v1/threads/{thread}/messages", """{"template":"ACKNOWLEDGE","params":{}}""");
                next.StatusCode.ShouldBe(HttpStatusCode.Created);
                var nextReceipt = AuditReceipt.Parse(next.Receipt()!);
                nextReceipt.Sequence.ShouldBe(before.LastSequence!.Value + 1);
                var after = await VerifyAsync(admin, key, [.. receipts, nextReceipt]);
                after.LastSequence.ShouldBe(nextReceipt.Sequence);
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<AuditVerification> VerifyAsync(HttpClient admin, AuditPublicKey key, IEnumerable<AuditReceipt> receipts)
    {
        var text = await admin.GetStringAsync("/api/v1/audit/export");
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select((l, i) => AuditExport.ParseLine(l, i + 1)).ToList();
        var result = AuditVerifier.Verify(lines, key, receipts);
        result.IsValid.ShouldBeTrue(result.Problem);
        result.FirstSequence.ShouldBe(1);
        result.RedactedEntries.ShouldBe(0);
        return result;
    }

    private static HttpClient Client(Uri baseAddress, string key)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
