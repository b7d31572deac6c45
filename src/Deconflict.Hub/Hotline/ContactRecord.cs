namespace Deconflict.Hub.Hotline;

/// <summary>A party's escalation contact and named observer under one agreement.</summary>
public sealed record ContactRecord(string AgreementId, string PartyId, string? EscalationContact, string? Observer, DateTimeOffset UpdatedAt);
