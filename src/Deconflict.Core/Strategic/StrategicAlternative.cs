namespace Deconflict.Core.Strategic;

/// <summary>
/// One way out of a conflicting intent: the same intent moved by a whole number of grid steps in one direction, the
/// smallest such move that leaves it conflict-free.
/// </summary>
/// <param name="Kind">The direction.</param>
/// <param name="Steps">k: the shift is k grid steps; k − 1 steps (k = 1: the intent as it was) is not conflict-free.</param>
/// <param name="ShiftS">Seconds added to every window (negative: earlier); 0 unless a time move.</param>
/// <param name="ShiftFt">Feet added to every band (negative: lower); 0 unless a band move.</param>
/// <param name="ShiftM">Metres every corridor moved sideways (never negative; <paramref name="Kind"/> gives the side); 0 unless lateral.</param>
/// <param name="Intent">The moved intent, conflict-free against the index it was found in.</param>
/// <param name="ShapedBy">
/// The other intents that refused the smaller moves (and the intent as it was), one conflict per intent: who must be
/// told that an answer about their intents was given.
/// </param>
public sealed record StrategicAlternative(AlternativeKind Kind, int Steps, double ShiftS, double ShiftFt, double ShiftM, OperationalIntent Intent,
    IReadOnlyList<StrategicConflict> ShapedBy);
