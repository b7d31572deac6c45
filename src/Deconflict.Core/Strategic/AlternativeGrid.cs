namespace Deconflict.Core.Strategic;

/// <summary>
/// The grid on which alternatives are searched and how far: a shift is always a whole number of steps, so the
/// offered variant reads like something a planner would declare, and the search tries at most limit / step
/// variants per direction. Steps and limits are in SI-like units of the field they move (seconds, feet, metres).
/// </summary>
/// <param name="StepS">Time step (default 60 s).</param>
/// <param name="StepFt">Altitude step (default 100 ft).</param>
/// <param name="StepM">Lateral step for corridors and orbits (default 500 m).</param>
/// <param name="LimitS">Largest delay or advance (default 24 h).</param>
/// <param name="LimitFt">Largest climb or descent of the band (default 10,000 ft).</param>
/// <param name="LimitM">Largest lateral offset (default 50 km).</param>
public sealed record AlternativeGrid(double StepS = 60, double StepFt = 100, double StepM = 500, double LimitS = 86_400, double LimitFt = 10_000, double LimitM = 50_000)
{
    /// <summary>Most variants tried in one direction; a grid asking for more is refused (the search is bounded).</summary>
    public const int MaxStepsPerDirection = 100_000;

    /// <summary>The defaults of the issue: 1 minute, 100 ft, 500 m, up to 24 h, 10,000 ft, 50 km.</summary>
    public static AlternativeGrid Default { get; } = new();

    /// <summary>Steps tried for a limit: ⌊limit / step⌋ (a limit below one step offers nothing in that direction).</summary>
    public static int Steps(double limit, double step) => (int)Math.Floor(limit / step + 1e-9);

    /// <summary>Null when the grid is usable, else the name of the first bad value and why.</summary>
    public (string Field, string Problem)? Problem()
    {
        foreach (var (name, step, limit) in new[] { ("StepS", StepS, LimitS), ("StepFt", StepFt, LimitFt), ("StepM", StepM, LimitM) })
        {
            if (!double.IsFinite(step) || step <= 0)
            {
                return (name, "must be a positive number");
            }
            if (!double.IsFinite(limit) || limit < 0)
            {
                return (name.Replace("Step", "Limit", StringComparison.Ordinal), "must be zero or a positive number");
            }
            if (Steps(limit, step) > MaxStepsPerDirection)
            {
                return (name.Replace("Step", "Limit", StringComparison.Ordinal), $"allows more than {MaxStepsPerDirection} steps of {step}");
            }
        }
        return LimitS > TimeSpan.FromDays(366).TotalSeconds ? ("LimitS", "must be at most one year") : null;
    }
}
