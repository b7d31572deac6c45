using System.Text.RegularExpressions;
using Deconflict.Hub.Auth;
using Deconflict.Hub.Dss;
using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;
using Deconflict.Hub.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deconflict.Hub.Parties;

/// <summary>Parties and their API keys. Creating parties is the admin's; a party may manage its own keys.</summary>
public static partial class PartiesApi
{
    public static IEndpointRouteBuilder MapPartiesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/parties").WithTags("Parties");
        group.MapPost("/", CreateAsync).WithName("CreateParty").WithSummary("Create a party (admin); returns its first API key once.")
            .AcceptsJson<NewParty>().Problems(StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict);
        group.MapGet("/", ListAsync).WithName("ListParties").WithSummary("List parties (id, name, kind).");
        group.MapGet("/{id}", GetAsync).WithName("GetParty").WithSummary("One party.").Problems(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/keys", IssueKeyAsync).WithName("IssueKey").WithSummary("Issue another API key (admin or the party); shown once.").Problems(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/keys", ListKeysAsync).WithName("ListKeys").WithSummary("List a party's keys (admin or the party).").Problems(StatusCodes.Status404NotFound);
        group.MapDelete("/{id}/keys/{keyId}", RevokeKeyAsync).WithName("RevokeKey").WithSummary("Revoke a key at once (admin or the party).").Problems(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Created<PartyCreated>, HubProblem>> CreateAsync(CallerParty caller, HttpRequest request, IHubStore store, DssState dss, CancellationToken ct)
    {
        if (!caller.IsAdmin)
        {
            return Problems.Forbidden("Only the admin creates parties.");
        }
        var body = await JsonBody.ReadAsync<NewParty>(request, ct).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        var input = body.Value!;
        var errors = new Dictionary<string, string[]>();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            errors["name"] = ["A name of 1 to 100 characters is required."];
        }
        if (input.Kind is null || !PartyKinds.All.Contains(input.Kind))
        {
            errors["kind"] = [$"One of: {string.Join(", ", PartyKinds.All)}."];
        }
        var id = input.Id ?? Slug(name ?? "");
        if (!IdPattern().IsMatch(id))
        {
            errors["id"] = ["1 to 64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit."];
        }
        if (input.F3548Subject is { } subject && (subject.Length is 0 or > 200 || input.Kind != "operator"))
        {
            errors["f3548_subject"] = ["1 to 200 characters, on a party of kind operator."];
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        var (keyId, apiKey, hash) = ApiKeys.Generate();
        var outcome = await store.WriteAsync(async w =>
        {
            if (await store.GetPartyAsync(id, ct).ConfigureAwait(false) is not null)
            {
                return (Created: false, Receipt: "", Field: "id");
            }
            if (await store.FindPartyByNameAsync(name!, ct).ConfigureAwait(false) is not null)
            {
                return (Created: false, Receipt: "", Field: "name");
            }
            if (input.F3548Subject is { } sub && dss.Subjects.ContainsKey(sub))
            {
                return (Created: false, Receipt: "", Field: "f3548_subject");
            }
            var party = new PartyRecord(id, name!, input.Kind!, w.Now);
            await w.InsertPartyAsync(party).ConfigureAwait(false);
            if (input.F3548Subject is { } mapped)
            {
                await DssStore.MapSubjectAsync(w, mapped, id).ConfigureAwait(false);
                w.AfterCommit(() => dss.Subjects[mapped] = id);
            }
            await w.InsertKeyAsync(new ApiKeyRecord(keyId, id, hash, w.Now, null)).ConfigureAwait(false);
            var receipt = await w.AppendAuditAsync("admin", "party.create", "party", id, [id],
                input.F3548Subject is null
                    ? HubJson.Serialize(new { id, name, kind = input.Kind, key_id = keyId })
                    : HubJson.Serialize(new { id, name, kind = input.Kind, key_id = keyId, f3548_subject = input.F3548Subject })).ConfigureAwait(false);
            return (Created: true, Receipt: receipt, Field: "");
        }, ct).ConfigureAwait(false);
        if (!outcome.Created)
        {
            return Problems.Conflict($"A party with this {outcome.Field} exists.",
                new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [outcome.Field] = ["Already in use."] } });
        }
        AuditReceiptHeader.Set(request.HttpContext.Response, outcome.Receipt);
        return TypedResults.Created($"/api/v1/parties/{id}", new PartyCreated(id, name!, input.Kind!, apiKey, keyId));
    }

    private static async Task<Ok<List<PartyView>>> ListAsync(CallerParty caller, IHubStore store, CancellationToken ct)
    {
        var parties = await store.ListPartiesAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(parties.Select(p => new PartyView(p.Id, p.Name, p.Kind)).ToList());
    }

    private static async Task<Results<Ok<PartyView>, HubProblem>> GetAsync(string id, CallerParty caller, IHubStore store, CancellationToken ct)
    {
        var party = await store.GetPartyAsync(id, ct).ConfigureAwait(false);
        return party is null ? Problems.NotFound("The party") : TypedResults.Ok(new PartyView(party.Id, party.Name, party.Kind));
    }

    private static async Task<Results<Created<KeyIssued>, HubProblem>> IssueKeyAsync(string id, CallerParty caller, HttpResponse response, IHubStore store, CancellationToken ct)
    {
        if (!caller.IsAdmin && caller.PartyId != id)
        {
            return Problems.NotFound("The party's keys");
        }
        if (await store.GetPartyAsync(id, ct).ConfigureAwait(false) is null)
        {
            return Problems.NotFound("The party");
        }
        var (keyId, apiKey, hash) = ApiKeys.Generate();
        var receipt = await store.WriteAsync(async w =>
        {
            await w.InsertKeyAsync(new ApiKeyRecord(keyId, id, hash, w.Now, null)).ConfigureAwait(false);
            return await w.AppendAuditAsync(Actor(caller), "key.issue", "party", id, [id], HubJson.Serialize(new { party = id, key_id = keyId })).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);
        AuditReceiptHeader.Set(response, receipt);
        return TypedResults.Created($"/api/v1/parties/{id}/keys/{keyId}", new KeyIssued(keyId, apiKey));
    }

    private static async Task<Results<Ok<List<KeyView>>, HubProblem>> ListKeysAsync(string id, CallerParty caller, IHubStore store, CancellationToken ct)
    {
        if ((!caller.IsAdmin && caller.PartyId != id) || await store.GetPartyAsync(id, ct).ConfigureAwait(false) is null)
        {
            return Problems.NotFound("The party's keys");
        }
        var keys = await store.ListKeysAsync(id, ct).ConfigureAwait(false);
        return TypedResults.Ok(keys.Select(k => new KeyView(k.KeyId, k.CreatedAt, k.RevokedAt)).ToList());
    }

    private static async Task<Results<NoContent, HubProblem>> RevokeKeyAsync(string id, string keyId, CallerParty caller, HttpResponse response, IHubStore store, KeyRevocations revocations, CancellationToken ct)
    {
        if (!caller.IsAdmin && caller.PartyId != id)
        {
            return Problems.NotFound("The key");
        }
        var key = await store.GetKeyAsync(keyId, ct).ConfigureAwait(false);
        if (key is null || key.PartyId != id)
        {
            return Problems.NotFound("The key");
        }
        var receipt = await store.WriteAsync(async w =>
        {
            if (!await w.RevokeKeyAsync(id, keyId, w.Now).ConfigureAwait(false))
            {
                return null;
            }
            w.AfterCommit(() => revocations.Revoked(keyId));
            return await w.AppendAuditAsync(Actor(caller), "key.revoke", "party", id, [id], HubJson.Serialize(new { party = id, key_id = keyId })).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);
        if (receipt is not null)
        {
            AuditReceiptHeader.Set(response, receipt);
        }
        return TypedResults.NoContent();
    }

    internal static string Actor(CallerParty caller) => caller.IsAdmin ? "admin" : caller.Id;

    private static string Slug(string name)
    {
        var chars = name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length > 64 ? slug[..64].TrimEnd('-') : slug;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();
}
