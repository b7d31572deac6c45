using System.Diagnostics;
using System.Net;
using Deconflict.Hub.Tests.Hosting;
using Deconflict.Hub.Tracks;

namespace Deconflict.Hub.Tests.Tracks;

/// <summary>
/// The live pipeline's flight-level rule: level aircraft on adjacent flight levels (reported 975 ft apart, as Mode C
/// quantisation gives) are separated and not alerted by default, while an agreement that turns the rule off alerts
/// the same geometry. Both pairs fly in the same cycles, so the silence of one is not a cycle that has not run.
/// </summary>
public sealed class FlightLevelAlertingTests
{
    [Fact]
    public async Task Adjacent_levels_are_not_alerted_unless_the_agreement_turns_the_rule_off()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var hub = await LiveHub.StartAsync("--Surveillance:CycleS=0.5", "--Surveillance:HoldS=0", "--Surveillance:HoldCycles=1");
        var (a, aKey) = await hub.CreatePartyAsync("fl-a");
        var (_, bKey) = await hub.CreatePartyAsync("fl-b");
        var (c, cKey) = await hub.CreatePartyAsync("fl-c");
        var (d, dKey) = await hub.CreatePartyAsync("fl-d");
        await hub.AgreeAsync(cKey, d, dKey, """{"counterparty":"{counterparty}","separation":{"flight_levels":{"filter":false}}}""");
        using var bad = hub.Client(aKey);
        using var refused = await bad.PostAsync("/api/v1/agreements", new StringContent(
            "{\"counterparty\":\"" + c + "\",\"separation\":{\"flight_levels\":{\"step_ft\":1000,\"tolerance_ft\":600}}}", System.Text.Encoding.UTF8, "application/json"), ct);
        await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "separation.flight_levels.tolerance_ft");

        var now = DateTimeOffset.UtcNow;
        // Head-on about 20 NM apart, level at FL330 and FL340 (33,975 ft reported).
        (await hub.PostTracksAsync(aKey, "[" + LiveHub.Report("FA1", now, 30, 20, 33_000, 450, 90) + "]")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await hub.PostTracksAsync(bKey, "[" + LiveHub.Report("FB1", now, 30, 20.38, 33_975, 450, 270) + "]")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await hub.PostTracksAsync(cKey, "[" + LiveHub.Report("FC1", now, -30, 20, 33_000, 450, 90) + "]")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await hub.PostTracksAsync(dKey, "[" + LiveHub.Report("FD1", now, -30, 20.38, 33_975, 450, 270) + "]")).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        using var cClient = hub.Client(cKey);
        var watch = Stopwatch.StartNew();
        var alerted = false;
        while (!alerted && watch.Elapsed < TimeSpan.FromSeconds(15))
        {
            var open = await (await cClient.GetAsync("/api/v1/conflicts?state=open", ct)).JsonAsync();
            alerted = open.EnumerateArray().Any(x => x.GetProperty("kind").GetString() == "tactical");
            await Task.Delay(100, ct);
        }
        alerted.ShouldBeTrue("the agreement without the rule alerts adjacent levels");
        // Two more cycles with both pairs in the picture.
        var cycles = hub.Service<LiveDetectionService>().Cycles;
        while (hub.Service<LiveDetectionService>().Cycles < cycles + 2 && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100, ct);
        }
        using var aClient = hub.Client(aKey);
        var aOpen = await (await aClient.GetAsync("/api/v1/conflicts?state=open", ct)).JsonAsync();
        aOpen.EnumerateArray().ShouldNotContain(x => x.GetProperty("kind").GetString() == "tactical");
        (await (await aClient.GetAsync("/api/v1/tracks", ct)).JsonAsync()).EnumerateArray().ShouldContain(t => t.GetProperty("id").GetString() == "FA1");
        a.ShouldNotBe(c);
    }
}
