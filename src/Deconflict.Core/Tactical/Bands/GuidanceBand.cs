namespace Deconflict.Core.Tactical.Bands;

/// <summary>
/// One interval of one kind of guidance for an ownship, in the units of its kind
/// (feet, knots, degrees, feet per minute); the bands of one kind partition its whole range.
/// </summary>
public readonly record struct GuidanceBand(BandKind Kind, double Lower, double Upper, BandRegion Region)
{
    /// <summary>True when <paramref name="value"/> lies in [<see cref="Lower"/>, <see cref="Upper"/>].</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;
}
