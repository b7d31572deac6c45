using System.Text.Json;
using Deconflict.Core.Hotline;
using Deconflict.Hub.Access;
using Deconflict.Hub.Agreements;
using Deconflict.Hub.Auth;
using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;
using Deconflict.Hub.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deconflict.Hub.Hotline;

/// <summary>
/// The hotline: the caller's inbox, threads (one per conflict, or opened between parties with an agreement),
/// structured messages rendered in each reader's language, acknowledgements. A thread the caller is not part of
/// answers 404, exactly as if it did not exist.
/// </summary>
public static class HotlineApi
{
    public const int MaxTitleLength = 200;

    public static IEndpointRouteBuilder MapHotlineApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1").WithTags("Hotline");
        api.MapGet("/inbox", InboxAsync).WithName("Inbox").WithSummary("The caller's threads with unread and overdue counts.");
        api.MapPost("/threads", OpenAsync).WithName("OpenThread").WithSummary("Open a thread with parties the caller has an agreement with (optionally on a shared object).")
            .AcceptsJson<OpenThreadBody>().Problems(StatusCodes.Status403Forbidden);
        api.MapGet("/threads/{id}", GetAsync).WithName("GetThread").WithSummary("A thread with its messages in the caller's language beside the original; marks it read.")
            .Problems(StatusCodes.Status404NotFound);
        api.MapPost("/threads/{id}/messages", PostAsync).WithName("PostMessage").WithSummary("Send a structured message (template + typed parameters, optional free text).")
            .AcceptsJson<PostMessageBody>().Problems(StatusCodes.Status404NotFound);
        api.MapPost("/messages/{id}/ack", AckAsync).WithName("AckMessage").WithSummary("Acknowledge a message addressed to the caller.").Problems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        routes.MapHotlineContactsApi();
        routes.MapHotlineDraftsApi();
        api.MapGet("/hotline/templates", Templates).WithName("HotlineTemplates").WithSummary("The message templates, their parameters and languages.");
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<InboxItem>>> InboxAsync(CallerParty caller, HotlineDesk desk, HotlineStore hotline, TimeProvider clock, CancellationToken ct)
    {
        if (caller.PartyId is null)
        {
            return TypedResults.Ok<IReadOnlyList<InboxItem>>([]);
        }
        await desk.OpenConflictThreadsAsync(ct).ConfigureAwait(false);
        var threads = (await hotline.ThreadsOfPartyAsync(caller.PartyId, ct).ConfigureAwait(false)).ToDictionary(t => t.Id);
        var counts = await hotline.InboxAsync(caller.PartyId, clock.GetUtcNow(), ct).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<InboxItem>>(counts.Where(c => threads.ContainsKey(c.ThreadId)).Select(c =>
        {
            var t = threads[c.ThreadId];
            return new InboxItem(t.Id, t.ConflictId, t.Title, t.Parties, c.Unread, c.Overdue, c.LastMessageAt);
        }).ToList());
    }

    private static async Task<Results<Ok<ThreadView>, HubProblem>> GetAsync(string id, CallerParty caller, HotlineDesk desk, HotlineStore hotline, CancellationToken ct)
    {
        var thread = await VisibleThreadAsync(id, caller, desk, hotline, ct).ConfigureAwait(false);
        return thread is null ? Problems.NotFound("The thread") : TypedResults.Ok(await desk.ReadThreadAsync(caller.Id, thread, ct).ConfigureAwait(false));
    }

    private static async Task<Results<Created<ThreadView>, HubProblem>> OpenAsync(CallerParty caller, HttpRequest request, HotlineDesk desk, IHubStore store, AgreementBook book, NeedToKnow needToKnow, CancellationToken ct)
    {
        if (caller.PartyId is null)
        {
            return Problems.Forbidden("Threads are between parties.");
        }
        var body = await JsonBody.ReadAsync<OpenThreadBody>(request, ct).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        var input = body.Value!;
        var others = (input.Parties ?? []).Where(p => p != caller.PartyId).Distinct(StringComparer.Ordinal).ToList();
        if (others.Count == 0)
        {
            return Problems.Validation("parties", "Name at least one other party.");
        }
        foreach (var other in others)
        {
            if (book.ActiveBetween(caller.PartyId, other) is null)
            {
                return Problems.Validation("parties", $"No active agreement with party '{other}'.");
            }
        }
        var title = input.Title?.Trim();
        if (title is { Length: > MaxTitleLength })
        {
            return Problems.Validation("title", $"At most {MaxTitleLength} characters.");
        }
        SubjectView? subject = null;
        if (input.Subject is { } s)
        {
            if (s.Type is not ("intent" or "conflict") || string.IsNullOrEmpty(s.Id))
            {
                return Problems.Validation("subject", "A subject is {\"type\":\"intent\"|\"conflict\",\"id\"}.");
            }
            var owner = await SharedSubjectOwnerAsync(caller, others, s.Type, s.Id, s.Party, store, needToKnow, ct).ConfigureAwait(false);
            if (owner is null)
            {
                return Problems.Validation("subject.id", $"No {s.Type} '{s.Id}' shared between these parties.");
            }
            subject = new SubjectView(s.Type, s.Id, s.Type == "intent" ? owner : null);
        }
        var (thread, receipt) = await desk.OpenThreadAsync(caller.PartyId, others, subject,
            string.IsNullOrEmpty(title) ? subject is null ? "General" : $"{subject.Type} {subject.Id}" : title, ct).ConfigureAwait(false);
        AuditReceiptHeader.Set(request.HttpContext.Response, receipt);
        return TypedResults.Created($"/api/v1/threads/{thread.Id}", await desk.ReadThreadAsync(caller.PartyId, thread, ct).ConfigureAwait(false));
    }

    private static async Task<Results<Created<PostedMessage>, HubProblem>> PostAsync(string id, CallerParty caller, HttpRequest request, HotlineDesk desk, HotlineStore hotline, CancellationToken ct)
    {
        var thread = await VisibleThreadAsync(id, caller, desk, hotline, ct).ConfigureAwait(false);
        if (thread is null)
        {
            return Problems.NotFound("The thread");
        }
        var body = await JsonBody.ReadAsync<PostMessageBody>(request, ct).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        var input = body.Value!;
        var parsed = HotlineMessageParser.Parse(input.Template, input.Params ?? default, input.Text);
        if (!parsed.IsValid)
        {
            return Problems.Validation(parsed.Errors.ToDictionary(e => e.Key, e => e.Value));
        }
        MessageRecord? answered = null;
        if (parsed.Message!.ReplyTo is { } replyTo)
        {
            answered = await hotline.GetMessageAsync(replyTo, ct).ConfigureAwait(false);
            if (answered is null || answered.ThreadId != thread.Id)
            {
                return Problems.Validation("params.reply_to", $"No message '{replyTo}' in this thread.");
            }
        }
        var (message, receipt) = await desk.PostAsync(caller, thread, parsed.Message, answered, ct).ConfigureAwait(false);
        AuditReceiptHeader.Set(request.HttpContext.Response, receipt);
        return TypedResults.Created($"/api/v1/threads/{thread.Id}#{message.Id}",
            new PostedMessage(message.Id, thread.Id, message.NeedsAck, message.AckDeadline));
    }

    private static async Task<Results<Ok<AckResult>, HubProblem>> AckAsync(string id, CallerParty caller, HttpResponse response, HotlineDesk desk, HotlineStore hotline, CancellationToken ct)
    {
        var message = await hotline.GetMessageAsync(id, ct).ConfigureAwait(false);
        var thread = message is null ? null : await VisibleThreadAsync(message.ThreadId, caller, desk, hotline, ct).ConfigureAwait(false);
        if (message is null || thread is null)
        {
            return Problems.NotFound("The message");
        }
        if (message.Sender == caller.Id)
        {
            return Problems.Conflict("A party does not acknowledge its own message.",
                new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["id"] = ["This message was sent by the caller."] } });
        }
        var (ack, already) = await desk.AckAsync(caller, thread, message, ct).ConfigureAwait(false);
        AuditReceiptHeader.Set(response, ack.Receipt);
        return TypedResults.Ok(new AckResult(message.Id, ack.PartyId, ack.AckedAt, already));
    }

    /// <summary>Templates keyed by id (in catalogue order), each with its parameters (snake_case types) and whether it needs an acknowledgement.</summary>
    private static Ok<TemplateCatalogView> Templates(HotlineDesk desk)
    {
        var templates = new Dictionary<string, TemplateView>(StringComparer.Ordinal);
        foreach (var t in HotlineTemplates.All)
        {
            templates[t.Id] = new TemplateView(t.NeedsAck,
                [.. t.Parameters.Select(p => new TemplateParameterView(p.Name, JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Type.ToString()), p.Required))]);
        }
        return TypedResults.Ok(new TemplateCatalogView([.. desk.Catalog.Languages.Order(StringComparer.Ordinal)], templates));
    }

    /// <summary>The thread if the caller is one of its parties (conflict threads are opened first if still missing).</summary>
    internal static async Task<ThreadRecord?> VisibleThreadAsync(string id, CallerParty caller, HotlineDesk desk, HotlineStore hotline, CancellationToken ct)
    {
        if (caller.PartyId is null)
        {
            return null;
        }
        var thread = await hotline.GetThreadAsync(id, ct).ConfigureAwait(false);
        if (thread is null && id.StartsWith("th-cf-", StringComparison.Ordinal))
        {
            await desk.OpenConflictThreadsAsync(ct).ConfigureAwait(false);
            thread = await hotline.GetThreadAsync(id, ct).ConfigureAwait(false);
        }
        return thread is not null && thread.Parties.Contains(caller.PartyId) ? thread : null;
    }

    /// <summary>
    /// The owner of a subject every party of the thread may see (the caller's own intent when <paramref name="party"/>
    /// is not given), or null; the conflict's id stands for a conflict subject.
    /// </summary>
    private static async Task<string?> SharedSubjectOwnerAsync(CallerParty caller, IReadOnlyList<string> others, string type, string id, string? party,
        IHubStore store, NeedToKnow needToKnow, CancellationToken ct)
    {
        if (type == "conflict")
        {
            var conflict = await store.GetConflictAsync(id, ct).ConfigureAwait(false);
            return conflict is not null && conflict.Parties.Contains(caller.Id) && others.All(conflict.Parties.Contains) ? id : null;
        }
        var intent = await store.GetIntentAsync(party ?? caller.Id, id, ct).ConfigureAwait(false);
        if (intent is null)
        {
            return null;
        }
        var obj = new ObjectRef(ObjectRef.Intent, intent.Party, intent.Id);
        foreach (var viewer in others.Prepend(caller.Id))
        {
            if (!await needToKnow.CanSeeAsync(new CallerParty(viewer, null, false), obj, ct).ConfigureAwait(false))
            {
                return null;
            }
        }
        return intent.Party;
    }

}
