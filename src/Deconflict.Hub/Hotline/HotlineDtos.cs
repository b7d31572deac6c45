using System.Text.Json;

namespace Deconflict.Hub.Hotline;

/// <summary><c>GET /api/v1/inbox</c> line.</summary>
public sealed record InboxItem(string ThreadId, string? ConflictId, string Title, IReadOnlyList<string> Parties, int Unread, int Overdue, DateTimeOffset? LastMessageAt);

/// <summary>A message rendered in one language.</summary>
public sealed record RenderedText(string Language, string Text);

public sealed record AckView(string Party, DateTimeOffset AckedAt);

/// <summary>
/// A message as its reader sees it: <see cref="Rendered"/> in the reader's language beside the <see cref="Original"/>
/// in the sender's; <see cref="Untranslated"/> when it carries free text shown as written.
/// </summary>
public sealed record MessageView(
    string Id,
    string Sender,
    string Template,
    JsonElement Params,
    string? Text,
    DateTimeOffset SentAt,
    bool NeedsAck,
    DateTimeOffset? AckDeadline,
    IReadOnlyList<AckView> Acks,
    bool Overdue,
    DateTimeOffset? EscalatedAt,
    RenderedText Original,
    RenderedText Rendered,
    bool Untranslated);

public sealed record SubjectView(string Type, string Id, string? Party = null);

public sealed record ThreadView(
    string Id,
    string? ConflictId,
    SubjectView? Subject,
    string Title,
    IReadOnlyList<string> Parties,
    string Language,
    bool Overdue,
    DateTimeOffset CreatedAt,
    IReadOnlyList<MessageView> Messages);

/// <summary><c>POST /api/v1/threads/{id}/messages</c> body.</summary>
public sealed record PostMessageBody(string? Template, JsonElement? Params, string? Text);

public sealed record PostedMessage(string Id, string ThreadId, bool NeedsAck, DateTimeOffset? AckDeadline);

public sealed record AckResult(string MessageId, string Party, DateTimeOffset AckedAt, bool AlreadyAcknowledged);

/// <summary><c>POST /api/v1/threads</c> body: the other parties, an optional shared object, a title.</summary>
public sealed record OpenThreadBody(IReadOnlyList<string>? Parties, SubjectInput? Subject, string? Title);

public sealed record SubjectInput(string? Type, string? Id, string? Party = null);

/// <summary><c>PUT /api/v1/agreements/{id}/hotline</c> body: the caller's escalation contact and an observer party.</summary>
public sealed record HotlineContactBody(string? EscalationContact, string? Observer);

public sealed record HotlineContactView(string AgreementId, IReadOnlyList<PartyContactView> Parties);

public sealed record PartyContactView(string Party, string? EscalationContact, string? Observer, DateTimeOffset UpdatedAt);

/// <summary>Reply of <c>GET /api/v1/hotline/templates</c>: the catalogue's languages and its templates by id.</summary>
public sealed record TemplateCatalogView(IReadOnlyList<string> Languages, IReadOnlyDictionary<string, TemplateView> Templates);

/// <summary>A message template: whether it needs an acknowledgement and its parameters.</summary>
public sealed record TemplateView(bool NeedsAck, IReadOnlyList<TemplateParameterView> Params);

/// <summary>A template parameter: name, type (snake_case) and whether it is required.</summary>
public sealed record TemplateParameterView(string Name, string Type, bool Required);
