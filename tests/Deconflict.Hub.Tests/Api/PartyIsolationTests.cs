using System.Net;
using Deconflict.Hub.Tests.Hosting;

namespace Deconflict.Hub.Tests.Api;

/// <summary>
/// Every endpoint tried with the keys of parties that may not see a victim's data (no agreement, sharing
/// none, conflicts_only without a conflict) and with a revoked key: 401/403/404 and not one byte of the
/// victim's data (intent ids, agreement ids, conflict ids, key ids, distinctive values) in any reply.
/// </summary>
public abstract class PartyIsolationTests(HubHost hub)
{
    private const string T0 = "2026-04-01T10:00:00Z";
    private const string T1 = "2026-04-01T12:00:00Z";

    [Fact]
    public async Task No_other_party_and_no_revoked_key_sees_a_byte_of_the_victims_data()
    {
        var victim = await hub.CreatePartyAsync("victim");
        var partner = await hub.CreatePartyAsync("partner");
        var stranger = await hub.CreatePartyAsync("stranger");
        var noneParty = await hub.CreatePartyAsync("none");
        var conflictsOnly = await hub.CreatePartyAsync("cfonly");
        using var v = victim.Client();
        using var p = partner.Client();

        var withPartner = await AgreeAsync(v, p, partner.Id, "full", "full");
        var withNone = await AgreeAsync(v, noneParty.Client(), noneParty.Id, "none", "full");
        var withConflictsOnly = await AgreeAsync(v, conflictsOnly.Client(), conflictsOnly.Id, "conflicts_only", "full");

        var secretIntent = "VICTIM-SECRET-" + Guid.NewGuid().ToString("N")[..10];
        var partnerIntent = "PARTNER-SECRET-" + Guid.NewGuid().ToString("N")[..10];
        var put = await v.PutIntentAsync(secretIntent, HubCalls.Circle(44.4321, 33.2109, 12_345.678, 23_456.5, 27_654.5, T0, T1));
        put.StatusCode.ShouldBe(HttpStatusCode.Created);
        var conflict = await p.PutIntentAsync(partnerIntent, HubCalls.Circle(44.4321, 33.2109, 5_000, 24_000, 25_000, T0, T1, priority: 7));
        var conflictBody = await conflict.ShouldBeAsync(HttpStatusCode.Created);
        var conflictId = conflictBody.GetProperty("conflicts")[0].GetProperty("conflict_id").GetString()!;

        using (var admin = hub.Admin())
        {
            var issued = await (await admin.PostAsync($"/api/v1/parties/{victim.Id}/keys", null)).ShouldBeAsync(HttpStatusCode.Created);
            var spareKeyId = issued.GetProperty("key_id").GetString()!;
            var spareKey = issued.GetProperty("api_key").GetString()!;
            using var spare = hub.Client(spareKey);
            (await spare.GetAsync("/api/v1/intents")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await admin.DeleteAsync($"/api/v1/parties/{victim.Id}/keys/{spareKeyId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            await (await spare.GetAsync("/api/v1/intents")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

            var secrets = new[] { secretIntent, partnerIntent, withPartner, withNone, withConflictsOnly, conflictId, victim.KeyId, spareKeyId, "12345.678", "23456.5", "44.4321" };
            foreach (var (attacker, own) in new[] { (stranger, ""), (noneParty, withNone), (conflictsOnly, withConflictsOnly) })
            {
                // Each attacker may see its own agreement with the victim, nothing else.
                using var a = attacker.Client();
                await ProbeAsync(a, victim, secretIntent, conflictId, withPartner, spareKeyId, [.. secrets.Where(x => x != own)], revoked: false);
            }
            await ProbeAsync(spare, victim, secretIntent, conflictId, withPartner, spareKeyId, secrets, revoked: true);
            using var nobody = hub.Client();
            await ProbeAsync(nobody, victim, secretIntent, conflictId, withPartner, spareKeyId, secrets, revoked: true);
        }

        // Nothing the attackers tried changed the victim's intent.
        var after = await v.GetAsync($"/api/v1/intents/{secretIntent}");
        after.ETag().ShouldBe("\"1\"");
        // The partner (full sharing) legitimately sees it, and the conflict detail.
        (await p.GetAsync($"/api/v1/intents/{secretIntent}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<string> AgreeAsync(HttpClient proposer, HttpClient counterparty, string counterpartyId, string proposerShares, string counterpartyShares)
    {
        var ag = await (await proposer.SendJsonAsync(HttpMethod.Post, "/api/v1/agreements",
            $$$"""{"counterparty":"{{{counterpartyId}}}","sharing":{"proposer_to_counterparty":"{{{proposerShares}}}","counterparty_to_proposer":"{{{counterpartyShares}}}"}}""")).ShouldBeAsync(HttpStatusCode.Created);
        var id = ag.GetProperty("id").GetString()!;
        await (await counterparty.PostAsync($"/api/v1/agreements/{id}/accept", null)).ShouldBeAsync(HttpStatusCode.OK);
        return id;
    }

    private static async Task ProbeAsync(HttpClient a, TestParty victim, string intent, string conflictId, string agreementId, string keyId, string[] secrets, bool revoked)
    {
        var body = HubCalls.Circle(44.4321, 33.2109, 100, 0, 100, T0, T1);
        var probes = new (HttpMethod Method, string Path, string? Json, string? IfMatch, HttpStatusCode Expected)[]
        {
            (HttpMethod.Get, $"/api/v1/intents/{intent}", null, null, HttpStatusCode.NotFound),
            (HttpMethod.Get, "/api/v1/intents", null, null, HttpStatusCode.OK),
            (HttpMethod.Get, "/api/v1/intents?bbox=44,33,45,34", null, null, HttpStatusCode.OK),
            // Ids are scoped per party: for another party the victim's id is as free as any (If-Match cannot match either).
            (HttpMethod.Put, $"/api/v1/intents/{intent}", body, "\"1\"", HttpStatusCode.PreconditionFailed),
            (HttpMethod.Post, $"/api/v1/intents/{intent}/state", """{"state":"Activated"}""", null, HttpStatusCode.NotFound),
            (HttpMethod.Delete, $"/api/v1/intents/{intent}", null, null, HttpStatusCode.NotFound),
            (HttpMethod.Get, "/api/v1/conflicts?state=all", null, null, HttpStatusCode.OK),
            (HttpMethod.Get, $"/api/v1/conflicts/{conflictId}", null, null, HttpStatusCode.NotFound),
            (HttpMethod.Get, "/api/v1/agreements", null, null, HttpStatusCode.OK),
            (HttpMethod.Get, $"/api/v1/agreements/{agreementId}", null, null, HttpStatusCode.NotFound),
            (HttpMethod.Post, $"/api/v1/agreements/{agreementId}/accept", null, null, HttpStatusCode.NotFound),
            (HttpMethod.Post, $"/api/v1/agreements/{agreementId}/end", null, null, HttpStatusCode.NotFound),
            (HttpMethod.Get, $"/api/v1/parties/{victim.Id}/keys", null, null, HttpStatusCode.NotFound),
            (HttpMethod.Post, $"/api/v1/parties/{victim.Id}/keys", null, null, HttpStatusCode.NotFound),
            (HttpMethod.Delete, $"/api/v1/parties/{victim.Id}/keys/{victim.KeyId}", null, null, HttpStatusCode.NotFound),
            (HttpMethod.Post, "/api/v1/parties", """{"name":"intruder","kind":"state"}""", null, HttpStatusCode.Forbidden),
            (HttpMethod.Get, "/api/v1/parties", null, null, HttpStatusCode.OK),
        };
        foreach (var (method, path, json, ifMatch, expected) in probes)
        {
            using var response = await a.SendJsonAsync(method, path, json, ifMatch);
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(revoked ? HttpStatusCode.Unauthorized : expected, $"{method} {path}: {text}");
            foreach (var secret in secrets)
            {
                text.ShouldNotContain(secret, Case.Sensitive, $"{method} {path} leaked {secret}");
                response.Headers.ToString().ShouldNotContain(secret, Case.Sensitive);
            }
        }
    }
}

public sealed class SqlitePartyIsolationTests(SqliteHub hub) : PartyIsolationTests(hub), IClassFixture<SqliteHub>;

public sealed class PostgresPartyIsolationTests(PostgresHub hub) : PartyIsolationTests(hub), IClassFixture<PostgresHub>;

[Collection(ClusterPeers.Collection)]
public sealed class ClusterPartyIsolationTests(ClusterHub hub) : PartyIsolationTests(hub), IClassFixture<ClusterHub>;
