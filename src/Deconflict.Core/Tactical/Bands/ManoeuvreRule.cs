namespace Deconflict.Core.Tactical.Bands;

/// <summary>
/// Which aircraft of a conflicting pair should move, and where to: the rule behind the hub's drafted hotline
/// proposals. An aircraft's proposal is the conflict-free flight level nearest its altitude (a multiple of
/// <see cref="FlightLevelStepFt"/> inside a <see cref="BandRegion.None"/> altitude band); when no level is free,
/// the conflict-free whole-degree track nearest its own. A level change is preferred because it keeps both
/// aircraft on their routes and is the manoeuvre a hotline request names (REQUEST_ALTITUDE_CHANGE).
/// </summary>
public static class ManoeuvreRule
{
    /// <summary>Flight levels are multiples of 1000 ft: adjacent levels are the standard vertical minimum apart.</summary>
    public const double FlightLevelStepFt = 1000;

    /// <summary>The highest level a hotline message can name (FL660).</summary>
    public const double MaxFlightLevelFt = 66_000;

    /// <summary>
    /// The conflict-free flight level nearest the current altitude, or null when none is; of two equally near
    /// levels, the higher (clearer of terrain).
    /// </summary>
    public static double? NearestFreeLevel(OwnshipBands bands, double stepFt = FlightLevelStepFt)
    {
        ArgumentNullException.ThrowIfNull(bands);
        if (!(stepFt > 0) || !double.IsFinite(stepFt))
        {
            throw new ArgumentOutOfRangeException(nameof(stepFt), stepFt, "must be a positive number");
        }
        var own = bands.Own[(int)BandKind.Altitude];
        if (!double.IsFinite(own))
        {
            return null;
        }
        double? best = null;
        foreach (var b in bands.Of(BandKind.Altitude))
        {
            if (b.Region != BandRegion.None)
            {
                continue;
            }
            // The levels of [lower, upper] within the levels a message may name.
            var lo = Math.Max(0, Math.Ceiling(b.Lower / stepFt) * stepFt);
            var hi = Math.Min(MaxFlightLevelFt, Math.Floor(b.Upper / stepFt) * stepFt);
            if (lo > hi)
            {
                continue;
            }
            // The nearest level of the band to own is own rounded down or up, clamped into the band.
            var below = Math.Clamp(Math.Floor(own / stepFt) * stepFt, lo, hi);
            var above = Math.Clamp(Math.Ceiling(own / stepFt) * stepFt, lo, hi);
            foreach (var candidate in (ReadOnlySpan<double>)[below, above])
            {
                best = Better(candidate, best, own);
            }
        }
        return best;
    }

    /// <summary>The conflict-free whole-degree track nearest the current one (on the circle), or null when none is.</summary>
    public static double? NearestFreeTrack(OwnshipBands bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        if (!double.IsFinite(bands.Own[(int)BandKind.Track]) || bands.IsRecovery(BandKind.Track))
        {
            return null;
        }
        return bands.NearestResolution(BandKind.Track, 1) is { } t ? ((t % 360) + 360) % 360 : null;
    }

    /// <summary>The aircraft's proposal: the nearest free level, else the nearest free track, else null.</summary>
    public static Manoeuvre? Proposal(OwnshipBands bands) =>
        NearestFreeLevel(bands) is { } level ? new Manoeuvre(BandKind.Altitude, level)
        : NearestFreeTrack(bands) is { } track ? new Manoeuvre(BandKind.Track, track)
        : null;

    /// <summary>
    /// Which of the pair should move (0 for <paramref name="a"/>, 1 for <paramref name="b"/>, -1 when neither has
    /// a conflict-free manoeuvre), with its manoeuvre. Only an aircraft with a proposal can be asked to move. Of two
    /// that both have one: the one flying the lower-priority intent; with equal or unknown priorities, the one with a
    /// level change over the one with only a turn, then the smaller change (feet for levels, degrees for turns),
    /// then the smaller (party, track id) in ordinal order. The rule is symmetric: swapping the pair swaps the answer.
    /// </summary>
    public static (int Mover, Manoeuvre Manoeuvre) WhoMoves(ManoeuvreCandidate a, ManoeuvreCandidate b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var pa = Proposal(a.Bands);
        var pb = Proposal(b.Bands);
        if (pa is null || pb is null)
        {
            return pa is { } onlyA ? (0, onlyA) : pb is { } onlyB ? (1, onlyB) : (-1, default);
        }
        return AMoves(a, pa.Value, b, pb.Value) ? (0, pa.Value) : (1, pb.Value);
    }

    private static bool AMoves(ManoeuvreCandidate a, Manoeuvre ma, ManoeuvreCandidate b, Manoeuvre mb)
    {
        if (a.Priority is { } x && b.Priority is { } y && x != y)
        {
            return x < y;
        }
        if (ma.Kind != mb.Kind)
        {
            return ma.Kind == BandKind.Altitude;
        }
        var ca = Change(a.Bands, ma);
        var cb = Change(b.Bands, mb);
        if (ca != cb)
        {
            return ca < cb;
        }
        var byParty = string.CompareOrdinal(a.Party, b.Party);
        return byParty != 0 ? byParty < 0 : string.CompareOrdinal(a.TrackId, b.TrackId) <= 0;
    }

    /// <summary>How far the manoeuvre is from the aircraft's current value: feet, or degrees around the circle.</summary>
    public static double Change(OwnshipBands bands, Manoeuvre m)
    {
        ArgumentNullException.ThrowIfNull(bands);
        var d = Math.Abs(m.Value - bands.Own[(int)m.Kind]);
        return m.Kind == BandKind.Track ? Math.Min(d % 360, 360 - (d % 360)) : d;
    }

    private static double Better(double candidate, double? best, double own)
    {
        if (best is not { } b)
        {
            return candidate;
        }
        var dc = Math.Abs(candidate - own);
        var db = Math.Abs(b - own);
        return dc < db || (dc == db && candidate > b) ? candidate : b;
    }
}
