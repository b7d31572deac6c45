namespace Deconflict.Hub.Agreements;

/// <summary>Checks a proposal and fills defaults: separation 5 NM / 1000 ft / 300 s with the flight-level rule on, no buffers, nothing shared, 300 s ack, English.</summary>
public static class AgreementTermsValidation
{
    public static readonly IReadOnlyList<string> Languages = ["en", "ru"];

    public static AgreementTerms? Validate(AgreementProposal p, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(errors);
        var d = AgreementBook.DefaultSeparation;
        var fl = p.Separation?.FlightLevels;
        var dl = FlightLevelTerms.Default;
        var levels = new FlightLevelTerms(fl?.Filter ?? dl.Filter, fl?.StepFt ?? dl.StepFt, fl?.ToleranceFt ?? dl.ToleranceFt, fl?.LevelRateFpm ?? dl.LevelRateFpm);
        var separation = new SeparationTerms(p.Separation?.HNm ?? d.HNm, p.Separation?.VFt ?? d.VFt, p.Separation?.LookaheadS ?? d.LookaheadS, levels);
        Range(errors, "separation.flight_levels.step_ft", levels.StepFt, 100, 10_000, exclusiveLow: false);
        Range(errors, "separation.flight_levels.tolerance_ft", levels.ToleranceFt, 0, Math.Ceiling(levels.StepFt / 2) - 1, exclusiveLow: false);
        Range(errors, "separation.flight_levels.level_rate_fpm", levels.LevelRateFpm, 0, 6_000, exclusiveLow: false);
        Range(errors, "separation.h_nm", separation.HNm, 0.1, 100, exclusiveLow: false);
        Range(errors, "separation.v_ft", separation.VFt, 100, 10_000, exclusiveLow: false);
        Range(errors, "separation.lookahead_s", separation.LookaheadS, 0, 3_600, exclusiveLow: true);
        var buffers = new BufferTerms(p.Buffers?.HM ?? 0, p.Buffers?.VFt ?? 0, p.Buffers?.TS ?? 0);
        Range(errors, "buffers.h_m", buffers.HM, 0, 100_000, exclusiveLow: false);
        Range(errors, "buffers.v_ft", buffers.VFt, 0, 10_000, exclusiveLow: false);
        Range(errors, "buffers.t_s", buffers.TS, 0, 86_400, exclusiveLow: false);
        var sharing = new SharingTerms(p.Sharing?.ProposerToCounterparty ?? Sharing.None, p.Sharing?.CounterpartyToProposer ?? Sharing.None);
        var ack = p.AckDeadlineS ?? 300;
        if (ack is < 10 or > 86_400)
        {
            errors["ack_deadline_s"] = ["Between 10 and 86400 seconds."];
        }
        var languages = new LanguageTerms(p.Languages?.Proposer ?? "en", p.Languages?.Counterparty ?? "en");
        if (!Languages.Contains(languages.Proposer))
        {
            errors["languages.proposer"] = [$"One of: {string.Join(", ", Languages)}."];
        }
        if (!Languages.Contains(languages.Counterparty))
        {
            errors["languages.counterparty"] = [$"One of: {string.Join(", ", Languages)}."];
        }
        return errors.Count > 0 ? null : new AgreementTerms(separation, buffers, sharing, ack, languages);
    }

    private static void Range(Dictionary<string, string[]> errors, string field, double value, double low, double high, bool exclusiveLow)
    {
        if (!double.IsFinite(value) || value > high || (exclusiveLow ? value <= low : value < low))
        {
            errors[field] = [$"Must be {(exclusiveLow ? "greater than" : "at least")} {low} and at most {high}."];
        }
    }
}
