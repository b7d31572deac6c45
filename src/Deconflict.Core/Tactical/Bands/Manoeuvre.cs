namespace Deconflict.Core.Tactical.Bands;

/// <summary>
/// One proposed manoeuvre taken from guidance bands: level off at <see cref="Value"/> feet (a flight level,
/// <see cref="BandKind.Altitude"/>) or turn onto <see cref="Value"/> degrees true (<see cref="BandKind.Track"/>).
/// </summary>
public readonly record struct Manoeuvre(BandKind Kind, double Value)
{
    /// <summary>The flight level (hundreds of feet) of an altitude manoeuvre.</summary>
    public int FlightLevel => (int)Math.Round(Value / 100);
}
