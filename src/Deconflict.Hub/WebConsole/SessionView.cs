namespace Deconflict.Hub.WebConsole;

/// <summary>Reply of <c>GET /api/v1/me</c>; <see cref="Id"/> is null for the admin, who is no party.</summary>
public sealed record SessionView(string? Id, string Name, string Kind, bool IsAdmin);
