namespace Deconflict.Core.Surveillance;

/// <summary>
/// Gates of <see cref="TrackAssociator"/>. A report without an aircraft address joins a track of the same party when it
/// lies inside that track's gate at the report's time: within <see cref="GateNm"/> + <see cref="GateGrowthKt"/> × age
/// horizontally of the track's position extrapolated to the report's time, within <see cref="GateFt"/> +
/// <see cref="GateGrowthFpm"/> × age vertically (when both have an altitude), and, for a new association, within
/// <see cref="VelocityGateKt"/> of the track's velocity (when both have one). Age is the time between the track's last
/// update and the report, so the gate widens by what an unknown turn, acceleration or climb can add to the
/// extrapolation error meanwhile.
/// </summary>
public sealed record TrackAssociationOptions
{
    /// <summary>
    /// Horizontal gate at age 0, NM. Radar plots are accurate to about 0.1 NM at 100 NM range (0.07° azimuth) and
    /// tracks to tens of metres; half a mile holds both with margin while staying well inside the 3 NM terminal minimum.
    /// </summary>
    public double GateNm { get; init; } = 0.5;

    /// <summary>
    /// Horizontal gate growth, kt (NM per hour of age): the velocity error allowed for. A 250 kt aircraft in a rate-one
    /// turn leaves its straight extrapolation by about 3.3 m × age²; 100 kt covers that for ages up to about 15 s.
    /// </summary>
    public double GateGrowthKt { get; init; } = 100;

    /// <summary>Vertical gate at age 0, ft: two barometric altitudes of one aircraft agree to their 25–100 ft quanta.</summary>
    public double GateFt { get; init; } = 300;

    /// <summary>Vertical gate growth, ft/min of age: an unannounced level-off or climb; keeps the gate under 1000 ft up to the maximum age.</summary>
    public double GateGrowthFpm { get; init; } = 2000;

    /// <summary>
    /// A new association needs the report's velocity (or its source track's last one) within this of the candidate's,
    /// kt: two aircraft converging at one point have very different velocities and are never joined there.
    /// </summary>
    public double VelocityGateKt { get; init; } = 100;

    /// <summary>
    /// A track last updated longer ago than this, s, is no candidate for a new association (a 12 s radar scan plus
    /// latency); an established association holds whatever the age while the report stays in the widening gate.
    /// </summary>
    public double MaxAgeS { get; init; } = 20;

    /// <summary>
    /// An established association holds while reports stay within this many times the gates (hysteresis): a track
    /// that jumps at a turn or a late update is not dropped and re-acquired, which would show the aircraft twice.
    /// </summary>
    public double HoldFactor { get; init; } = 2;

    /// <summary>
    /// Two candidates inside the gate whose normalised distances (1 = the gate's edge) differ by less than this are
    /// ambiguous: the report is associated to neither and stays a track of its own, so two aircraft are never merged.
    /// </summary>
    public double AmbiguityMargin { get; init; } = 0.5;

    /// <summary>The first value out of range, named by its property, or null when all are fine.</summary>
    public (string Field, string Problem)? FindProblem() =>
        !(GateNm > 0 && GateNm <= 10) ? (nameof(GateNm), "must be more than 0 and at most 10 NM")
        : !(GateGrowthKt >= 0 && GateGrowthKt <= 1000) ? (nameof(GateGrowthKt), "must be from 0 to 1000 kt")
        : !(GateFt > 0 && GateFt <= 5000) ? (nameof(GateFt), "must be more than 0 and at most 5000 ft")
        : !(GateGrowthFpm >= 0 && GateGrowthFpm <= 20_000) ? (nameof(GateGrowthFpm), "must be from 0 to 20000 ft/min")
        : !(VelocityGateKt > 0 && VelocityGateKt <= 2000) ? (nameof(VelocityGateKt), "must be more than 0 and at most 2000 kt")
        : !(MaxAgeS > 0 && MaxAgeS <= 600) ? (nameof(MaxAgeS), "must be more than 0 and at most 600 s")
        : !(HoldFactor >= 1 && HoldFactor <= 10) ? (nameof(HoldFactor), "must be from 1 to 10")
        : !(AmbiguityMargin >= 0 && AmbiguityMargin <= 10) ? (nameof(AmbiguityMargin), "must be from 0 to 10")
        : null;

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        if (FindProblem() is { } p)
        {
            throw new ArgumentException($"{p.Field} {p.Problem}");
        }
    }
}
