using System.Net;
using System.Text.Json;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Tracks;

/// <summary>
/// <c>GET /api/v1/tracks/history</c>: the recorded past of the tracks a caller may see now, for the console's time
/// cursor and debriefs; a hidden track's past stays hidden, and a bad window is a problem naming its field.
/// </summary>
public sealed class TrackHistoryApiTests : IAsyncLifetime
{
    private LiveHub _hub = null!;

    // Reports minutes old are still live here, so a few minutes of history can be written at once.
    public async ValueTask InitializeAsync() => _hub = await LiveHub.StartAsync("--Surveillance:HistoryIntervalS=10", "--Surveillance:StaleAfterS=3600");

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<List<JsonElement>> HistoryAsync(HttpClient c, string query = "")
    {
        var reply = await (await c.GetAsync(new Uri("/api/v1/tracks/history" + query, UriKind.Relative))).ShouldBeAsync(HttpStatusCode.OK);
        return [.. reply.EnumerateArray()];
    }

    [Fact]
    public async Task A_track_is_recorded_once_per_interval_and_answered_oldest_first_within_the_window()
    {
        var (_, key) = await _hub.CreatePartyAsync("hist-a");
        var start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds());
        // 31 reports 4 s apart: the history keeps one every 10 s (at 0, 12, 24, ... s).
        for (var k = 0; k <= 30; k++)
        {
            (await _hub.PostTracksAsync(key, "[" + LiveHub.Report("H1", start.AddSeconds(4 * k), 35 + (k * 0.01), 38, 30000, 400, 0) + "]")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }
        using var c = _hub.Client(key);
        var all = await HistoryAsync(c);
        all.Select(s => s.GetProperty("t").GetDateTimeOffset()).ShouldBe([.. Enumerable.Range(0, 11).Select(k => start.AddSeconds(12 * k))],
            "one sample per 10 s interval: the first report after each");
        all.ShouldAllBe(s => s.GetProperty("id").GetString() == "H1");
        all.Select(s => s.GetProperty("lat_deg").GetDouble()).ShouldBeInOrder();

        var window = await HistoryAsync(c, $"?from={Iso(start.AddSeconds(30))}&to={Iso(start.AddSeconds(60))}");
        window.Select(s => s.GetProperty("t").GetDateTimeOffset()).ShouldBe([start.AddSeconds(36), start.AddSeconds(48), start.AddSeconds(60)]);
        var thinned = await HistoryAsync(c, "?interval_s=30");
        thinned.Select(s => s.GetProperty("t").GetDateTimeOffset()).ShouldBe([start, start.AddSeconds(36), start.AddSeconds(72), start.AddSeconds(108)]);
    }

    [Fact]
    public async Task A_track_the_caller_may_not_see_now_has_no_past_for_it()
    {
        var (_, aKey) = await _hub.CreatePartyAsync("hist-v");
        var (b, bKey) = await _hub.CreatePartyAsync("hist-w");
        var (_, cKey) = await _hub.CreatePartyAsync("hist-x");
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-2);
        (await _hub.PostTracksAsync(aKey, "[" + LiveHub.Report("HA1", t0, -20, 20, 30000, 400, 0) + "]")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await _hub.PostTracksAsync(bKey, "[" + LiveHub.Report("HB1", t0, -40, 60, 30000, 400, 0) + "]")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await _hub.AgreeAsync(aKey, b, bKey, """
            {"counterparty":"{counterparty}","separation":{"h_nm":5,"v_ft":1000,"lookahead_s":300},"buffers":{"h_m":0,"v_ft":0,"t_s":0},
             "sharing":{"proposer_to_counterparty":"full","counterparty_to_proposer":"none"},"ack_deadline_s":300,"languages":{"proposer":"en","counterparty":"en"}}
            """);
        using var ca = _hub.Client(aKey);
        using var cb = _hub.Client(bKey);
        using var cc = _hub.Client(cKey);
        (await HistoryAsync(ca)).Select(s => s.GetProperty("id").GetString()).ShouldBe(["HA1"]);
        (await HistoryAsync(cb)).Select(s => s.GetProperty("id").GetString()).Order().ShouldBe(["HA1", "HB1"]);
        (await HistoryAsync(cc)).ShouldBeEmpty();
        using var admin = _hub.Client(_hub.AdminKey);
        (await HistoryAsync(admin)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("?from=yesterday", "from")]
    [InlineData("?to=soon", "to")]
    [InlineData("?from=2026-03-01T12:00:00Z&to=2026-03-01T11:00:00Z", "to")]
    [InlineData("?from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:01Z", "from")]
    [InlineData("?interval_s=-1", "interval_s")]
    [InlineData("?interval_s=1e9", "interval_s")]
    public async Task A_bad_window_is_a_problem_naming_its_field(string query, string field)
    {
        var (_, key) = await _hub.CreatePartyAsync("hist-bad");
        using var c = _hub.Client(key);
        using var response = await c.GetAsync(new Uri("/api/v1/tracks/history" + query, UriKind.Relative));
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
    }
}
