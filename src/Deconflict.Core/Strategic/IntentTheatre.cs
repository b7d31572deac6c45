namespace Deconflict.Core.Strategic;

/// <summary>
/// Where and when synthetic intents are placed: a latitude/longitude box (west may exceed east to span the
/// antimeridian) and a period.
/// </summary>
public sealed record IntentTheatre(double SouthDeg, double WestDeg, double NorthDeg, double EastDeg, DateTimeOffset Start, TimeSpan Span)
{
    /// <summary>Syria and its neighbourhood over one day.</summary>
    public static IntentTheatre Levant { get; } = new(32.0, 35.5, 37.3, 42.5, new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(1));

    /// <summary>The wider Middle East over a week: the scale of a store holding a million intents.</summary>
    public static IntentTheatre MiddleEast { get; } = new(24.0, 30.0, 42.0, 56.0, new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(7));
}
