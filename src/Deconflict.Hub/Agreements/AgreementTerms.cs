using System.Text.Json.Serialization;

namespace Deconflict.Hub.Agreements;

/// <summary>The terms of an agreement as stored and returned (all members present).</summary>
public sealed record AgreementTerms(SeparationTerms Separation, BufferTerms Buffers, SharingTerms Sharing, int AckDeadlineS, LanguageTerms Languages);

/// <summary>Tactical separation minima: horizontal (NM), vertical (ft), look-ahead (s), and the flight-level rule
/// (null in agreements stored before it existed: the default rule).</summary>
public sealed record SeparationTerms(double HNm, double VFt, double LookaheadS, FlightLevelTerms? FlightLevels = null);

/// <summary>
/// Level aircraft on flight levels at least the vertical minimum apart are separated and not alerted: levels are
/// multiples of <c>step_ft</c>, an aircraft within <c>tolerance_ft</c> of one with a rate at most
/// <c>level_rate_fpm</c> is on it. <c>filter: false</c> turns the rule off for the agreement's pairs.
/// </summary>
public sealed record FlightLevelTerms(bool Filter, double StepFt, double ToleranceFt, double LevelRateFpm)
{
    public static FlightLevelTerms Default { get; } = new(true, Core.Surveillance.FlightLevelRule.Default.LevelStepFt,
        Core.Surveillance.FlightLevelRule.Default.ToleranceFt, Core.Surveillance.FlightLevelRule.Default.LevelRateFpm);

    /// <summary>The rule the detector applies, or null when the filter is off.</summary>
    public Core.Surveillance.FlightLevelRule? Rule => Filter ? new(StepFt, ToleranceFt, LevelRateFpm) : null;
}

/// <summary>Strategic buffers added around both parties' volumes: horizontal (m), vertical (ft), time (s).</summary>
public sealed record BufferTerms([property: JsonPropertyName("h_m")] double HM, double VFt, [property: JsonPropertyName("t_s")] double TS);

public sealed record SharingTerms(Sharing ProposerToCounterparty, Sharing CounterpartyToProposer);

public sealed record LanguageTerms(string Proposer, string Counterparty);
