using System.Text.Json;

namespace Deconflict.Hub.Hotline;

/// <summary>
/// A message the hub drafted for the caller to send in a thread (a proposal from a tactical alert's guidance
/// bands): not a message until sent, never stored or audited as one. <see cref="Rendered"/> holds the text in the
/// sender's language and in each recipient's, so both sides read what will be sent. The id names the content: the
/// same proposal keeps its id when the bands are refreshed, and a changed proposal is a new draft.
/// </summary>
public sealed record DraftView(
    string Id,
    string ThreadId,
    string? ConflictId,
    string From,
    IReadOnlyList<string> To,
    string Template,
    JsonElement Params,
    DraftBasis Basis,
    IReadOnlyList<RenderedText> Rendered);
