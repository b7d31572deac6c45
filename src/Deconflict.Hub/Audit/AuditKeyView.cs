namespace Deconflict.Hub.Audit;

/// <summary><c>GET /api/v1/audit/key</c> reply.</summary>
public sealed record AuditKeyView(string Algorithm, string PublicKey);
