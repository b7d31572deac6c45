namespace Deconflict.Core.Ground;

/// <summary>
/// What a reported strike means: the notified sites and active movements it reached, whether it fell inside a
/// zone of operations its party declared for that time (and which), and how far outside the nearest one it fell.
/// </summary>
public sealed record StrikeAssessment(
    IReadOnlyList<GroundHit> Hits,
    bool InsideDeclaredZone,
    IReadOnlyList<string> ZoneIds,
    double? OutsideNearestZoneM);
