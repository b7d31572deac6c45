namespace Deconflict.Core.Surveillance;

/// <summary>
/// Alerting thresholds and hysteresis. Raising or escalating is immediate (a late alert costs
/// lives); lowering or clearing waits until the weaker condition has held for
/// <see cref="HoldCycles"/> consecutive cycles and <see cref="HoldS"/> seconds, so that noise
/// in the reports does not make an alert flicker on and off.
/// </summary>
public sealed record AlertOptions
{
    /// <summary>Caution when loss of separation is predicted within this many seconds.</summary>
    public double CautionS { get; init; } = 300;

    /// <summary>Warning when loss of separation is predicted within this many seconds.</summary>
    public double WarningS { get; init; } = 60;

    /// <summary>Consecutive cycles a lower level (or no conflict) must persist before the alert is lowered or cleared.</summary>
    public int HoldCycles { get; init; } = 3;

    /// <summary>Seconds a lower level (or no conflict) must persist before the alert is lowered or cleared.</summary>
    public double HoldS { get; init; } = 10;

    /// <summary>DO-365 alert levels with their hysteresis for each episode; null leaves episodes unclassified.</summary>
    public Do365HysteresisOptions? Do365 { get; init; }

    /// <summary>Throws when the values are inconsistent.</summary>
    public void Validate()
    {
        if (!(WarningS >= 0) || !(CautionS >= WarningS))
        {
            throw new ArgumentException($"alert times need 0 <= warning ({WarningS} s) <= caution ({CautionS} s)");
        }
        if (HoldCycles < 1 || !(HoldS >= 0))
        {
            throw new ArgumentException("hysteresis needs at least one cycle and a non-negative hold time");
        }
        Do365?.Validate();
    }

    /// <summary>The level for a loss of separation predicted <paramref name="timeToLosS"/> seconds ahead (0 = lost now).</summary>
    public AlertLevel LevelFor(double timeToLosS) =>
        timeToLosS <= WarningS ? AlertLevel.Warning : timeToLosS <= CautionS ? AlertLevel.Caution : AlertLevel.None;
}
