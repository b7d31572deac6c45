namespace Deconflict.Hub.Agreements;

/// <summary>An agreement as returned by the API.</summary>
public sealed record AgreementView(
    string Id,
    string Proposer,
    string Counterparty,
    string Status,
    SeparationTerms Separation,
    BufferTerms Buffers,
    SharingTerms Sharing,
    int AckDeadlineS,
    LanguageTerms Languages,
    DateTimeOffset CreatedAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset? ExpiresAt = null);
