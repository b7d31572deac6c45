namespace Deconflict.Core.Strategic;

/// <summary>One way out of a refused intent: the same volumes moved by whole feet and seconds.</summary>
/// <param name="Change">"raise" (above the blocking overlap), "lower" (below it) or "later" (after it).</param>
/// <param name="ShiftFt">Added to every volume's band.</param>
/// <param name="ShiftS">Added to every volume's window.</param>
/// <param name="Intent">The moved intent, which has no blocking conflict.</param>
/// <param name="Conflicts">Its remaining (non-blocking) conflicts.</param>
public sealed record StrategicAlternative(string Change, double ShiftFt, double ShiftS, OperationalIntent Intent, IReadOnlyList<StrategicConflict> Conflicts);

/// <summary>
/// Alternatives to a candidate refused for blocking conflicts: move the whole band above or below the blocking
/// overlap, or start after it. Each move is re-checked against the index (the move can meet other intents), a few
/// times at most; only moves that leave no blocking conflict are offered. Bands move in steps of 1000 ft, windows in
/// whole minutes, so the alternative reads like something a planner would declare. <c>mayMeet</c>(party) limits the
/// search to intents whose owners let the caller see them: a move that meets anyone else's intent is not offered, so
/// an alternative never describes an intent the caller may not know of.
/// </summary>
public static class StrategicAlternatives
{
    public const double CeilingFt = 66_000;
    private const int Attempts = 6;
    private const double StepFt = 1000;
    private const double StepS = 60;

    public static IReadOnlyList<StrategicAlternative> Suggest(StrategicIndex index, OperationalIntent candidate, Func<string, string, StrategicBuffers>? buffersFor = null,
        Func<string, bool>? mayMeet = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(candidate);
        var blocking = index.FindConflicts(candidate, buffersFor).Where(c => c.Blocking).ToList();
        if (blocking.Count == 0)
        {
            return [];
        }
        var meet = mayMeet ?? (_ => true);
        if (blocking.Any(c => !meet(c.Party2)))
        {
            return [];
        }
        var found = new List<StrategicAlternative>(3);
        Add(found, Search(index, candidate, buffersFor, meet, "raise", (m, b) => (Up(b.Max(c => c.OverlapUpperFt) - m.Volumes.Min(v => v.AltLowerFt)), 0)));
        Add(found, Search(index, candidate, buffersFor, meet, "lower", (m, b) => (-Up(m.Volumes.Max(v => v.AltUpperFt) - b.Min(c => c.OverlapLowerFt)), 0)));
        Add(found, Search(index, candidate, buffersFor, meet, "later",
            (m, b) => (0, Math.Max(StepS, Math.Ceiling((b.Max(c => c.OverlapEnd) - m.Volumes.Min(v => v.TimeStart)).TotalSeconds / StepS) * StepS))));
        return found;
    }

    private static void Add(List<StrategicAlternative> list, StrategicAlternative? a)
    {
        if (a is not null)
        {
            list.Add(a);
        }
    }

    private static double Up(double ft) => Math.Max(StepFt, Math.Ceiling(ft / StepFt) * StepFt);

    /// <summary>Moves by what the blocking overlap asks for, again from the moved intent while something still blocks.</summary>
    private static StrategicAlternative? Search(StrategicIndex index, OperationalIntent candidate, Func<string, string, StrategicBuffers>? buffersFor,
        Func<string, bool> meet, string change, Func<OperationalIntent, IReadOnlyList<StrategicConflict>, (double Ft, double S)> step)
    {
        double shiftFt = 0, shiftS = 0;
        var moved = candidate;
        var blocking = index.FindConflicts(candidate, buffersFor).Where(c => c.Blocking).ToList();
        for (var attempt = 0; attempt < Attempts && blocking.Count > 0; attempt++)
        {
            var (ft, s) = step(moved, blocking);
            shiftFt += ft;
            shiftS += s;
            moved = Shift(candidate, shiftFt, shiftS);
            if (moved is null)
            {
                return null;
            }
            var met = index.FindConflicts(moved, buffersFor);
            if (met.Any(c => !meet(c.Party2)))
            {
                return null;
            }
            blocking = met.Where(c => c.Blocking).ToList();
        }
        return blocking.Count == 0 ? new StrategicAlternative(change, shiftFt, shiftS, moved, index.FindConflicts(moved, buffersFor)) : null;
    }

    /// <summary>The intent with every band moved by <paramref name="ft"/> and every window by <paramref name="s"/>; null below ground or above the ceiling.</summary>
    public static OperationalIntent? Shift(OperationalIntent intent, double ft, double s)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var volumes = new List<Volume4D>(intent.Volumes.Count);
        foreach (var v in intent.Volumes)
        {
            if (v.AltLowerFt + ft < 0 || v.AltUpperFt + ft > CeilingFt)
            {
                return null;
            }
            volumes.Add(v with
            {
                AltLowerFt = v.AltLowerFt + ft,
                AltUpperFt = v.AltUpperFt + ft,
                TimeStart = v.TimeStart.AddSeconds(s),
                TimeEnd = v.TimeEnd.AddSeconds(s),
            });
        }
        return intent with { Volumes = volumes };
    }
}
