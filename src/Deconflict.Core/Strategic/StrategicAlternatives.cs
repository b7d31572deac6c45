namespace Deconflict.Core.Strategic;

/// <summary>
/// The nearest conflict-free variants of an intent that has conflicts: the smallest delay and the smallest advance of
/// every window, the nearest band above and below of the same thickness, and for intents made of corridors (routes and
/// two-point orbits) the smallest offset to the left and to the right of the path, each a whole number k of
/// <see cref="AlternativeGrid"/> steps within its limit. Minimal on the grid by construction: k = 1, 2, … are tried in
/// order and the first variant with no conflict at all (buffers included) is offered, so k − 1 steps is not
/// conflict-free. A direction with no free step within its limit offers nothing.
/// <para>
/// Bounded: each direction tries at most limit / step variants, not against the whole index but against the few
/// intents that can meet any of them: the intent swept over every shift of the family (windows widened by the time
/// limit, bands by the height limit, corridors by the lateral limit) meets every intent that any shifted variant
/// meets, since the conflict rule only grows with the volumes. The variant found is checked once more against the
/// whole index, the check a PUT makes, so what is offered is what the hub would accept.
/// </para>
/// </summary>
public static class StrategicAlternatives
{
    /// <summary>
    /// Alternatives to <paramref name="candidate"/> against the live intents of other parties in <paramref name="index"/>,
    /// in the order of <see cref="AlternativeKind"/>; none when the candidate is conflict-free or Ended.
    /// </summary>
    public static IReadOnlyList<StrategicAlternative> Find(StrategicIndex index, OperationalIntent candidate, AlternativeGrid? grid = null,
        Func<string, string, StrategicBuffers>? buffersFor = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(candidate);
        grid ??= AlternativeGrid.Default;
        if (grid.Problem() is { } bad)
        {
            throw new ArgumentException($"{bad.Field} {bad.Problem}.", nameof(grid));
        }
        var here = index.FindConflicts(candidate, buffersFor);
        if (here.Count == 0)
        {
            return [];
        }
        var found = new List<StrategicAlternative>(6);
        var time = Near(index, candidate with { Volumes = [.. candidate.Volumes.Select(v => v with { TimeStart = v.TimeStart.AddSeconds(-grid.LimitS), TimeEnd = v.TimeEnd.AddSeconds(grid.LimitS) })] }, buffersFor);
        Add(found, Search(index, time, candidate, AlternativeKind.Delay, grid, buffersFor, here));
        Add(found, Search(index, time, candidate, AlternativeKind.Advance, grid, buffersFor, here));
        var band = Near(index, candidate with { Volumes = [.. candidate.Volumes.Select(v => v with { AltLowerFt = v.AltLowerFt - grid.LimitFt, AltUpperFt = v.AltUpperFt + grid.LimitFt })] }, buffersFor);
        Add(found, Search(index, band, candidate, AlternativeKind.Above, grid, buffersFor, here));
        Add(found, Search(index, band, candidate, AlternativeKind.Below, grid, buffersFor, here));
        if (candidate.Volumes.All(v => v.Shape is CorridorShape))
        {
            // A vertex moves at most MaxMitre times the offset; 1 % and 100 m more cover the bow of the moved legs.
            var reach = grid.LimitM * IntentShift.MaxMitre * 1.01 + 100;
            var lateral = Near(index, candidate with { Volumes = [.. candidate.Volumes.Select(v => v with { Shape = ((CorridorShape)v.Shape) with { HalfWidthM = ((CorridorShape)v.Shape).HalfWidthM + reach } })] }, buffersFor);
            Add(found, Search(index, lateral, candidate, AlternativeKind.Left, grid, buffersFor, here));
            Add(found, Search(index, lateral, candidate, AlternativeKind.Right, grid, buffersFor, here));
        }
        return found;
    }

    /// <summary>The variant k steps in direction <paramref name="kind"/>; null when that move is not possible (see <see cref="IntentShift"/>).</summary>
    public static OperationalIntent? Variant(OperationalIntent candidate, AlternativeKind kind, int k, AlternativeGrid grid)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(grid);
        return kind switch
        {
            AlternativeKind.Delay => IntentShift.Time(candidate, k * grid.StepS),
            AlternativeKind.Advance => IntentShift.Time(candidate, -k * grid.StepS),
            AlternativeKind.Above => IntentShift.Band(candidate, k * grid.StepFt),
            AlternativeKind.Below => IntentShift.Band(candidate, -k * grid.StepFt),
            AlternativeKind.Left => IntentShift.Lateral(candidate, -k * grid.StepM),
            AlternativeKind.Right => IntentShift.Lateral(candidate, k * grid.StepM),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>How many steps a direction may try.</summary>
    public static int StepsAllowed(AlternativeKind kind, AlternativeGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return kind switch
        {
            AlternativeKind.Delay or AlternativeKind.Advance => AlternativeGrid.Steps(grid.LimitS, grid.StepS),
            AlternativeKind.Above or AlternativeKind.Below => AlternativeGrid.Steps(grid.LimitFt, grid.StepFt),
            _ => AlternativeGrid.Steps(grid.LimitM, grid.StepM),
        };
    }

    private static void Add(List<StrategicAlternative> list, StrategicAlternative? a)
    {
        if (a is not null)
        {
            list.Add(a);
        }
    }

    /// <summary>A small index of the other intents that <paramref name="sweep"/> meets: all any variant of its family can meet.</summary>
    private static StrategicIndex Near(StrategicIndex index, OperationalIntent sweep, Func<string, string, StrategicBuffers>? buffersFor)
    {
        var near = new StrategicIndex();
        foreach (var c in index.FindConflicts(sweep, buffersFor))
        {
            if (index.Get(c.Party2, c.IntentId2) is { } other)
            {
                near.Upsert(other);
            }
        }
        return near;
    }

    private static StrategicAlternative? Search(StrategicIndex index, StrategicIndex near, OperationalIntent candidate, AlternativeKind kind, AlternativeGrid grid,
        Func<string, string, StrategicBuffers>? buffersFor, IReadOnlyList<StrategicConflict> here)
    {
        var shaped = new Dictionary<(string Party, string Id), StrategicConflict>();
        Shape(shaped, here);
        var steps = StepsAllowed(kind, grid);
        for (var k = 1; k <= steps; k++)
        {
            // Moves only go further out with k: once a move is impossible, so are all larger ones.
            if (Variant(candidate, kind, k, grid) is not { } variant)
            {
                return null;
            }
            var met = near.FindConflicts(variant, buffersFor);
            if (met.Count == 0)
            {
                // The check a PUT makes; the sweep guarantees it agrees, this keeps the guarantee local.
                met = index.FindConflicts(variant, buffersFor);
            }
            if (met.Count == 0)
            {
                var (s, ft, m) = kind switch
                {
                    AlternativeKind.Delay => (k * grid.StepS, 0.0, 0.0),
                    AlternativeKind.Advance => (-k * grid.StepS, 0.0, 0.0),
                    AlternativeKind.Above => (0.0, k * grid.StepFt, 0.0),
                    AlternativeKind.Below => (0.0, -k * grid.StepFt, 0.0),
                    _ => (0.0, 0.0, k * grid.StepM),
                };
                return new StrategicAlternative(kind, k, s, ft, m, variant, [.. shaped.Values]);
            }
            Shape(shaped, met);
        }
        return null;
    }

    private static void Shape(Dictionary<(string Party, string Id), StrategicConflict> shaped, IReadOnlyList<StrategicConflict> met)
    {
        foreach (var c in met)
        {
            if (!shaped.TryGetValue((c.Party2, c.IntentId2), out var seen) || (c.Blocking && !seen.Blocking))
            {
                shaped[(c.Party2, c.IntentId2)] = c;
            }
        }
    }
}
