namespace Deconflict.Core.Hotline;

/// <summary>
/// What a reader knows about a message another one refers to (<c>reply_to</c>): which template it was and when it
/// was sent. Rendering names the message by these ("the altitude change request of 10:02 UTC") instead of its id.
/// </summary>
public readonly record struct HotlineReference(string TemplateId, DateTimeOffset SentAt);
