using System.Net;
using System.Text;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Api;

/// <summary>Malformed JSON, wrong types, unknown members, huge bodies and invalid geometry get 4xx problem+json naming the field, never 500.</summary>
public abstract class BadInputTests(HubHost hub)
{
    private const string T0 = "2026-03-01T10:00:00Z";
    private const string T1 = "2026-03-01T12:00:00Z";

    public static TheoryData<string, string, string?> BadIntents => new()
    {
        { "{\"type\":\"FeatureCollection\",\"features\":[", "not json", "body" },
        { "[]", "array", "type" },
        { "{\"type\":\"Feature\"}", "not a collection", "type" },
        { "{\"type\":\"FeatureCollection\",\"features\":[]}", "no volumes", "features" },
        { HubCalls.Circle(10, 10, 1000, 0, 1000, T0, T1).Replace("\"alt_lower_ft\":0", "\"alt_lower_ft\":\"low\"", StringComparison.Ordinal), "wrong type", "features[0].alt_lower_ft" },
        { HubCalls.Circle(10, 10, 1000, 0, 1000, T0, T1).Replace("\"alt_lower_ft\":0", "\"alt_lower_ft\":0,\"colour\":\"red\"", StringComparison.Ordinal), "unknown property", "features[0].properties.colour" },
        { HubCalls.Circle(10, 10, 1000, 0, 1000, T0, T1).Replace("{\"type\":\"FeatureCollection\",", "{\"type\":\"FeatureCollection\",\"extra\":1,", StringComparison.Ordinal), "unknown member", "extra" },
        { HubCalls.Circle(10, 10, 1000, 2000, 1000, T0, T1), "upper below lower", "features[0].alt_upper_ft" },
        { HubCalls.Circle(10, 10, 1000, 0, 1000, T1, T0), "time backwards", "features[0].time_end" },
        { HubCalls.Circle(10, 10, -5, 0, 1000, T0, T1), "negative radius", "features[0].radius_m" },
        { HubCalls.Circle(10, 95, 1000, 0, 1000, T0, T1), "latitude out of range", "features[0].coordinates" },
        { "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[0,1],[1,0],[0,0]]]},\"properties\":{\"alt_lower_ft\":0,\"alt_upper_ft\":100,\"time_start\":\"" + T0 + "\",\"time_end\":\"" + T1 + "\"}}]}", "self-crossing polygon", "features[0].coordinates" },
        { HubCalls.Circle(10, 10, 1000, 0, 1000, T0, T1, priority: 1).Replace("\"priority\":1", "\"priority\":\"high\"", StringComparison.Ordinal), "priority not an integer", "priority" },
    };

    [Theory]
    [MemberData(nameof(BadIntents))]
    public async Task A_bad_intent_body_gets_400_naming_the_field(string body, string why, string? field)
    {
        var p = await hub.CreatePartyAsync("bad");
        using var c = p.Client();
        var response = await c.PutIntentAsync("BAD-1", body);
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrEmpty(why);
        (await c.GetAsync("/api/v1/intents/BAD-1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_intent_for_another_party_gets_403()
    {
        var p = await hub.CreatePartyAsync("other");
        using var c = p.Client();
        var body = HubCalls.Circle(10, 10, 1000, 0, 1000, T0, T1).Replace("\"alt_lower_ft\":0", "\"party\":\"someone-else\",\"alt_lower_ft\":0", StringComparison.Ordinal);
        await (await c.PutIntentAsync("X-1", body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413()
    {
        var p = await hub.CreatePartyAsync("huge");
        using var c = p.Client();
        var huge = "{\"type\":\"FeatureCollection\",\"features\":[" + new string(' ', 2 * 1024 * 1024) + "]}";
        await (await c.PutIntentAsync("HUGE-1", huge)).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "body");
        await (await c.SendJsonAsync(HttpMethod.Post, "/api/v1/agreements", huge)).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "body");
    }

    public static TheoryData<string, string> BadAgreements => new()
    {
        { "{\"counterparty\":", "counterparty" },
        { "{\"counterparty\":42}", "counterparty" },
        { "{\"counterparty\":\"x\",\"nonsense\":true}", "nonsense" },
        { "{\"counterparty\":\"x\",\"sharing\":{\"proposer_to_counterparty\":\"everything\"}}", "sharing.proposer_to_counterparty" },
        { "{\"counterparty\":\"x\",\"separation\":{\"h_nm\":\"five\"}}", "separation.h_nm" },
        { "{\"counterparty\":\"nobody-at-all\"}", "counterparty" },
        { "{\"counterparty\":\"x\",\"separation\":{\"h_nm\":-1}}", "separation.h_nm" },
        { "{\"counterparty\":\"x\",\"languages\":{\"proposer\":\"klingon\"}}", "languages.proposer" },
        { "{\"counterparty\":\"x\",\"ack_deadline_s\":1.5}", "ack_deadline_s" },
        { "", "body" },
        { "null", "body" },
    };

    [Theory]
    [MemberData(nameof(BadAgreements))]
    public async Task A_bad_agreement_gets_400_naming_the_field(string json, string field)
    {
        var p = await hub.CreatePartyAsync("agr");
        var other = await hub.CreatePartyAsync("agr-other");
        using var c = p.Client();
        await (await c.SendJsonAsync(HttpMethod.Post, "/api/v1/agreements", json.Replace("\"x\"", $"\"{other.Id}\"", StringComparison.Ordinal)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Bad_party_requests_get_4xx_problems()
    {
        using var admin = hub.Admin();
        await (await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/parties", "{\"name\":\"x\",\"kind\":\"pirate\"}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "kind");
        await (await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/parties", "{\"name\":\"\",\"kind\":\"state\"}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "name");
        await (await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/parties", "{\"name\":[1],\"kind\":\"state\"}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "name");
        var name = "dup-" + Guid.NewGuid().ToString("N")[..6];
        (await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/parties", $"{{\"name\":\"{name}\",\"kind\":\"state\"}}")).StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/parties", $"{{\"name\":\"{name}\",\"kind\":\"state\"}}")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "id");
        await (await admin.GetAsync("/api/v1/conflicts?state=maybe")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "state");
        await (await admin.GetAsync("/api/v1/no-such-thing")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Missing_or_malformed_keys_get_401_and_open_paths_need_none()
    {
        using var anonymous = hub.Client();
        await (await anonymous.GetAsync("/api/v1/intents")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        using var wrong = hub.Client("dcf_kdeadbeef_00");
        await (await wrong.GetAsync("/api/v1/intents")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        using var garbage = hub.Client(new string('z', 600));
        await (await garbage.GetAsync("/api/v1/conflicts")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/healthz")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync("/readyz")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var openapi = await anonymous.GetAsync("/openapi/v1.json");
        openapi.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await openapi.Content.ReadAsStringAsync();
        document.ShouldContain("/api/v1/intents/{id}");
        document.ShouldContain("securitySchemes");
        (await anonymous.GetAsync("/docs")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Non_UTF8_and_binary_bodies_get_400()
    {
        var p = await hub.CreatePartyAsync("binary");
        using var c = p.Client();
        using var content = new ByteArrayContent([0xff, 0xfe, 0x00, 0x7b]);
        var response = await c.PutAsync("/api/v1/intents/BIN-1", content);
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "body");
        using var json = new StringContent("{\"state\":1}", Encoding.UTF8, "application/json");
        await (await c.PostAsync("/api/v1/intents/BIN-1/state", json)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "state");
    }
}

public sealed class SqliteBadInputTests(SqliteHub hub) : BadInputTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresBadInputTests(PostgresHub hub) : BadInputTests(hub), IClassFixture<PostgresHub>;

[Collection(ClusterPeers.Collection)]
public sealed class ClusterBadInputTests(ClusterHub hub) : BadInputTests(hub), IClassFixture<ClusterHub>;
