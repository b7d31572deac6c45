using Deconflict.Core.Strategic;

namespace Deconflict.Core.Ground;

/// <summary>
/// A zone of operations a party declares in advance (where it says it will act, and when). Reported strikes are
/// compared with it: a strike outside every zone its party declared for that time is a mismatch between word and deed.
/// </summary>
public sealed record OperationsZone(string Id, string Party, PolygonShape Area, DateTimeOffset ValidFrom, DateTimeOffset ValidTo, string? Name)
{
    public bool IsActiveAt(DateTimeOffset t) => GroundTime.Contains(ValidFrom, ValidTo, t);
}
