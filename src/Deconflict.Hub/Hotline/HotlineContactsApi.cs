using Deconflict.Hub.Agreements;
using Deconflict.Hub.Auth;
using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;
using Deconflict.Hub.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deconflict.Hub.Hotline;

/// <summary>
/// Escalation settings under an agreement: each party names its escalation contact (who is told when it misses an
/// acknowledgement deadline) and may name an observer party, notified of every escalation between the two.
/// Both parties see both settings; every change is audited.
/// </summary>
public static class HotlineContactsApi
{
    public const int MaxContactLength = 200;

    public static IEndpointRouteBuilder MapHotlineContactsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/agreements/{id}/hotline").WithTags("Hotline");
        group.MapGet("/", GetAsync).WithName("GetHotlineContacts").WithSummary("Escalation contacts and observers named under an agreement.").Problems(StatusCodes.Status404NotFound);
        group.MapPut("/", PutAsync).WithName("PutHotlineContact").WithSummary("Set the caller's escalation contact and observer under an agreement.")
            .AcceptsJson<HotlineContactBody>().Problems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Results<Ok<HotlineContactView>, HubProblem>> GetAsync(string id, CallerParty caller, IHubStore store, HotlineStore hotline, CancellationToken ct)
    {
        var agreement = await store.GetAgreementAsync(id, ct).ConfigureAwait(false);
        if (agreement is null || !(caller.IsAdmin || agreement.Proposer == caller.PartyId || agreement.Counterparty == caller.PartyId))
        {
            return Problems.NotFound("The agreement");
        }
        return TypedResults.Ok(View(id, await hotline.ContactsAsync(id, ct).ConfigureAwait(false)));
    }

    private static async Task<Results<Ok<HotlineContactView>, HubProblem>> PutAsync(string id, CallerParty caller, HttpRequest request, IHubStore store, HotlineStore hotline, CancellationToken ct)
    {
        var agreement = await store.GetAgreementAsync(id, ct).ConfigureAwait(false);
        if (agreement is null || caller.PartyId is null || (agreement.Proposer != caller.PartyId && agreement.Counterparty != caller.PartyId))
        {
            return Problems.NotFound("The agreement");
        }
        if (agreement.Status is not (AgreementStatus.Proposed or AgreementStatus.Active))
        {
            return Problems.Conflict($"The agreement is {agreement.Status}.");
        }
        var body = await JsonBody.ReadAsync<HotlineContactBody>(request, ct).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        var input = body.Value!;
        var contact = string.IsNullOrWhiteSpace(input.EscalationContact) ? null : input.EscalationContact.Trim();
        if (contact is { Length: > MaxContactLength } || (contact is not null && contact.Any(char.IsControl)))
        {
            return Problems.Validation("escalation_contact", $"At most {MaxContactLength} characters, no control characters.");
        }
        var observer = string.IsNullOrWhiteSpace(input.Observer) ? null : input.Observer.Trim();
        if (observer is not null)
        {
            if (observer == agreement.Proposer || observer == agreement.Counterparty)
            {
                return Problems.Validation("observer", "The observer must be a third party.");
            }
            if (await store.GetPartyAsync(observer, ct).ConfigureAwait(false) is null)
            {
                return Problems.Validation("observer", "No such party.");
            }
        }
        var receipt = await store.WriteAsync(async w =>
        {
            var record = new ContactRecord(id, caller.PartyId, contact, observer, w.Now);
            await HotlineStore.UpsertContactAsync(w, record).ConfigureAwait(false);
            return await w.AppendAuditAsync(caller.PartyId, "hotline.contact", "agreement", id, [agreement.Proposer, agreement.Counterparty],
                HubJson.Serialize(new { agreement_id = id, party = caller.PartyId, escalation_contact = contact, observer })).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);
        AuditReceiptHeader.Set(request.HttpContext.Response, receipt);
        return TypedResults.Ok(View(id, await hotline.ContactsAsync(id, ct).ConfigureAwait(false)));
    }

    private static HotlineContactView View(string id, IReadOnlyList<ContactRecord> contacts) =>
        new(id, contacts.Select(c => new PartyContactView(c.PartyId, c.EscalationContact, c.Observer, c.UpdatedAt)).ToList());
}
