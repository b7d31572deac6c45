using Deconflict.Hub.Auth;
using Deconflict.Hub.Intents;
using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;
using Deconflict.Hub.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deconflict.Hub.Agreements;

/// <summary>Agreements between two parties: one proposes, the other accepts; only then do they apply.</summary>
public static class AgreementsApi
{
    private static readonly int[] ChangeProblems = [StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict];

    public static IEndpointRouteBuilder MapAgreementsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/agreements").WithTags("Agreements");
        group.MapPost("/", ProposeAsync).WithName("ProposeAgreement").WithSummary("Propose an agreement to another party.")
            .AcceptsJson<AgreementProposal>().Problems(StatusCodes.Status403Forbidden);
        group.MapGet("/", ListAsync).WithName("ListAgreements").WithSummary("The caller's agreements.");
        group.MapGet("/{id}", GetAsync).WithName("GetAgreement").WithSummary("One of the caller's agreements.").Problems(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/accept", (string id, CallerParty caller, HttpResponse response, IHubStore store, AgreementBook book, IntentDesk desk, ProposalExpiry expiry, CancellationToken ct) =>
            ChangeAsync(id, caller, response, store, book, desk, expiry, "accept", ct)).WithName("AcceptAgreement")
            .WithSummary("Accept a proposal (counterparty); refused (409) when it expired or the pair has settled on another agreement since.")
            .Problems(ChangeProblems);
        group.MapPost("/{id}/decline", (string id, CallerParty caller, HttpResponse response, IHubStore store, AgreementBook book, IntentDesk desk, ProposalExpiry expiry, CancellationToken ct) =>
            ChangeAsync(id, caller, response, store, book, desk, expiry, "decline", ct)).WithName("DeclineAgreement")
            .WithSummary("Decline a proposal (counterparty), or withdraw it (proposer).").Problems(ChangeProblems);
        group.MapPost("/{id}/withdraw", (string id, CallerParty caller, HttpResponse response, IHubStore store, AgreementBook book, IntentDesk desk, ProposalExpiry expiry, CancellationToken ct) =>
            ChangeAsync(id, caller, response, store, book, desk, expiry, "withdraw", ct)).WithName("WithdrawAgreement").WithSummary("Withdraw the caller's own proposal (proposer).").Problems(ChangeProblems);
        group.MapPost("/{id}/end", (string id, CallerParty caller, HttpResponse response, IHubStore store, AgreementBook book, IntentDesk desk, ProposalExpiry expiry, CancellationToken ct) =>
            ChangeAsync(id, caller, response, store, book, desk, expiry, "end", ct)).WithName("EndAgreement")
            .WithSummary("End an active agreement (either party); on a proposal: withdraw it (proposer) or decline it (counterparty).")
            .Problems(ChangeProblems);
        return routes;
    }

    /// <summary>The agreement as stored, or with <paramref name="expiry"/> as of <paramref name="now"/> (status <c>expired</c>, <c>expires_at</c>).</summary>
    public static AgreementView ToView(AgreementRecord a, ProposalExpiry? expiry = null, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        var t = AgreementBook.ParseTerms(a.TermsJson);
        var status = expiry is not null && now is { } at ? expiry.StatusAt(a, at) : a.Status;
        return new AgreementView(a.Id, a.Proposer, a.Counterparty, status, t.Separation, t.Buffers, t.Sharing, t.AckDeadlineS, t.Languages,
            a.CreatedAt, a.AcceptedAt, a.EndedAt, expiry?.ExpiresAt(a));
    }

    private static async Task<Results<Created<AgreementView>, HubProblem>> ProposeAsync(CallerParty caller, HttpRequest request, IHubStore store, ProposalExpiry expiry, CancellationToken ct)
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
            var view = HubJson.Serialize(ToView(a, expiry, w.Now));
            await w.AppendEventAsync("agreement", id, "", [a.Proposer, a.Counterparty], view).ConfigureAwait(false);
            var r = await w.AppendAuditAsync(caller.Id, "agreement.propose", "agreement", id, [a.Proposer, a.Counterparty], view).ConfigureAwait(false);
            return (a, r);
        }, ct).ConfigureAwait(false);
        AuditReceiptHeader.Set(request.HttpContext.Response, receipt);
        return TypedResults.Created($"/api/v1/agreements/{id}", ToView(record, expiry, record.CreatedAt));
    }

    private static async Task<Ok<IReadOnlyList<AgreementView>>> ListAsync(CallerParty caller, IHubStore store, ProposalExpiry expiry, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (caller.PartyId is null)
        {
            return caller.IsAdmin
                ? TypedResults.Ok<IReadOnlyList<AgreementView>>((await store.ListAgreementsAsync(null, ct).ConfigureAwait(false)).Select(a => ToView(a, expiry, now)).ToList())
                : TypedResults.Ok<IReadOnlyList<AgreementView>>([]);
        }
        var list = await store.ListAgreementsAsync(caller.PartyId, ct).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<AgreementView>>(list.Select(a => ToView(a, expiry, now)).ToList());
    }

    private static async Task<Results<Ok<AgreementView>, HubProblem>> GetAsync(string id, CallerParty caller, IHubStore store, ProposalExpiry expiry, TimeProvider clock, CancellationToken ct)
    {
        var a = await store.GetAgreementAsync(id, ct).ConfigureAwait(false);
        return a is null || !(caller.IsAdmin || a.Proposer == caller.PartyId || a.Counterparty == caller.PartyId)
            ? Problems.NotFound("The agreement")
            : TypedResults.Ok(ToView(a, expiry, clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<AgreementView>, HubProblem>> ChangeAsync(string id, CallerParty caller, HttpResponse response, IHubStore store, AgreementBook book, IntentDesk desk,
        ProposalExpiry expiry, string action, CancellationToken ct)
    {
        var current = await store.GetAgreementAsync(id, ct).ConfigureAwait(false);
        if (current is null || caller.PartyId is null || (current.Proposer != caller.PartyId && current.Counterparty != caller.PartyId))
        {
            return Problems.NotFound("The agreement");
        }
        var proposer = current.Proposer == caller.PartyId;
        if (action == "accept" && proposer)
        {
            return Problems.Forbidden("Only the counterparty may accept a proposal.");
        }
        if (action == "withdraw" && !proposer)
        {
            return Problems.Forbidden("Only the proposer may withdraw a proposal; the counterparty declines it.");
        }
        var outcome = await store.WriteAsync(async w =>
        {
            var a = await store.GetAgreementAsync(id, ct).ConfigureAwait(false);
            var status = a is null ? "" : expiry.StatusAt(a, w.Now);
            // What the action does from the agreement's present status; null: not from this status.
            var next = (action, status) switch
            {
                ("accept", AgreementStatus.Proposed) => AgreementStatus.Active,
                ("decline" or "withdraw" or "end", AgreementStatus.Proposed) => proposer ? AgreementStatus.Withdrawn : AgreementStatus.Declined,
                ("end", AgreementStatus.Active) => AgreementStatus.Ended,
                _ => null,
            };
            if (a is null || next is null)
            {
                return (Changed: (List<AgreementRecord>?)null, Receipt: "", Status: status, Action: action);
            }
            var changed = new List<AgreementRecord>();
            if (next is AgreementStatus.Active or AgreementStatus.Ended)
            {
                // The pair settles: the agreement it had and every other open proposal between the two are over, so
                // an older proposal can never be accepted later over what they settled on.
                foreach (var other in await store.ListAgreementsAsync(a.Proposer, ct).ConfigureAwait(false))
                {
                    if (other.Id != a.Id && SamePair(other, a) && other.Status is AgreementStatus.Proposed or AgreementStatus.Active
                        && (next == AgreementStatus.Active || other.Status == AgreementStatus.Proposed))
                    {
                        changed.Add(other with { Status = AgreementStatus.Superseded, EndedAt = w.Now });
                    }
                }
            }
            changed.Add(next == AgreementStatus.Active ? a with { Status = next, AcceptedAt = w.Now } : a with { Status = next, EndedAt = w.Now });
            foreach (var c in changed)
            {
                await w.UpsertAgreementAsync(c).ConfigureAwait(false);
                await w.AppendEventAsync("agreement", c.Id, "", [c.Proposer, c.Counterparty], HubJson.Serialize(ToView(c))).ConfigureAwait(false);
            }
            var verb = next == AgreementStatus.Withdrawn ? "withdraw" : next == AgreementStatus.Declined ? "decline" : action;
            var receipt = await w.AppendAuditAsync(caller.Id, "agreement." + verb, "agreement", id, [a.Proposer, a.Counterparty],
                HubJson.Serialize(ToView(changed[^1]))).ConfigureAwait(false);
            return (Changed: changed, Receipt: receipt, Status: next, Action: action);
        }, ct).ConfigureAwait(false);
        if (outcome.Changed is null)
        {
            var detail = outcome.Status switch
            {
                AgreementStatus.Expired => $"The proposal expired ({expiry.Lifetime.TotalSeconds:0} s after it was made) and can no longer be accepted; propose again.",
                AgreementStatus.Superseded => "The proposal was superseded: the two parties have settled on another agreement since it was made; propose again.",
                _ => $"The agreement is {outcome.Status}; '{action}' is not possible from there.",
            };
            return Problems.Conflict(detail,
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
        return TypedResults.Ok(ToView(outcome.Changed[^1], expiry, outcome.Changed[^1].EndedAt ?? outcome.Changed[^1].AcceptedAt));
    }

    private static bool SamePair(AgreementRecord x, AgreementRecord y) =>
        (x.Proposer == y.Proposer && x.Counterparty == y.Counterparty) || (x.Proposer == y.Counterparty && x.Counterparty == y.Proposer);
}
