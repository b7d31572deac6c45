using System.Globalization;
using System.Net;
using System.Text.Json;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Tracks;

/// <summary>Conformance monitoring in the running hub: leaving the declared intent, and coming back.</summary>
public sealed class ConformanceTests : IAsyncLifetime
{
    private LiveHub _hub = null!;

    public async ValueTask InitializeAsync() => _hub = await LiveHub.StartAsync("--Surveillance:CycleS=0.5", "--Surveillance:HoldS=0");

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();

    private static async Task<string?> StateAsync(HttpClient c, string id) =>
        (await (await c.GetAsync("/api/v1/intents")).JsonAsync()).EnumerateArray().Single(i => i.GetProperty("id").GetString() == id).GetProperty("state").GetString();

    [Fact]
    public async Task A_track_outside_its_intent_makes_it_nonconforming_and_warns_the_party_it_threatens_until_it_returns()
    {
        var (a, aKey) = await _hub.CreatePartyAsync("conf-a");
        var (b, bKey) = await _hub.CreatePartyAsync("conf-b");
        using var ca = _hub.Client(aKey);
        using var cb = _hub.Client(bKey);
        var start = DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var end = DateTimeOffset.UtcNow.AddHours(2).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var aIntent = "CONF-A-" + Guid.NewGuid().ToString("N")[..6];
        var bIntent = "CONF-B-" + Guid.NewGuid().ToString("N")[..6];
        (await ca.PutIntentAsync(aIntent, HubCalls.Circle(30, 30, 10_000, 5_000, 15_000, start, end))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await cb.PutIntentAsync(bIntent, HubCalls.Circle(30.3, 30, 10_000, 5_000, 15_000, start, end))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await using var bStream = await SseClient.ConnectAsync(_hub.BaseAddress, bKey);

        (await _hub.PostTracksAsync(aKey, "[" + LiveHub.Report("CONF1", DateTimeOffset.UtcNow, 30, 30, 10_000, 0, 0, intent: aIntent) + "]")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Task.Delay(1500);
        (await StateAsync(ca, aIntent)).ShouldBe("Accepted");

        // Into B's volume, about 29 km east of A's.
        (await _hub.PostTracksAsync(aKey, "[" + LiveHub.Report("CONF1", DateTimeOffset.UtcNow, 30, 30.3, 10_000, 0, 0, intent: aIntent) + "]")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var events = await bStream.ReadUntilAsync(e => e.Type == "conflict" && e.Data.Contains("conformance", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        events.ShouldContain(e => e.Type == "conflict" && e.Data.Contains("conformance", StringComparison.Ordinal));
        using (var doc = JsonDocument.Parse(events.Last().Data))
        {
            var c = doc.RootElement;
            c.GetProperty("kind").GetString().ShouldBe("conformance");
            c.GetProperty("status").GetString().ShouldBe("open");
            c.GetProperty("parties").EnumerateArray().Select(p => p.GetString()).ShouldBe([a, b]);
            // No agreement: B learns that A's aircraft and intent are involved, not their ids.
            c.GetProperty("objects").EnumerateArray().Select(p => p.GetString()).ShouldBe([bIntent]);
            c.GetProperty("object_refs").EnumerateArray().Select(o => (o.GetProperty("kind").GetString(), o.GetProperty("party").GetString(), o.GetProperty("id").GetString()))
                .ShouldBe([("track", a, null), ("intent", a, null), ("intent", b, bIntent)]);
        }
        (await StateAsync(ca, aIntent)).ShouldBe("Nonconforming");

        // Back inside: the conflict clears and the intent is active again.
        (await _hub.PostTracksAsync(aKey, "[" + LiveHub.Report("CONF1", DateTimeOffset.UtcNow, 30, 30.01, 10_000, 0, 0, intent: aIntent) + "]")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var cleared = await bStream.ReadUntilAsync(e => e.Type == "conflict" && e.Data.Contains("\"cleared\"", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        cleared.ShouldContain(e => e.Data.Contains("\"cleared\"", StringComparison.Ordinal));
        (await StateAsync(ca, aIntent)).ShouldBe("Activated");
    }
}
