using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deconflict.Hub.Tests.Hosting;
using Deconflict.Testing;

namespace Deconflict.Hub.Tests.Docs;

/// <summary>
/// The OpenAPI document served by a running hub is complete: every operation with a body has its request schema,
/// every success status its response schema, every error status a problem+json schema; every /api/ operation
/// answers 401 and the bearer scheme keeps its placeholder. The document the web console and the Python client are
/// generated from (web/openapi.json) is the one the hub serves.
/// </summary>
public sealed class OpenApiCompletenessTests(SqliteKestrelHub hub) : IClassFixture<SqliteKestrelHub>
{
    /// <summary>POST/PUT operations that take no body: the path and the caller say everything.</summary>
    private static readonly Dictionary<string, string> NoBody = new(StringComparer.Ordinal)
    {
        ["POST /api/v1/parties/{id}/keys"] = "issues a key for the party in the path",
        ["POST /api/v1/agreements/{id}/accept"] = "an action on the agreement in the path",
        ["POST /api/v1/agreements/{id}/decline"] = "an action on the agreement in the path",
        ["POST /api/v1/agreements/{id}/withdraw"] = "an action on the agreement in the path",
        ["POST /api/v1/agreements/{id}/end"] = "an action on the agreement in the path",
        ["POST /api/v1/messages/{id}/ack"] = "acknowledges the message in the path",
        ["POST /api/v1/sites/{id}/ack"] = "acknowledges the site in the path",
        ["PUT /api/v1/intents/{id}/fire-area"] = "designates the intent in the path",
    };

    /// <summary>
    /// Paths outside the hub's own contract: the ASTM F3548 DSS and USS interfaces, whose bodies and errors
    /// (<c>ErrorResponse</c>, not problem+json) are the standard's utm.yaml and are tested against it in the Dss tests.
    /// </summary>
    private static readonly string[] StandardPrefixes = ["/dss/", "/uss/"];

    private static readonly string[] BodyMethods = ["post", "put", "patch"];

    [Fact]
    public async Task Every_operation_has_its_request_response_and_problem_schemas()
    {
        var doc = await DocumentAsync();
        var gaps = new List<string>();
        var operations = 0;
        foreach (var (path, item) in doc["paths"]!.AsObject())
        {
            if (StandardPrefixes.Any(p => path.StartsWith(p, StringComparison.Ordinal)))
            {
                continue;
            }
            foreach (var (method, node) in item!.AsObject())
            {
                var op = node!.AsObject();
                var name = $"{method.ToUpperInvariant()} {path}";
                operations++;
                if (BodyMethods.Contains(method) && !NoBody.ContainsKey(name) && !HasSchema(op["requestBody"]))
                {
                    gaps.Add($"{name}: no request schema");
                }
                if (NoBody.ContainsKey(name) && op["requestBody"] is not null)
                {
                    gaps.Add($"{name}: listed as taking no body but documents one");
                }
                var responses = op["responses"]?.AsObject() ?? [];
                if (!responses.Any(r => r.Key.StartsWith('2')))
                {
                    gaps.Add($"{name}: no success status");
                }
                foreach (var (status, response) in responses)
                {
                    if (status.StartsWith('2') && status != "204" && !HasSchema(response))
                    {
                        gaps.Add($"{name}: {status} has no response schema");
                    }
                    if (status[0] is '4' or '5' && !HasSchema(response, "application/problem+json"))
                    {
                        gaps.Add($"{name}: {status} has no application/problem+json schema");
                    }
                }
                if (path.StartsWith("/api/", StringComparison.Ordinal) && !responses.ContainsKey("401"))
                {
                    gaps.Add($"{name}: 401 not documented");
                }
                if (path.Contains("id}", StringComparison.Ordinal) && !responses.ContainsKey("400"))
                {
                    gaps.Add($"{name}: 400 (the id rule) not documented");
                }
                if (op["summary"] is null)
                {
                    gaps.Add($"{name}: no summary");
                }
            }
        }
        operations.ShouldBeGreaterThan(50);
        gaps.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_documented_statuses_of_intent_writes_are_those_of_the_contract()
    {
        var doc = await DocumentAsync();
        var put = doc["paths"]!["/api/v1/intents/{id}"]!["put"]!["responses"]!.AsObject();
        foreach (var status in new[] { "200", "201", "400", "401", "403", "409", "412", "428", "429" })
        {
            put.ContainsKey(status).ShouldBeTrue($"PUT /api/v1/intents/{{id}} does not document {status}");
        }
        put["409"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>().ShouldEndWith("/IntentBlockedProblem");
        var intentDoc = doc["components"]!["schemas"]!["IntentVolumeProperties"]!["properties"]!.AsObject();
        intentDoc.Select(p => p.Key).ShouldContain("alt_lower_ft");
        intentDoc["time_start"]!["type"]!.GetValue<string>().ShouldBe("string");
    }

    [Fact]
    public async Task The_bearer_scheme_keeps_its_placeholder_and_the_health_checks_need_no_key()
    {
        var doc = await DocumentAsync();
        var bearer = doc["components"]!["securitySchemes"]!["bearer"]!;
        bearer["scheme"]!.GetValue<string>().ShouldBe("bearer");
        bearer["description"]!.GetValue<string>().ShouldContain("`Authorization: Bearer <key>`");
        doc["paths"]!["/healthz"]!["get"]!["security"]!.AsArray().ShouldBeEmpty();
        doc["paths"]!["/api/v1/intents"]!["get"]!["security"].ShouldBeNull("operations under /api/ take the document's bearer requirement");
    }

    /// <summary>
    /// web/openapi.json, from which the console's TypeScript client and the Python client's model are generated at
    /// build time without a hub, is the document the hub serves. Run with DECONFLICT_WRITE_OPENAPI=1 to rewrite it.
    /// </summary>
    [Fact]
    public async Task The_committed_document_is_the_one_the_hub_serves()
    {
        using var client = hub.Client(null);
        var served = await (await client.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();
        var path = Path.Combine(RepoPaths.Root, "web", "openapi.json");
        var text = served.ReplaceLineEndings("\n").TrimEnd() + "\n";
        if (Environment.GetEnvironmentVariable("DECONFLICT_WRITE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, text);
        }
        File.Exists(path).ShouldBeTrue($"{path} is missing: run DECONFLICT_WRITE_OPENAPI=1 dotnet test --project tests/Deconflict.Hub.Tests -- --filter-class '*OpenApiCompletenessTests'");
        (await File.ReadAllTextAsync(path)).ShouldBe(text,
            "web/openapi.json is stale: run DECONFLICT_WRITE_OPENAPI=1 dotnet test --project tests/Deconflict.Hub.Tests -- --filter-class '*OpenApiCompletenessTests', then rebuild the console (cd web && npm run build)");
    }

    private async Task<JsonObject> DocumentAsync()
    {
        using var client = hub.Client(null);
        var response = await client.GetAsync("/openapi/v1.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static bool HasSchema(JsonNode? container, string? mediaType = null)
    {
        if (container?["content"] is not JsonObject content || content.Count == 0)
        {
            return false;
        }
        return mediaType is null
            ? content.All(c => c.Value?["schema"] is JsonObject)
            : content[mediaType]?["schema"] is JsonObject;
    }
}
