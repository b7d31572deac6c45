using Deconflict.Hub.Auth;
using Deconflict.Hub.Intents;
using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Agreements;

/// <summary>Agreements between two parties: one proposes, the other accepts; only then do they apply.</summary>
public static class AgreementsApi
{
    public static IEndpointRouteBuilder MapAgreementsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/agreements").WithTags("Agreements");
        group.MapPost("/", ProposeAsync).WithName("ProposeAgreement").WithSummary("Propose an agreement to another party.");
        group.MapGet("/", ListAsync).WithName("ListAgreements").WithSummary("The caller's agreements.");
        group.MapGet("/{id}", GetAsync).WithName("GetAgreement").WithSummary("One of the caller's agreements.");
        group.MapPost("/{id}/accept", (string id, CallerParty caller, HttpResponse response, IHubStore store, AgreementBook book, IntentDesk desk, CancellationToken ct) =>
            ChangeAsync(id, caller, response, store, book, desk, "accept", ct)).WithName("AcceptAgreement").WithSummary("Accept a proposal (counterparty).");
        group.MapPost("/{id}/decline", (string id, CallerParty caller, HttpResponse response, IHubStore store, AgreementBook book, IntentDesk desk, CancellationToken ct) =>
            ChangeAsync(id, caller, response, store, book, desk, "decline", ct)).WithName("DeclineAgreement").WithSummary("Decline a proposal (counterparty).");
        group.MapPost("/{id}/end", (string id, CallerParty caller, HttpResponse response, IHubStore store, AgreementBook book, IntentDesk desk, CancellationToken ct) =>
            ChangeAsync(id, caller, response, store, book, desk, "end", ct)).WithName("EndAgreement").WithSummary("End an active agreement (either party).");
        return routes;
    }

    public static AgreementView ToView(AgreementRecord a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var t = AgreementBook.ParseTerms(a.TermsJson);
        return new AgreementView(a.Id, a.Proposer, a.Counterparty, a.Status, t.Separation, t.Buffers, t.Sharing, t.AckDeadlineS, t.Languages,
            a.CreatedAt, a.AcceptedAt, a.EndedAt);
    }

    private static async Task<IResult> ProposeAsync(CallerParty caller, HttpRequest request, IHubStore store, CancellationToken ct)
    {
        if (caller.PartyId is null)
        {
            return Problems.Forbidden("Agreements are made between parties.");
        }
        var body = await JsonBody.ReadAsync<AgreementProposal>(request, ct).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        var proposal = body.Value!;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(proposal.Counterparty))
        {
            errors["counterparty"] = ["The counterparty's party id is required."];
        }
        else if (proposal.Counterparty == caller.PartyId)
        {
            errors["counterparty"] = ["An agreement needs two different parties."];
        }
        else if (await store.GetPartyAsync(proposal.Counterparty, ct).ConfigureAwait(false) is null)
        {
            errors["counterparty"] = ["No such party."];
        }
        var terms = AgreementTermsValidation.Validate(proposal, errors);
        if (terms is null || errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        var id = "ag-" + Guid.CreateVersion7().ToString("N")[..20];
        var (record, receipt) = await store.WriteAsync(async w =>
        {
            var a = new AgreementRecord(id, caller.PartyId, proposal.Counterparty!, AgreementStatus.Proposed, HubJson.Serialize(terms), w.Now, null, null);
            await w.UpsertAgreementAsync(a).ConfigureAwait(false);
            var view = HubJson.Serialize(ToView(a));
            await w.AppendEventAsync("agreement", id, "", [a.Proposer, a.Counterparty], view).ConfigureAwait(false);
            var r = await w.AppendAuditAsync(caller.Id, "agreement.propose", "agreement", id, [a.Proposer, a.Counterparty], view).ConfigureAwait(false);
            return (a, r);
        }, ct).ConfigureAwait(false);
        AuditReceiptHeader.Set(request.HttpContext.Response, receipt);
        return TypedResults.Created($"/api/v1/agreements/{id}", ToView(record));
    }

    private static async Task<IResult> ListAsync(CallerParty caller, IHubStore store, CancellationToken ct)
    {
        if (caller.PartyId is null)
        {
            return caller.IsAdmin
                ? TypedResults.Ok((await store.ListAgreementsAsync(null, ct).ConfigureAwait(false)).Select(ToView).ToList())
                : TypedResults.Ok(Array.Empty<AgreementView>());
        }
        var list = await store.ListAgreementsAsync(caller.PartyId, ct).ConfigureAwait(false);
        return TypedResults.Ok(list.Select(ToView).ToList());
    }

    private static async Task<IResult> GetAsync(string id, CallerParty caller, IHubStore store, CancellationToken ct)
    {
        var a = await store.GetAgreementAsync(id, ct).ConfigureAwait(false);
        return a is null || !(caller.IsAdmin || a.Proposer == caller.PartyId || a.Counterparty == caller.PartyId)
            ? Problems.NotFound("The agreement")
            : TypedResults.Ok(ToView(a));
    }

    private static async Task<IResult> ChangeAsync(string id, CallerParty caller, HttpResponse response, IHubStore store, AgreementBook book, IntentDesk desk, string action, CancellationToken ct)
    {
        var current = await store.GetAgreementAsync(id, ct).ConfigureAwait(false);
        if (current is null || caller.PartyId is null || (current.Proposer != caller.PartyId && current.Counterparty != caller.PartyId))
        {
            return Problems.NotFound("The agreement");
        }
        if (action is "accept" or "decline" && current.Counterparty != caller.PartyId)
        {
            return Problems.Forbidden($"Only the counterparty may {action} a proposal.");
        }
        var (expected, next) = action switch
        {
            "accept" => (AgreementStatus.Proposed, AgreementStatus.Active),
            "decline" => (AgreementStatus.Proposed, AgreementStatus.Declined),
            _ => (AgreementStatus.Active, AgreementStatus.Ended),
        };
        var outcome = await store.WriteAsync(async w =>
        {
            var a = await store.GetAgreementAsync(id, ct).ConfigureAwait(false);
            if (a is null || a.Status != expected)
            {
                return (Changed: (List<AgreementRecord>?)null, Receipt: "", Status: a?.Status ?? "");
            }
            var changed = new List<AgreementRecord>();
            if (next == AgreementStatus.Active && book.ActiveBetween(a.Proposer, a.Counterparty) is { } previous)
            {
                changed.Add(previous with { Status = AgreementStatus.Superseded, EndedAt = w.Now });
            }
            changed.Add(next == AgreementStatus.Active ? a with { Status = next, AcceptedAt = w.Now } : a with { Status = next, EndedAt = w.Now });
            foreach (var c in changed)
            {
                await w.UpsertAgreementAsync(c).ConfigureAwait(false);
                await w.AppendEventAsync("agreement", c.Id, "", [c.Proposer, c.Counterparty], HubJson.Serialize(ToView(c))).ConfigureAwait(false);
            }
            var receipt = await w.AppendAuditAsync(caller.Id, "agreement." + action, "agreement", id, [a.Proposer, a.Counterparty],
                HubJson.Serialize(ToView(changed[^1]))).ConfigureAwait(false);
            return (Changed: changed, Receipt: receipt, Status: next);
        }, ct).ConfigureAwait(false);
        if (outcome.Changed is null)
        {
            return Problems.Conflict($"The agreement is {outcome.Status}, not {expected}.",
                new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["status"] = [$"Is {outcome.Status}."] } });
        }
        foreach (var c in outcome.Changed)
        {
            book.Apply(c);
        }
        if (outcome.Status is AgreementStatus.Active or AgreementStatus.Ended)
        {
            // The buffers between the two parties changed: their stored strategic conflicts follow.
            await desk.RecheckPartyAsync(outcome.Changed[^1].Proposer, caller.Id, ct).ConfigureAwait(false);
        }
        AuditReceiptHeader.Set(response, outcome.Receipt);
        return TypedResults.Ok(ToView(outcome.Changed[^1]));
    }
}
