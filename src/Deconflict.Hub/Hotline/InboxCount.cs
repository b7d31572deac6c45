namespace Deconflict.Hub.Hotline;

/// <summary>One inbox line as counted by the store.</summary>
public sealed record InboxCount(string ThreadId, int Unread, int Overdue, DateTimeOffset? LastMessageAt);
