using System.Text.Json;
using System.Text.Json.Nodes;
using Deconflict.Core.Hotline;
using Deconflict.Hub.Auth;
using Deconflict.Hub.Json;
using Deconflict.Hub.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deconflict.Hub.Hotline;

/// <summary>
/// Drafted proposals in a thread (<see cref="HotlineDrafts"/>): the caller lists the drafts it may send and sends one
/// with one request, as drafted or with edited parameters; the sent message is posted, validated and audited exactly
/// as <c>POST /api/v1/threads/{id}/messages</c> posts one.
/// </summary>
public static class HotlineDraftsApi
{
    public static IEndpointRouteBuilder MapHotlineDraftsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/threads").WithTags("Hotline");
        api.MapGet("/{id}/drafts", ListAsync).WithName("ThreadDrafts")
            .WithSummary("Messages the hub drafted for the caller from the thread's tactical alert (guidance bands), in both parties' languages.")
            .Problems(StatusCodes.Status404NotFound);
        api.MapPost("/{id}/drafts/{draftId}/send", SendAsync).WithName("SendDraft")
            .WithSummary("Send a drafted message, optionally with edited parameters (validated like any message).")
            .AcceptsJson<SendDraftBody>().Problems(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Ok<IReadOnlyList<DraftView>>, HubProblem>> ListAsync(string id, CallerParty caller, HotlineDesk desk, HotlineStore hotline,
        HotlineDrafts drafts, CancellationToken ct)
    {
        var thread = await HotlineApi.VisibleThreadAsync(id, caller, desk, hotline, ct).ConfigureAwait(false);
        if (thread is null)
        {
            return Problems.NotFound("The thread");
        }
        var list = await drafts.ForAsync(caller.Id, thread, ct).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<DraftView>>([.. list.Select(d => d.View)]);
    }

    private static async Task<Results<Created<PostedMessage>, HubProblem>> SendAsync(string id, string draftId, CallerParty caller, HttpRequest request,
        HotlineDesk desk, HotlineStore hotline, HotlineDrafts drafts, CancellationToken ct)
    {
        var thread = await HotlineApi.VisibleThreadAsync(id, caller, desk, hotline, ct).ConfigureAwait(false);
        if (thread is null)
        {
            return Problems.NotFound("The thread");
        }
        SendDraftBody? edits = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            var body = await JsonBody.ReadAsync<SendDraftBody>(request, ct).ConfigureAwait(false);
            if (body.Problem is not null)
            {
                return body.Problem;
            }
            edits = body.Value;
        }
        var draft = (await drafts.ForAsync(caller.Id, thread, ct).ConfigureAwait(false)).FirstOrDefault(d => d.View.Id == draftId);
        if (draft.View is null)
        {
            // Drafts follow the alert's bands: one that is gone was superseded, sent or never the caller's.
            return Problems.NotFound("The draft");
        }
        var message = draft.Message;
        if (edits is not null && (edits.Params is not null || edits.Text is not null))
        {
            if (Edited(draft.View.Params, edits.Params) is not { } parameters)
            {
                return Problems.Validation("params", "must be an object");
            }
            var parsed = HotlineMessageParser.Parse(draft.View.Template, parameters, edits.Text);
            if (!parsed.IsValid)
            {
                return Problems.Validation(parsed.Errors.ToDictionary(e => e.Key, e => e.Value));
            }
            message = parsed.Message!;
        }
        var (posted, receipt) = await desk.PostAsync(caller, thread, message, null, ct).ConfigureAwait(false);
        AuditReceiptHeader.Set(request.HttpContext.Response, receipt);
        return TypedResults.Created($"/api/v1/threads/{thread.Id}#{posted.Id}", new PostedMessage(posted.Id, thread.Id, posted.NeedsAck, posted.AckDeadline));
    }

    /// <summary>The draft's parameters with the edits applied (a null edit removes one), or null when the edits are not an object.</summary>
    private static JsonElement? Edited(JsonElement drafted, JsonElement? edits)
    {
        var merged = JsonNode.Parse(drafted.GetRawText())!.AsObject();
        if (edits is { } e && e.ValueKind != JsonValueKind.Null)
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            foreach (var member in e.EnumerateObject())
            {
                if (member.Value.ValueKind == JsonValueKind.Null)
                {
                    merged.Remove(member.Name);
                }
                else
                {
                    merged[member.Name] = JsonNode.Parse(member.Value.GetRawText());
                }
            }
        }
        return JsonSerializer.SerializeToElement(merged);
    }
}
