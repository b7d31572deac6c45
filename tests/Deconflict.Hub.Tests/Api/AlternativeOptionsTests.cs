using System.ComponentModel.DataAnnotations;
using Deconflict.Hub.Intents;

namespace Deconflict.Hub.Tests.Api;

/// <summary>The <c>Alternatives</c> options are validated at start, each problem naming the setting.</summary>
public sealed class AlternativeOptionsTests
{
    private static List<ValidationResult> Problems(AlternativeOptions o)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(o, new ValidationContext(o), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void The_defaults_are_one_minute_100_ft_and_500_m_within_24_h_10000_ft_and_50_km()
    {
        var o = new AlternativeOptions();
        Problems(o).ShouldBeEmpty();
        (o.StepS, o.StepFt, o.StepM, o.LimitS, o.LimitFt, o.LimitM).ShouldBe((60, 100, 500, 86_400, 10_000, 50_000));
    }

    [Fact]
    public void A_zero_step_a_negative_limit_too_many_steps_or_no_offer_time_is_refused_naming_the_setting()
    {
        Problems(new AlternativeOptions { StepS = 0 }).SelectMany(r => r.MemberNames).ShouldContain("StepS");
        Problems(new AlternativeOptions { LimitFt = -1 }).SelectMany(r => r.MemberNames).ShouldContain("LimitFt");
        Problems(new AlternativeOptions { StepM = 1, LimitM = 1_000_000 }).SelectMany(r => r.MemberNames).ShouldContain("LimitM");
        Problems(new AlternativeOptions { OfferTtl = TimeSpan.Zero }).SelectMany(r => r.MemberNames).ShouldContain("OfferTtl");
    }
}
