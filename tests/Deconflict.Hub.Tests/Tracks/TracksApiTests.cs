using System.Net;
using System.Text.Json;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Tracks;

public sealed class TracksApiTests : IAsyncLifetime
{
    private LiveHub _hub = null!;

    public async ValueTask InitializeAsync() => _hub = await LiveHub.StartAsync();

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    [Fact]
    public async Task Each_report_is_judged_on_its_own_and_the_good_ones_are_taken()
    {
        var (a, key) = await _hub.CreatePartyAsync("trk-a");
        var body = "[" + string.Join(",",
            LiveHub.Report("A1", Now, 35.1, 38.2, 31000, 450, 90),
            "{\"id\":\"A2\",\"t\":\"not a time\",\"lat_deg\":95,\"lon_deg\":38}",
            LiveHub.Report("A3", Now.AddHours(-2), 35, 38, 31000, 450, 90),
            "{\"id\":\"A4\",\"t\":\"" + Now.ToString("O") + "\",\"lat_deg\":35,\"lon_deg\":38,\"gs_kt\":\"fast\"}",
            LiveHub.Report("A5", Now, 35.2, 38.3, 29000, 420, 270, intent: "no-such-intent"),
            LiveHub.Report("A6", Now, 35.3, 38.4, 33000, 400, 180)) + "]";
        using var response = await _hub.PostTracksAsync(key, body);
        var reply = await response.ShouldBeAsync(HttpStatusCode.Accepted);
        response.Receipt().ShouldNotBeNull();
        reply.GetProperty("accepted").GetInt32().ShouldBe(2);
        var rejected = reply.GetProperty("rejected").EnumerateArray().ToList();
        rejected.Select(r => r.GetProperty("index").GetInt32()).ShouldBe([1, 2, 3, 4]);
        rejected[0].GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["t", "lat_deg"], ignoreOrder: true);
        rejected[1].GetProperty("errors").TryGetProperty("t", out _).ShouldBeTrue();
        rejected[2].GetProperty("errors").TryGetProperty("gs_kt", out _).ShouldBeTrue();
        rejected[3].GetProperty("errors").TryGetProperty("intent_id", out _).ShouldBeTrue();

        using var c = _hub.Client(key);
        var tracks = await (await c.GetAsync("/api/v1/tracks")).ShouldBeAsync(HttpStatusCode.OK);
        tracks.EnumerateArray().Select(t => t.GetProperty("id").GetString()).ShouldBe(["A1", "A6"]);
        var a1 = tracks[0];
        a1.GetProperty("party").GetString().ShouldBe(a);
        a1.GetProperty("alt_ft").GetDouble().ShouldBe(31000);
        a1.GetProperty("lat_deg").GetDouble().ShouldBe(35.1);
    }

    [Fact]
    public async Task Ndjson_is_read_line_by_line()
    {
        var (_, key) = await _hub.CreatePartyAsync("trk-n");
        var body = LiveHub.Report("N1", Now, 10, 10, 20000, 300, 0) + "\n{broken\n" + LiveHub.Report("N2", Now, 10.1, 10, 20000, 300, 0) + "\n";
        using var response = await _hub.PostTracksAsync(key, body, "application/x-ndjson");
        var reply = await response.ShouldBeAsync(HttpStatusCode.Accepted);
        reply.GetProperty("accepted").GetInt32().ShouldBe(2);
        reply.GetProperty("rejected").EnumerateArray().Single().GetProperty("index").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_body_that_is_not_an_array_is_a_validation_problem_and_the_admin_reports_no_tracks()
    {
        var (_, key) = await _hub.CreatePartyAsync("trk-b");
        using var bad = await _hub.PostTracksAsync(key, "{\"id\":\"x\"}");
        await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "body");
        using var admin = await _hub.PostTracksAsync(_hub.AdminKey, "[]");
        await admin.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var anonymous = await _hub.Client(null).PostAsync("/api/v1/tracks", new StringContent("[]"));
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Another_partys_track_id_is_its_own_and_neither_overwrites_nor_reveals_the_other()
    {
        var (_, aKey) = await _hub.CreatePartyAsync("trk-o");
        var (_, bKey) = await _hub.CreatePartyAsync("trk-p");
        (await _hub.PostTracksAsync(aKey, "[" + LiveHub.Report("SAME1", Now, 1, 1, 1000, 100, 0) + "]")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        using var response = await _hub.PostTracksAsync(bKey, "[" + LiveHub.Report("SAME1", Now, 2, 2, 1000, 100, 0) + "]");
        var reply = await response.ShouldBeAsync(HttpStatusCode.Accepted);
        // Taken as B's own track: the answer is the one any free id gets, and A's track is unchanged.
        reply.GetProperty("accepted").GetInt32().ShouldBe(1);
        reply.GetProperty("rejected").GetArrayLength().ShouldBe(0);
        using var a = _hub.Client(aKey);
        var mine = (await (await a.GetAsync("/api/v1/tracks")).ShouldBeAsync(HttpStatusCode.OK)).EnumerateArray().Single(t => t.GetProperty("id").GetString() == "SAME1");
        mine.GetProperty("lat_deg").GetDouble().ShouldBe(1);
    }

    [Fact]
    public async Task A_party_sees_another_partys_tracks_only_as_their_agreement_allows()
    {
        var (a, aKey) = await _hub.CreatePartyAsync("vis-a");
        var (b, bKey) = await _hub.CreatePartyAsync("vis-b");
        var (_, cKey) = await _hub.CreatePartyAsync("vis-c");
        (await _hub.PostTracksAsync(aKey, "[" + LiveHub.Report("VA1", Now, -20, 20, 30000, 400, 0) + "]")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await _hub.PostTracksAsync(bKey, "[" + LiveHub.Report("VB1", Now, -40, 60, 30000, 400, 0) + "]")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await _hub.AgreeAsync(aKey, b, bKey, """
            {"counterparty":"{counterparty}","separation":{"h_nm":5,"v_ft":1000,"lookahead_s":300},"buffers":{"h_m":0,"v_ft":0,"t_s":0},
             "sharing":{"proposer_to_counterparty":"full","counterparty_to_proposer":"none"},"ack_deadline_s":300,"languages":{"proposer":"en","counterparty":"en"}}
            """);
        static async Task<List<string?>> Ids(HttpClient c) =>
            [.. (await (await c.GetAsync("/api/v1/tracks")).JsonAsync()).EnumerateArray().Select(t => t.GetProperty("id").GetString())];
        using var ca = _hub.Client(aKey);
        using var cb = _hub.Client(bKey);
        using var cc = _hub.Client(cKey);
        (await Ids(ca)).ShouldBe(["VA1"]);
        (await Ids(cb)).ShouldBe(["VA1", "VB1"]);
        (await Ids(cc)).ShouldBeEmpty();
        _ = a;
    }
}
