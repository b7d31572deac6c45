using System.Net;
using Deconflict.Hub.Tests.Hosting;
using System.Text.Json.Nodes;
using Deconflict.Hub.Dss;
using S = Deconflict.Hub.Dss.DssScopes;

namespace Deconflict.Hub.Tests.Dss;

/// <summary>
/// The uss_qualifier scenario authentication_validation: every DSS endpoint refuses missing, malformed, badly signed,
/// expired and other-audience tokens with 401, and a valid token without the endpoint's scope with 403, each with an
/// F3548 ErrorResponse body.
/// </summary>
public abstract class AuthenticationTests(DssHub hub)
{
    private static readonly string Id = DssCalls.NewId();

    public static TheoryData<string, string, string> Endpoints()
    {
        var area = new DssArea(1, 1);
        var oir = DssCalls.Oir(area.Volume()).ToJsonString();
        var sub = DssCalls.Subscription(area.Volume()).ToJsonString();
        var query = DssCalls.Query(area.Volume()).ToJsonString();
        var constraint = new JsonObject { ["extents"] = new JsonArray(area.Volume()), ["uss_base_url"] = DssCalls.UssUrl }.ToJsonString();
        return new TheoryData<string, string, string>
        {
            { "PUT", $"/dss/v1/operational_intent_references/{Id}", oir },
            { "PUT", $"/dss/v1/operational_intent_references/{Id}/someovnvalue12345", oir },
            { "GET", $"/dss/v1/operational_intent_references/{Id}", "" },
            { "DELETE", $"/dss/v1/operational_intent_references/{Id}/someovnvalue12345", "" },
            { "POST", "/dss/v1/operational_intent_references/query", query },
            { "PUT", $"/dss/v1/subscriptions/{Id}", sub },
            { "PUT", $"/dss/v1/subscriptions/{Id}/v1", sub },
            { "GET", $"/dss/v1/subscriptions/{Id}", "" },
            { "DELETE", $"/dss/v1/subscriptions/{Id}/v1", "" },
            { "POST", "/dss/v1/subscriptions/query", query },
            { "PUT", $"/dss/v1/constraint_references/{Id}", constraint },
            { "GET", $"/dss/v1/constraint_references/{Id}", "" },
            { "POST", "/dss/v1/constraint_references/query", query },
            { "GET", "/dss/v1/uss_availability/uss1", "" },
            { "PUT", "/dss/v1/uss_availability/uss1", """{"old_version":"","availability":"Normal"}""" },
            { "POST", "/dss/v1/reports", """{"exchange":{"url":"https://x","method":"GET","recorder_role":"Client","request_time":{"value":"2026-01-01T00:00:00Z","format":"RFC3339"},"request_source":"x"}}""" },
            { "GET", $"/uss/v1/operational_intents/{Id}", "" },
        };
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Requests_without_valid_credentials_are_refused_with_401(string method, string path, string body)
    {
        var now = DateTimeOffset.UtcNow;
        var tokens = new Dictionary<string, string?>
        {
            ["missing credentials"] = null,
            ["malformed"] = "not-a-jwt",
            ["badly signed"] = DssTokenMinter.Mint(hub.OtherKey, "uss1", S.All, DssHub.Audience, now.AddMinutes(10)),
            ["expired"] = DssTokenMinter.Mint(hub.IssuerKey, "uss1", S.All, DssHub.Audience, now.AddMinutes(-10)),
            ["other audience"] = DssTokenMinter.Mint(hub.IssuerKey, "uss1", S.All, "another.dss.test", now.AddMinutes(10)),
        };
        foreach (var (why, token) in tokens)
        {
            using var client = hub.Bearer(token);
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Content(body) });
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, why);
            (await response.ShouldAnswerAsync(HttpStatusCode.Unauthorized)).GetProperty("message").GetString().ShouldNotBeNullOrEmpty(why);
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Requests_with_a_missing_or_incorrect_scope_are_refused_with_403(string method, string path, string body)
    {
        var wrong = path.Contains("constraint", StringComparison.Ordinal) ? S.AvailabilityArbitration
            : path.Contains("uss_availability", StringComparison.Ordinal) && method == "PUT" ? S.StrategicCoordination
            : path.Contains("reports", StringComparison.Ordinal) ? null
            : S.ConstraintManagement;
        foreach (var scopes in new[] { Array.Empty<string>(), wrong is null ? [] : new[] { wrong } })
        {
            using var client = hub.Uss("uss-scopes", scopes);
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Content(body) });
            await response.ShouldAnswerAsync(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task Requests_with_valid_credentials_succeed_and_subjects_map_to_operator_parties()
    {
        var area = DssArea.New();
        using var uss = hub.Uss("uss-valid-credentials", S.StrategicCoordination);
        await uss.CreateOirAsync(DssCalls.NewId(), DssCalls.Oir(area.Volume()));
        using var admin = hub.Admin();
        var parties = await (await admin.GetAsync("/api/v1/parties")).ShouldAnswerAsync(HttpStatusCode.OK);
        parties.EnumerateArray().ShouldContain(p => p.GetProperty("id").GetString() == "uss-uss-valid-credentials" && p.GetProperty("kind").GetString() == "operator");
        // A subject given to a party at creation speaks as that party.
        var id = "ops-" + Guid.NewGuid().ToString("N")[..6];
        var created = await admin.PostJsonAsync("/api/v1/parties", new JsonObject { ["name"] = id, ["kind"] = "operator", ["id"] = id, ["f3548_subject"] = "sub-" + id });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostJsonAsync("/api/v1/parties", new JsonObject { ["name"] = id + "x", ["kind"] = "operator", ["f3548_subject"] = "sub-" + id })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.PostJsonAsync("/api/v1/parties", new JsonObject { ["name"] = id + "y", ["kind"] = "state", ["f3548_subject"] = "sub-y" + id })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var mapped = hub.Uss("sub-" + id, S.StrategicCoordination);
        var oirId = DssCalls.NewId();
        await mapped.CreateOirAsync(oirId, DssCalls.Oir(DssArea.New().Volume()));
        // The USS's reference is that party's intent in the hub.
        var key = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("api_key").GetString();
        using var party = Hosting.HubHttp.Client(hub.BaseAddress, key);
        var intent = await (await party.GetAsync($"/api/v1/intents/{oirId}")).ShouldAnswerAsync(HttpStatusCode.OK);
        intent.GetRawText().ShouldContain($"\"{id}\"");
    }

    private static StringContent? Content(string body) => body.Length == 0 ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json");
}

public sealed class SqliteAuthenticationTests(SqliteDssHub hub) : AuthenticationTests(hub), IClassFixture<SqliteDssHub>;

[Collection(ClusterPeers.Collection)]
public sealed class ClusterAuthenticationTests(ClusterDssHub hub) : AuthenticationTests(hub), IClassFixture<ClusterDssHub>;
