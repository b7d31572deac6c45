namespace Deconflict.Core.Tactical.Bands;

/// <summary>
/// What makes a grid value conflicting in one pass of the band search: a loss of
/// <see cref="Conflict"/> separation within [<see cref="B"/>, T], or, when <see cref="Recovery"/> is set, a
/// loss of that (smaller) cylinder within [0, B]. Plain bands are (detection cylinder, 0, none); the
/// recovery search moves B and shrinks the recovery cylinder.
/// </summary>
internal readonly record struct BandsDetection(Cylinder Conflict, double B, Cylinder? Recovery)
{
    /// <summary>
    /// DAIDALUS's CD_future_traj: the ownship's straight continuation from <paramref name="own"/> (its state at
    /// <paramref name="tsk"/>) against <paramref name="intruder0"/> (its state at 0), the conflict cylinder over
    /// [max(B, tsk), T] and the recovery cylinder over [tsk, min(T, B)].
    /// </summary>
    public bool ConflictAfter(in PlaneState own, double tsk, in PlaneState intruder0, double lookaheadS)
    {
        var intruder = intruder0.At(tsk);
        if (!(tsk > lookaheadS || B > lookaheadS) && Conflict.Conflict(own, intruder, Math.Max(B, tsk) - tsk, lookaheadS - tsk))
        {
            return true;
        }
        if (Recovery is { } r)
        {
            var rEnd = Math.Min(lookaheadS, B);
            if (!(tsk > rEnd || rEnd < 0) && r.Conflict(own, intruder, Math.Max(0, tsk) - tsk, rEnd - tsk))
            {
                return true;
            }
        }
        return false;
    }
}
