using System.Net;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Hardening;

/// <summary>Revoking a key ends the event streams opened with it at once (issue 10, finding 7).</summary>
public sealed class KeyRevocationStreamTests(SqliteKestrelHub hub) : IClassFixture<SqliteKestrelHub>
{
    [Fact]
    public async Task Revoking_a_key_ends_its_open_event_stream_and_leaves_the_partys_other_keys_streaming()
    {
        var (partyId, firstKey) = await hub.CreatePartyAsync("revoke");
        using var first = hub.Client(firstKey);
        var issued = await (await first.PostAsync($"/api/v1/parties/{partyId}/keys", null)).ShouldBeAsync(HttpStatusCode.Created);
        var secondKey = issued.GetProperty("api_key").GetString()!;
        var secondKeyId = issued.GetProperty("key_id").GetString()!;

        await using var doomed = await SseClient.ConnectAsync(hub.BaseAddress, secondKey);
        await using var kept = await SseClient.ConnectAsync(hub.BaseAddress, firstKey);
        // Both streams deliver while both keys are valid.
        await (await first.PutIntentAsync("REV-1", HubCalls.Circle(36, 35, 2_000, 0, 5_000, "2026-06-01T10:00:00Z", "2026-06-01T11:00:00Z"))).ShouldBeAsync(HttpStatusCode.Created);
        (await doomed.ReadUntilAsync(e => e.Type == "intent", TimeSpan.FromSeconds(10))).ShouldContain(e => e.Type == "intent");
        (await kept.ReadUntilAsync(e => e.Type == "intent", TimeSpan.FromSeconds(10))).ShouldContain(e => e.Type == "intent");

        (await first.DeleteAsync($"/api/v1/parties/{partyId}/keys/{secondKeyId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await first.PutIntentAsync("REV-2", HubCalls.Circle(36.5, 35, 2_000, 0, 5_000, "2026-06-01T10:00:00Z", "2026-06-01T11:00:00Z"))).ShouldBeAsync(HttpStatusCode.Created);

        var after = await doomed.ReadUntilAsync(_ => false, TimeSpan.FromSeconds(10));
        doomed.Ended.ShouldBeTrue("the revoked key's stream must end");
        after.ShouldNotContain(e => e.Type == "intent" && e.Data.Contains("REV-2", StringComparison.Ordinal));
        (await kept.ReadUntilAsync(e => e.Type == "intent" && e.Data.Contains("REV-2", StringComparison.Ordinal), TimeSpan.FromSeconds(10)))
            .ShouldContain(e => e.Data.Contains("REV-2", StringComparison.Ordinal));
        kept.Ended.ShouldBeFalse();

        // A new stream with the revoked key is refused.
        using var revoked = hub.Client(secondKey);
        (await revoked.GetAsync("/api/v1/events", HttpCompletionOption.ResponseHeadersRead)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_admin_revoking_a_key_ends_its_stream_too()
    {
        var (partyId, key) = await hub.CreatePartyAsync("revoke-admin");
        using var admin = hub.Client(hub.AdminKey);
        var keys = await (await admin.GetAsync($"/api/v1/parties/{partyId}/keys")).ShouldBeAsync(HttpStatusCode.OK);
        var keyId = keys[0].GetProperty("key_id").GetString()!;
        await using var stream = await SseClient.ConnectAsync(hub.BaseAddress, key);
        (await admin.DeleteAsync($"/api/v1/parties/{partyId}/keys/{keyId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await stream.ReadUntilAsync(_ => false, TimeSpan.FromSeconds(10));
        stream.Ended.ShouldBeTrue();
    }
}
