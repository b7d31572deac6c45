namespace Deconflict.Core.Tactical.Bands;

/// <summary>
/// How guidance bands are computed: the protected cylinder and look-ahead, the grid of each kind, the
/// manoeuvre performance and the recovery search. The defaults are the reference configuration
/// (DAIDALUS's CD3D with kinematic bands: 5 NM / 1000 ft / 300 s, 1 deg, 5 kt, 100 fpm, 100 ft, 3 deg/s,
/// 2 m/s², 0.25 g, 500 fpm, recovery on with collision-avoidance shrinking to the NMAC cylinder).
/// </summary>
public sealed record BandsOptions
{
    public double HorizontalNm { get; init; } = 5;

    public double VerticalFt { get; init; } = 1000;

    public double LookaheadS { get; init; } = 300;

    public double TrackStepDeg { get; init; } = 1;

    public double GroundSpeedStepKt { get; init; } = 5;

    public double VerticalSpeedStepFpm { get; init; } = 100;

    public double AltitudeStepFt { get; init; } = 100;

    public double MinGroundSpeedKt { get; init; }

    public double MaxGroundSpeedKt { get; init; } = 700;

    public double MinVerticalSpeedFpm { get; init; } = -6000;

    public double MaxVerticalSpeedFpm { get; init; } = 6000;

    public double MinAltitudeFt { get; init; }

    public double MaxAltitudeFt { get; init; } = 60000;

    /// <summary>Turn rate of the track manoeuvre, degrees per second.</summary>
    public double TurnRateDegS { get; init; } = 3;

    /// <summary>Acceleration of the ground speed manoeuvre, m/s².</summary>
    public double HorizontalAccelMps2 { get; init; } = 2;

    /// <summary>Vertical acceleration of the vertical speed and altitude manoeuvres, in g (9.80665 m/s²).</summary>
    public double VerticalAccelG { get; init; } = 0.25;

    /// <summary>Climb or descent rate of the altitude manoeuvre, feet per minute.</summary>
    public double VerticalRateFpm { get; init; } = 500;

    /// <summary>Compute recovery bands when every value of a kind conflicts.</summary>
    public bool Recovery { get; init; } = true;

    public double MinHorizontalRecoveryNm { get; init; } = 5;

    public double MinVerticalRecoveryFt { get; init; } = 1000;

    /// <summary>Shrink the recovery cylinder (collision-avoidance bands) when no value keeps clear of it.</summary>
    public bool CollisionAvoidance { get; init; } = true;

    /// <summary>Fraction the recovery cylinder shrinks by at each step.</summary>
    public double CollisionAvoidanceFactor { get; init; } = 0.1;

    public double NmacHorizontalFt { get; init; } = 500;

    public double NmacVerticalFt { get; init; } = 100;

    /// <summary>Seconds added to the earliest recovery time.</summary>
    public double RecoveryStabilityS { get; init; } = 3;

    /// <summary>The reference configuration.</summary>
    public static BandsOptions Default { get; } = new();

    /// <summary>The first option whose value cannot work, as (name, problem), or null when all are usable.</summary>
    public (string Name, string Problem)? Problem()
    {
        (string, double)[] positive =
        [
            (nameof(HorizontalNm), HorizontalNm), (nameof(VerticalFt), VerticalFt), (nameof(LookaheadS), LookaheadS),
            (nameof(TrackStepDeg), TrackStepDeg), (nameof(GroundSpeedStepKt), GroundSpeedStepKt),
            (nameof(VerticalSpeedStepFpm), VerticalSpeedStepFpm), (nameof(AltitudeStepFt), AltitudeStepFt),
            (nameof(TurnRateDegS), TurnRateDegS), (nameof(HorizontalAccelMps2), HorizontalAccelMps2),
            (nameof(VerticalAccelG), VerticalAccelG), (nameof(VerticalRateFpm), VerticalRateFpm),
            (nameof(MinHorizontalRecoveryNm), MinHorizontalRecoveryNm), (nameof(MinVerticalRecoveryFt), MinVerticalRecoveryFt),
            (nameof(NmacHorizontalFt), NmacHorizontalFt), (nameof(NmacVerticalFt), NmacVerticalFt),
        ];
        foreach (var (name, value) in positive)
        {
            if (!(double.IsFinite(value) && value > 0))
            {
                return (name, "must be a positive number");
            }
        }
        if (!(MinGroundSpeedKt >= 0 && MinGroundSpeedKt < MaxGroundSpeedKt && double.IsFinite(MaxGroundSpeedKt)))
        {
            return (nameof(MaxGroundSpeedKt), "ground speed range must satisfy 0 <= min < max");
        }
        if (!(MinVerticalSpeedFpm < MaxVerticalSpeedFpm && double.IsFinite(MinVerticalSpeedFpm) && double.IsFinite(MaxVerticalSpeedFpm)))
        {
            return (nameof(MaxVerticalSpeedFpm), "vertical speed range must satisfy min < max");
        }
        if (!(MinAltitudeFt < MaxAltitudeFt && double.IsFinite(MinAltitudeFt) && double.IsFinite(MaxAltitudeFt)))
        {
            return (nameof(MaxAltitudeFt), "altitude range must satisfy min < max");
        }
        if (!(CollisionAvoidanceFactor > 0 && CollisionAvoidanceFactor < 1))
        {
            return (nameof(CollisionAvoidanceFactor), "must be between 0 and 1");
        }
        if (!(RecoveryStabilityS >= 0 && double.IsFinite(RecoveryStabilityS)))
        {
            return (nameof(RecoveryStabilityS), "must be zero or more");
        }
        return null;
    }
}
