using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Hostile;

/// <summary>
/// The generated sweep: every GET endpoint the hub documents in /openapi/v1.json (so a new endpoint is swept
/// without anyone listing it), with every path parameter set to every seeded id and list endpoints with filters that
/// cover every seeded object, called by every party and by a client without a key; then the event stream replayed
/// from the start, the audit export, the transparency report and the hotline. No reply body, header, event or export
/// line may hold a marker of an object its caller may not know (see <see cref="HostileScenario"/>); a failure names
/// the endpoint, the caller, the object and the marker.
/// </summary>
public sealed partial class LeakSweepTests(HostileScenario scenario) : IClassFixture<HostileScenario>
{
    private const int MaxReported = 60;

    [Fact]
    public async Task No_GET_endpoint_shows_any_caller_a_marker_of_an_object_it_may_not_see()
    {
        var endpoints = await GetEndpointsAsync();
        endpoints.ShouldContain("/api/v1/intents/{id}");
        endpoints.ShouldContain("/api/v1/sites/{id}");
        var requests = Requests(endpoints).ToList();
        var leaks = new List<Leak>();
        var sent = 0;
        foreach (var caller in scenario.Callers)
        {
            var scanner = new LeakScanner(caller, scenario.Objects);
            scanner.HiddenMarkerCount.ShouldBeGreaterThan(0);
            using var client = scenario.Client(caller);
            foreach (var path in requests)
            {
                using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
                var body = await ReadBoundedAsync(response);
                leaks.AddRange(scanner.Scan($"GET {path} ({(int)response.StatusCode}) body", body, Uri.UnescapeDataString(path)));
                leaks.AddRange(scanner.Scan($"GET {path} ({(int)response.StatusCode}) headers", response.Headers + "\n" + response.Content.Headers, Uri.UnescapeDataString(path)));
                sent++;
            }
        }
        sent.ShouldBeGreaterThan(1000);
        Report(leaks);
    }

    [Fact]
    public async Task The_event_stream_replayed_from_the_start_shows_no_caller_a_hidden_marker()
    {
        var parties = scenario.Parties.Keys.ToList();
        var replays = await Task.WhenAll(parties.Select(async caller =>
        {
            await using var sse = await SseClient.ConnectAsync(scenario.Hub.BaseAddress, scenario.Parties[caller].Key, "0");
            // Bounded: the replay comes first and at once; three seconds is plenty and then the stream is left.
            return (caller, events: await sse.ReadUntilAsync(_ => false, TimeSpan.FromSeconds(3)));
        }));
        var leaks = new List<Leak>();
        foreach (var (caller, events) in replays)
        {
            events.Count.ShouldBeGreaterThan(0, $"{caller} replayed nothing");
            var scanner = new LeakScanner(caller, scenario.Objects);
            foreach (var e in events)
            {
                leaks.AddRange(scanner.Scan($"SSE event {e.Id} ({e.Type})", $"id: {e.Id}\nevent: {e.Type}\ndata: {e.Data}"));
            }
        }
        Report(leaks);
    }

    [Fact]
    public async Task The_audit_export_shows_no_caller_a_hidden_marker_whatever_its_bounds()
    {
        var from = HostileGeoJson.Time(DateTimeOffset.UtcNow.AddDays(-1));
        string[] queries = ["", "?from=1", $"?from={from}", "?from=1&to=100000"];
        var leaks = new List<Leak>();
        foreach (var caller in scenario.Parties.Keys)
        {
            var scanner = new LeakScanner(caller, scenario.Objects);
            using var client = scenario.Client(caller);
            foreach (var q in queries)
            {
                var response = await client.GetAsync("/api/v1/audit/export" + q);
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
                var text = await response.Content.ReadAsStringAsync();
                text.Split('\n').Length.ShouldBeGreaterThan(50, $"{caller}'s export holds the seeded history");
                foreach (var line in text.Split('\n'))
                {
                    leaks.AddRange(scanner.Scan($"audit export{q} line", line, q));
                }
            }
        }
        Report(leaks);
    }

    [Fact]
    public async Task Transparency_inbox_and_threads_show_no_caller_a_hidden_marker()
    {
        var window = $"?from={HostileGeoJson.Time(scenario.T0.AddDays(-3))}&to={HostileGeoJson.Time(scenario.T0.AddDays(40))}";
        var threadIds = scenario.Objects.Where(o => o.Kind.Contains("thread", StringComparison.Ordinal)).Select(o => o.Id).Distinct().ToList();
        threadIds.Count.ShouldBeGreaterThan(5);
        var leaks = new List<Leak>();
        foreach (var caller in scenario.Callers)
        {
            var scanner = new LeakScanner(caller, scenario.Objects);
            using var client = scenario.Client(caller);
            foreach (var path in new[] { "/api/v1/transparency" + window, "/api/v1/transparency", "/api/v1/inbox" }.Concat(threadIds.Select(t => "/api/v1/threads/" + t)))
            {
                var response = await client.GetAsync(path);
                leaks.AddRange(scanner.Scan($"GET {path} ({(int)response.StatusCode})", await response.Content.ReadAsStringAsync() + "\n" + response.Headers, path));
            }
        }
        Report(leaks);
    }

    [Fact]
    public void The_seed_covers_every_kind_of_object_and_agreement()
    {
        var kinds = scenario.Objects.Select(o => o.Kind).ToHashSet();
        foreach (var kind in new[] { "intent", "site", "movement", "zone", "strike", "track", "thread", "message", "agreement", "conflict", "escalation contact", "key" })
        {
            kinds.ShouldContain(kind);
        }
        // Each caller may not know most of what was seeded, and knows something of its own.
        foreach (var caller in scenario.Parties.Keys.Where(p => p != HostileScenario.Oscar))
        {
            scenario.Objects.Count(o => o.KnownTo.Contains(caller)).ShouldBeGreaterThan(5);
            scenario.Objects.Count(o => !o.KnownTo.Contains(caller)).ShouldBeGreaterThan(20);
        }
        scenario.EscalationSeen.ShouldBeTrue("the observer was told of the escalation within 30 s");
    }

    /// <summary>Every GET path template in the hub's OpenAPI document.</summary>
    private async Task<List<string>> GetEndpointsAsync()
    {
        using var client = scenario.Client(HostileScenario.Anonymous);
        var doc = await (await client.GetAsync("/openapi/v1.json")).ShouldBeAsync(HttpStatusCode.OK);
        return [.. doc.GetProperty("paths").EnumerateObject().Where(p => p.Value.TryGetProperty("get", out _)).Select(p => p.Name)];
    }

    /// <summary>
    /// The requests of the sweep: a template with parameters once per seeded id; one without, bare and with
    /// filters that cover every seeded object (state, time window, the whole globe, a sequence bound).
    /// The event stream is swept by its own test (it does not end).
    /// </summary>
    private IEnumerable<string> Requests(IEnumerable<string> endpoints)
    {
        var window = $"from={Uri.EscapeDataString(HostileGeoJson.Time(scenario.T0.AddDays(-3)))}&to={Uri.EscapeDataString(HostileGeoJson.Time(scenario.T0.AddDays(40)))}";
        string[] queries = ["", "?state=all", "?" + window, "?bbox=-180,-90,180,90", "?state=all&" + window + "&bbox=-180,-90,180,90", "?from=1"];
        foreach (var template in endpoints.Where(e => e != "/api/v1/events"))
        {
            if (!template.Contains('{', StringComparison.Ordinal))
            {
                foreach (var q in queries)
                {
                    yield return template + q;
                }
                continue;
            }
            foreach (var id in scenario.Ids)
            {
                yield return PathParameter().Replace(template, Uri.EscapeDataString(id));
            }
        }
    }

    /// <summary>The body, cut at 8 MiB so that a stream never holds the sweep.</summary>
    private static async Task<string> ReadBoundedAsync(HttpResponseMessage response)
    {
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[8 << 20];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cts.Token)) > 0)
        {
            total += read;
        }
        return Encoding.UTF8.GetString(buffer, 0, total);
    }

    private static void Report(List<Leak> leaks)
    {
        if (leaks.Count == 0)
        {
            return;
        }
        var summary = leaks.GroupBy(l => (l.Caller, l.Object.Kind)).Select(g => $"{g.Key.Caller} ← {g.Key.Kind}: {g.Count()}");
        Assert.Fail($"{leaks.Count} leak(s) [{string.Join("; ", summary)}]:\n" + string.Join("\n", leaks.Take(MaxReported)) + (leaks.Count > MaxReported ? "\n…" : ""));
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex PathParameter();
}
