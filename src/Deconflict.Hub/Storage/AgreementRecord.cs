namespace Deconflict.Hub.Storage;

/// <summary>An agreement between two parties; <see cref="TermsJson"/> holds the terms as proposed.</summary>
public sealed record AgreementRecord(
    string Id,
    string Proposer,
    string Counterparty,
    string Status,
    string TermsJson,
    DateTimeOffset CreatedAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? EndedAt);
