using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Tracks;

/// <summary>Continuous detection on a real Kestrel server: alerts reach the parties' event streams within one cycle.</summary>
public sealed class LiveAlertStreamTests : IAsyncLifetime
{
    private const double CycleS = 1;
    private LiveHub _hub = null!;

    public async ValueTask InitializeAsync() => _hub = await LiveHub.StartAsync($"--Surveillance:CycleS={CycleS}", "--Surveillance:HoldS=0", "--Surveillance:HoldCycles=2");

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task An_alert_reaches_both_parties_within_one_detection_cycle_and_a_stranger_hears_nothing()
    {
        var (a, aKey) = await _hub.CreatePartyAsync("live-a");
        var (b, bKey) = await _hub.CreatePartyAsync("live-b");
        var (_, sKey) = await _hub.CreatePartyAsync("live-s");
        await using var bStream = await SseClient.ConnectAsync(_hub.BaseAddress, bKey);
        await using var sStream = await SseClient.ConnectAsync(_hub.BaseAddress, sKey);
        var now = DateTimeOffset.UtcNow;
        // Two of A's aircraft close together: A's own business, never an alert.
        (await _hub.PostTracksAsync(aKey, "[" + LiveHub.Report("LA1", now, 40, 20, 30000, 450, 90) + "," + LiveHub.Report("LA2", now, 40, 20.02, 30000, 450, 270) + "]"))
            .StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Task.Delay(TimeSpan.FromSeconds(2.5 * CycleS), TestContext.Current.CancellationToken);

        // B's aircraft head-on to LA1 at the same level, about 24 NM away: loss of separation in about 75 s.
        now = DateTimeOffset.UtcNow;
        (await _hub.PostTracksAsync(bKey, "[" + LiveHub.Report("LB1", now, 40, 20.53, 30000, 450, 270) + "]")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var events = await bStream.ReadUntilAsync(e => e.Type == "conflict", TimeSpan.FromSeconds(10));
        events.ShouldContain(e => e.Type == "conflict");
        using var doc = JsonDocument.Parse(events.Last(e => e.Type == "conflict").Data);
        var c = doc.RootElement;
        c.GetProperty("kind").GetString().ShouldBe("tactical");
        c.GetProperty("level").GetString().ShouldBe("caution");
        c.GetProperty("status").GetString().ShouldBe("open");
        // No agreement: B is told of A's aircraft by kind and party, never by id.
        c.GetProperty("objects").EnumerateArray().Select(o => o.GetString()).ShouldBe(["LB1"]);
        c.GetProperty("object_refs").EnumerateArray().Select(o => (o.GetProperty("kind").GetString(), o.GetProperty("party").GetString(), o.GetProperty("id").GetString()))
            .ShouldBe([("track", a, null), ("track", b, "LB1")]);
        c.GetProperty("parties").EnumerateArray().Select(o => o.GetString()).ShouldBe([a, b]);

        // The alert escalates as the aircraft close in (warning within 60 s of loss of separation).
        var later = await bStream.ReadUntilAsync(e => e.Type == "conflict" && e.Data.Contains("\"warning\"", StringComparison.Ordinal), TimeSpan.FromSeconds(40));
        later.ShouldContain(e => e.Data.Contains("\"warning\"", StringComparison.Ordinal));

        using var ca = _hub.Client(aKey);
        var open = await (await ca.GetAsync("/api/v1/conflicts?state=open")).JsonAsync();
        open.EnumerateArray().Where(x => x.GetProperty("kind").GetString() == "tactical").ShouldHaveSingleItem();

        // The stranger: nothing about A's or B's aircraft. Its own report marks the end of what it could have been sent.
        (await _hub.PostTracksAsync(sKey, "[" + LiveHub.Report("LS-MARK", DateTimeOffset.UtcNow, -60, -60, 1000, 0, 0) + "]")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var seen = await sStream.ReadUntilAsync(e => e.Data.Contains("LS-MARK", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        seen.ShouldContain(e => e.Data.Contains("LS-MARK", StringComparison.Ordinal));
        seen.ShouldAllBe(e => !e.Data.Contains("LA1", StringComparison.Ordinal) && !e.Data.Contains("LB1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tracks_that_fall_silent_clear_their_alert()
    {
        var (_, aKey) = await _hub.CreatePartyAsync("clr-a");
        var (_, bKey) = await _hub.CreatePartyAsync("clr-b");
        await using var aStream = await SseClient.ConnectAsync(_hub.BaseAddress, aKey);
        var now = DateTimeOffset.UtcNow;
        (await _hub.PostTracksAsync(aKey, "[" + LiveHub.Report("CA1", now, 10, 10, 20000, 300, 0) + "]")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await _hub.PostTracksAsync(bKey, "[" + LiveHub.Report("CB1", now, 10.01, 10, 20000, 300, 180) + "]")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var raised = await aStream.ReadUntilAsync(e => e.Type == "conflict", TimeSpan.FromSeconds(10));
        raised.ShouldContain(e => e.Type == "conflict" && e.Data.Contains("\"warning\"", StringComparison.Ordinal));
        // B's aircraft lands far below: the conflict clears after the hold cycles.
        (await _hub.PostTracksAsync(bKey, "[" + LiveHub.Report("CB1", DateTimeOffset.UtcNow, 10.01, 10, 2000, 0, 180) + "]")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var cleared = await aStream.ReadUntilAsync(e => e.Type == "conflict" && e.Data.Contains("\"cleared\"", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        cleared.ShouldContain(e => e.Data.Contains("\"cleared\"", StringComparison.Ordinal));
    }
}
