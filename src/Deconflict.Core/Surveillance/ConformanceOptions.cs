namespace Deconflict.Core.Surveillance;

/// <summary>Tolerances of conformance monitoring: how far outside its declared volumes a track may stray before it is flagged.</summary>
public sealed record ConformanceOptions
{
    /// <summary>Horizontal tolerance, metres (default 0.5 NM: navigation and surveillance error).</summary>
    public double HorizontalToleranceM { get; init; } = 926;

    /// <summary>Vertical tolerance, feet (default 200 ft: altimetry and level-keeping error).</summary>
    public double VerticalToleranceFt { get; init; } = 200;

    /// <summary>Time tolerance at the ends of each volume's window, seconds.</summary>
    public double TimeToleranceS { get; init; } = 60;

    /// <summary>Consecutive cycles outside (or back inside) before the state changes, so one noisy report does not flip it.</summary>
    public int HoldCycles { get; init; } = 2;
}
