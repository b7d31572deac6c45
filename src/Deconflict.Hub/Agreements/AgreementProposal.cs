using System.Text.Json.Serialization;

namespace Deconflict.Hub.Agreements;

/// <summary>The body of <c>POST /api/v1/agreements</c>; omitted members take defaults.</summary>
public sealed record AgreementProposal(
    string? Counterparty,
    SeparationInput? Separation,
    BufferInput? Buffers,
    SharingInput? Sharing,
    int? AckDeadlineS,
    LanguageInput? Languages);

public sealed record SeparationInput(double? HNm, double? VFt, double? LookaheadS, FlightLevelInput? FlightLevels = null);

/// <summary>The flight-level rule of tactical alerting; <c>filter: false</c> alerts every predicted loss of separation.</summary>
public sealed record FlightLevelInput(bool? Filter, double? StepFt, double? ToleranceFt, double? LevelRateFpm);

public sealed record BufferInput([property: JsonPropertyName("h_m")] double? HM, double? VFt, [property: JsonPropertyName("t_s")] double? TS);

public sealed record SharingInput(Sharing? ProposerToCounterparty, Sharing? CounterpartyToProposer);

public sealed record LanguageInput(string? Proposer, string? Counterparty);
