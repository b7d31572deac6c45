using System.Text.Json;

namespace Deconflict.Hub.Hotline;

/// <summary>
/// <c>POST /api/v1/threads/{id}/drafts/{draftId}/send</c> body (optional): parameters that replace the draft's
/// (a null removes one), and a free-text remark. The result is validated like any posted message.
/// </summary>
public sealed record SendDraftBody(JsonElement? Params, string? Text);
