namespace Deconflict.Core.Formats.Aco;

/// <summary>
/// An Airspace Control Order (USMTF, ADatP-3 style): <c>MSGID/ACO/originator/serial/month//</c>,
/// <c>ACOID/area/serial//</c>, <c>GEODATUM/WGS 1984//</c>, <c>PERIOD/start/end//</c>, then its measures.
/// <see cref="Ignored"/> lists sets read but not used (REF, GENTEXT, …) as "set N (line L): NAME", so a reply can say so.
/// </summary>
public sealed record AcoMessage(
    string Originator,
    string Serial,
    string Month,
    string Area,
    string AcoSerial,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    IReadOnlyList<AcoMeasure> Measures)
{
    public IReadOnlyList<string> Ignored { get; init; } = [];

    public bool Equals(AcoMessage? other) =>
        other is not null && Originator == other.Originator && Serial == other.Serial && Month == other.Month && Area == other.Area
        && AcoSerial == other.AcoSerial && PeriodStart == other.PeriodStart && PeriodEnd == other.PeriodEnd && Measures.SequenceEqual(other.Measures);

    public override int GetHashCode() => HashCode.Combine(Originator, Serial, Area, Measures.Count);
}
