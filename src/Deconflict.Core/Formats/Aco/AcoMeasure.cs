namespace Deconflict.Core.Formats.Aco;

/// <summary>
/// One airspace control measure: <c>ACMID/ACM:type/NAME:name/SHAPE:shape//</c>, its shape set, <c>EFFLEVEL</c>
/// (feet above mean sea level) and <c>APERIOD</c> (UTC). <see cref="Set"/> and <see cref="Line"/> say where its
/// ACMID set was read (0 when built in code) and take no part in equality.
/// </summary>
public sealed record AcoMeasure(string Name, string Type, AcoShape Shape, double LowerFt, double UpperFt, DateTimeOffset Start, DateTimeOffset End)
{
    public int Set { get; init; }

    public int Line { get; init; }

    public bool Equals(AcoMeasure? other) =>
        other is not null && Name == other.Name && Type == other.Type && Shape.Equals(other.Shape) && LowerFt.Equals(other.LowerFt)
        && UpperFt.Equals(other.UpperFt) && Start == other.Start && End == other.End;

    public override int GetHashCode() => HashCode.Combine(Name, Type, Shape, LowerFt, UpperFt, Start, End);
}
