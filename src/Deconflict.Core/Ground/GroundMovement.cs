using Deconflict.Core.Strategic;

namespace Deconflict.Core.Ground;

/// <summary>
/// A notified movement (convoy, evacuation, staff or supply run): its route as a corridor of the given half-width,
/// valid over a time window. A strike near any point of the route while the window is open is a hit: the hub does
/// not know where on the route the convoy is.
/// </summary>
public sealed record GroundMovement(
    string Id,
    string Party,
    string Category,
    CorridorShape Route,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidTo,
    string? OrganisationName,
    string? Notes,
    string? Name = null)
{
    /// <summary>Corridor half-width when none is notified: a road and its verges.</summary>
    public const double DefaultHalfWidthM = 100;

    public bool IsActiveAt(DateTimeOffset t) => GroundTime.Contains(ValidFrom, ValidTo, t);
}
