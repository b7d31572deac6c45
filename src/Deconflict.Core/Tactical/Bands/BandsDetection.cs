namespace Deconflict.Core.Tactical.Bands;

/// <summary>
/// What makes a grid value conflicting in one pass of the band search: a loss of
/// <see cref="Conflict"/> separation within [<see cref="B"/>, T], or, when <see cref="Recovery"/> is set, a
/// loss of that (smaller) cylinder within [0, B]. Plain bands are (detection cylinder, 0, none); the
/// recovery search moves B and shrinks the recovery cylinder.
/// </summary>
internal readonly record struct BandsDetection(Cylinder Conflict, double B, Cylinder? Recovery);
