namespace Deconflict.Core.Strategic;

/// <summary>
/// Extra separation two parties' agreement adds on top of plain overlap: volumes closer than
/// <paramref name="HorizontalM"/> metres, <paramref name="VerticalFt"/> feet and <paramref name="TimeS"/> seconds conflict.
/// </summary>
public readonly record struct StrategicBuffers(double HorizontalM, double VerticalFt, double TimeS)
{
    /// <summary>No buffer: only true overlap conflicts.</summary>
    public static StrategicBuffers None => default;
}
