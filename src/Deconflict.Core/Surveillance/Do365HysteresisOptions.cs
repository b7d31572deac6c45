namespace Deconflict.Core.Surveillance;

/// <summary>
/// DO-365 alerting hysteresis: M of N (2 of 4, as DO-365B and DAIDALUS's DO-365 configurations set it),
/// the persistence of a raised level, and the gap after which a pair's history starts again.
/// </summary>
public sealed record Do365HysteresisOptions
{
    public int M { get; init; } = 2;

    public int N { get; init; } = 4;

    /// <summary>Seconds a raised level is kept before it may be lowered.</summary>
    public double PersistenceS { get; init; } = 4;

    /// <summary>A pair not updated for longer than this starts a fresh history.</summary>
    public double ResetS { get; init; } = 5;

    /// <summary>Throws when the values are inconsistent.</summary>
    public void Validate()
    {
        if (N < 1 || M < 1 || M > N || N > 64)
        {
            throw new ArgumentException($"DO-365 hysteresis needs 1 <= M ({M}) <= N ({N}) <= 64");
        }
        if (!(PersistenceS >= 0) || !(ResetS > 0))
        {
            throw new ArgumentException("DO-365 hysteresis needs a non-negative persistence and a positive reset time");
        }
    }
}
