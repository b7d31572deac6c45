namespace Deconflict.Hub.Hotline;

/// <summary>Who acknowledged a message, when, with which key, and the audit receipt of that acknowledgement.</summary>
public sealed record AckRecord(string MessageId, string PartyId, DateTimeOffset AckedAt, string? KeyId, string Receipt);
