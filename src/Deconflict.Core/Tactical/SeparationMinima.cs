namespace Deconflict.Core.Tactical;

/// <summary>
/// The protected cylinder and look-ahead: a pair loses separation while closer than
/// <see cref="HorizontalNm"/> horizontally and <see cref="VerticalFt"/> vertically, predicted over
/// [0, <see cref="LookaheadS"/>] seconds. Defaults are the en-route 5 NM / 1000 ft / 300 s.
/// </summary>
/// <remarks>As for any struct, <c>default(SeparationMinima)</c> and <c>new SeparationMinima()</c> are all zeros
/// (not valid); use <see cref="Default"/>.</remarks>
public readonly record struct SeparationMinima(double HorizontalNm = 5, double VerticalFt = 1000, double LookaheadS = 300)
{
    /// <summary>5 NM, 1000 ft, 300 s.</summary>
    public static SeparationMinima Default => new(5, 1000, 300);

    /// <summary>True when all three values are finite and positive (look-ahead may be zero).</summary>
    public bool IsValid => double.IsFinite(HorizontalNm) && HorizontalNm > 0
        && double.IsFinite(VerticalFt) && VerticalFt > 0
        && double.IsFinite(LookaheadS) && LookaheadS >= 0;

    /// <summary>True when this cylinder and look-ahead fit inside <paramref name="envelope"/>.</summary>
    public bool FitsWithin(SeparationMinima envelope) =>
        HorizontalNm <= envelope.HorizontalNm && VerticalFt <= envelope.VerticalFt && LookaheadS <= envelope.LookaheadS;
}
