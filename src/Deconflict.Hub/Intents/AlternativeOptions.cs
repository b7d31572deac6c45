using System.ComponentModel.DataAnnotations;
using Deconflict.Core.Strategic;

namespace Deconflict.Hub.Intents;

/// <summary>
/// The grid and limits of the strategic alternatives (<see cref="StrategicAlternatives"/>), bound from the
/// <c>Alternatives</c> configuration section, and how long an offer may be accepted.
/// </summary>
public sealed class AlternativeOptions : IValidatableObject
{
    /// <summary>Time step, seconds (default 60).</summary>
    [Range(1, 86_400)]
    public double StepS { get; set; } = 60;

    /// <summary>Altitude step, feet (default 100).</summary>
    [Range(1, 10_000)]
    public double StepFt { get; set; } = 100;

    /// <summary>Lateral step of corridors and orbits, metres (default 500).</summary>
    [Range(1, 100_000)]
    public double StepM { get; set; } = 500;

    /// <summary>Largest delay or advance, seconds (default 86,400 = 24 h; 0 offers none).</summary>
    [Range(0, 31_622_400)]
    public double LimitS { get; set; } = 86_400;

    /// <summary>Largest move of the band, feet (default 10,000; 0 offers none).</summary>
    [Range(0, 200_000)]
    public double LimitFt { get; set; } = 10_000;

    /// <summary>Largest lateral offset, metres (default 50,000; 0 offers none).</summary>
    [Range(0, 1_000_000)]
    public double LimitM { get; set; } = 50_000;

    /// <summary>How long an offered alternative may be accepted by name (default 1 hour).</summary>
    public TimeSpan OfferTtl { get; set; } = TimeSpan.FromHours(1);

    public AlternativeGrid Grid => new(StepS, StepFt, StepM, LimitS, LimitFt, LimitM);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Grid.Problem() is { } bad)
        {
            yield return new ValidationResult($"Alternatives:{bad.Field} {bad.Problem}.", [bad.Field]);
        }
        if (OfferTtl <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Alternatives:OfferTtl must be positive.", [nameof(OfferTtl)]);
        }
    }
}
