namespace Deconflict.Core.Tactical.Bands;

/// <summary>
/// The guidance bands of one ownship: for each kind, intervals partitioning its range, sorted by kind then
/// lower bound. <see cref="Own"/> holds the ownship's current value of each kind (indexed by <see cref="BandKind"/>).
/// </summary>
public sealed record OwnshipBands(int Ownship, IReadOnlyList<GuidanceBand> Bands, IReadOnlyList<double> Own)
{
    /// <summary>The bands of one kind, in ascending order.</summary>
    public IEnumerable<GuidanceBand> Of(BandKind kind) => Bands.Where(b => b.Kind == kind);

    /// <summary>True when some value of <paramref name="kind"/> is conflict-free.</summary>
    public bool HasConflictFree(BandKind kind) => Of(kind).Any(b => b.Region == BandRegion.None && b.Upper > b.Lower);

    /// <summary>True when the kind has recovery bands (every value conflicts).</summary>
    public bool IsRecovery(BandKind kind) => Of(kind).Any(b => b.Region == BandRegion.Recovery);

    /// <summary>
    /// The conflict-free (or, when saturated, recovery) value of <paramref name="kind"/> nearest to the current one,
    /// searched on <paramref name="grid"/> multiples in the band's units; null when there is none.
    /// </summary>
    public double? NearestResolution(BandKind kind, double grid)
    {
        var wanted = IsRecovery(kind) ? BandRegion.Recovery : BandRegion.None;
        var own = Own[(int)kind];
        double? best = null;
        foreach (var b in Of(kind))
        {
            if (b.Region != wanted)
            {
                continue;
            }
            // The nearest grid value inside [lower, upper] to own (bands wider than one grid step only).
            var lo = Math.Ceiling(b.Lower / grid) * grid;
            var hi = Math.Floor(b.Upper / grid) * grid;
            if (lo > hi)
            {
                continue;
            }
            // On the track circle an end can be nearer than the clamped value.
            foreach (var candidate in (ReadOnlySpan<double>)[Math.Clamp(Math.Round(own / grid) * grid, lo, hi), lo, hi])
            {
                if (best is null || Distance(kind, candidate, own) < Distance(kind, best.Value, own))
                {
                    best = candidate;
                }
            }
        }
        return best;
    }

    private static double Distance(BandKind kind, double a, double b)
    {
        var d = Math.Abs(a - b);
        return kind == BandKind.Track ? Math.Min(d % 360, 360 - (d % 360)) : d;
    }
}
