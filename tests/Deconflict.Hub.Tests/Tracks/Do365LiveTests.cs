using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Tracks;

/// <summary>
/// The hub's live pipeline classifies each tactical alert with the DO-365B levels (through their M-of-N
/// hysteresis) besides the cylinder's caution and warning: two aircraft head-on 1.5 NM apart at one level
/// are a DO-365 warning, shown to both parties in the conflict's detail.
/// </summary>
public sealed class Do365LiveTests
{
    [Fact]
    public async Task A_close_head_on_pair_is_a_do365_warning_for_both_parties()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var hub = await LiveHub.StartAsync("--Surveillance:CycleS=0.5");
        var (_, aKey) = await hub.CreatePartyAsync("do365-a");
        var (b, bKey) = await hub.CreatePartyAsync("do365-b");
        await hub.AgreeAsync(aKey, b, bKey, """{"counterparty":"{counterparty}","sharing":{"proposer_to_counterparty":"conflicts_only","counterparty_to_proposer":"conflicts_only"}}""");
        var now = DateTimeOffset.UtcNow;
        (await hub.PostTracksAsync(aKey, "[" + LiveHub.Report("DA1", now, 10, 30, 20_000, 250, 90) + "]")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await hub.PostTracksAsync(bKey, "[" + LiveHub.Report("DB1", now, 10, 30.025, 20_000, 250, 270) + "]")).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var watch = Stopwatch.StartNew();
        foreach (var key in new[] { aKey, bKey })
        {
            using var client = hub.Client(key);
            JsonElement? detail = null;
            while (detail is null && watch.Elapsed < TimeSpan.FromSeconds(20))
            {
                var open = await (await client.GetAsync("/api/v1/conflicts?state=open", ct)).JsonAsync();
                detail = open.EnumerateArray()
                    .Where(x => x.GetProperty("kind").GetString() == "tactical")
                    .Select(x => x.GetProperty("detail"))
                    .Where(d => d.ValueKind == JsonValueKind.Object && d.TryGetProperty("do365_level", out var level) && level.GetString() == "warning")
                    .Select(d => (JsonElement?)d)
                    .FirstOrDefault();
                if (detail is null)
                {
                    await Task.Delay(100, ct);
                }
            }
            detail.ShouldNotBeNull("the tactical conflict carries the DO-365 warning");
            detail.Value.GetProperty("max_do365_level").GetString().ShouldBe("warning");
        }
    }
}
