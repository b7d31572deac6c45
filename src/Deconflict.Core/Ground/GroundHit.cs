namespace Deconflict.Core.Ground;

/// <summary>
/// A protected object reached by a strike or a fire area: which one, whose, and how far the strike point lies from
/// the object itself (centre of a point site, outline of a polygon, route of a movement; 0 inside).
/// </summary>
public sealed record GroundHit(GroundObjectKind Kind, string ObjectId, string Party, double DistanceM);

