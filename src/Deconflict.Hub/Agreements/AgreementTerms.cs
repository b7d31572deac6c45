using System.Text.Json.Serialization;

namespace Deconflict.Hub.Agreements;

/// <summary>The terms of an agreement as stored and returned (all members present).</summary>
public sealed record AgreementTerms(SeparationTerms Separation, BufferTerms Buffers, SharingTerms Sharing, int AckDeadlineS, LanguageTerms Languages);

/// <summary>Tactical separation minima: horizontal (NM), vertical (ft), look-ahead (s).</summary>
public sealed record SeparationTerms(double HNm, double VFt, double LookaheadS);

/// <summary>Strategic buffers added around both parties' volumes: horizontal (m), vertical (ft), time (s).</summary>
public sealed record BufferTerms([property: JsonPropertyName("h_m")] double HM, double VFt, [property: JsonPropertyName("t_s")] double TS);

public sealed record SharingTerms(Sharing ProposerToCounterparty, Sharing CounterpartyToProposer);

public sealed record LanguageTerms(string Proposer, string Counterparty);
