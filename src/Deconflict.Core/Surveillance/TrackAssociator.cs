namespace Deconflict.Core.Surveillance;

/// <summary>
/// Associates the reports of sources that carry no aircraft address (radar plots, system tracks without Mode S) with
/// the tracks of the same party's picture by position and time, so that one aircraft seen by several sources is one
/// track. A report joins the candidate nearest in normalised distance (<see cref="AssociationGate"/>) among the party's
/// tracks updated within <see cref="TrackAssociationOptions.MaxAgeS"/>, when it lies inside that candidate's gate and no
/// second candidate inside its gate comes within <see cref="TrackAssociationOptions.AmbiguityMargin"/>: an ambiguous
/// report joins nobody, so two aircraft are never merged. A track the same source numbers differently is never a
/// candidate (the source itself says they are two aircraft), nor is the report's own track.
/// </summary>
/// <remarks>
/// The association is kept per source track number: once a number has joined a track, its later reports go to that
/// track while they stay inside its (widening) gate, whatever other candidate passes nearby, and the association ends
/// when a report leaves the gate, the track leaves the picture, or the number stays silent for the picture's stale time
/// (numbers are reused for other aircraft). When a number that had a track of its own joins another track, its own
/// track leaves the picture at once, so the aircraft is never shown (or alerted) twice. A report that joins nobody stays
/// the track of its own source track number, as without association; an unnumbered plot that joins nobody is dropped.
/// Not thread-safe: one per feed. The candidates are read from the store, so tracks fed by other sources of the party
/// (SBS-1, the API, other ASTERIX sources) are candidates too.
/// </remarks>
public sealed class TrackAssociator
{
    private readonly Dictionary<SourceTrack, Link> _links = [];
    private readonly Dictionary<(SourceTrack Source, string Id), Claim> _claims = [];
    private readonly List<LiveTrack> _candidates = [];
    private long _candidatesVersion = -1;
    private double _prunedAtS = double.NaN;

    /// <param name="store">The live picture whose tracks are the candidates.</param>
    /// <param name="party">The party whose picture this is (null in a replay): only its tracks are candidates.</param>
    /// <param name="options">Gates; the defaults when null.</param>
    public TrackAssociator(LiveTrackStore store, string? party, TrackAssociationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        Options = options ?? new TrackAssociationOptions();
        Options.Validate();
        Store = store;
        Party = party;
    }

    public LiveTrackStore Store { get; }

    public string? Party { get; }

    public TrackAssociationOptions Options { get; }

    /// <summary>Reports that went to another track than their source track's own.</summary>
    public long Associated { get; private set; }

    /// <summary>Reports that fitted two candidates alike and so joined neither.</summary>
    public long Ambiguous { get; private set; }

    /// <summary>Source tracks' own tracks taken out of the picture because they joined another track.</summary>
    public long Merged { get; private set; }

    /// <summary>Associations ended because a report left the track's gate or the track left the picture.</summary>
    public long Dissolved { get; private set; }

    /// <summary>
    /// The id of the track <paramref name="report"/> updates: a track of the party it is associated with, else its own
    /// <paramref name="ownId"/>; null when an unnumbered plot (no <paramref name="ownId"/>) fits no track.
    /// </summary>
    /// <param name="source">The source and its track number (-1 for an unnumbered plot).</param>
    /// <param name="ownId">The id the source track has on its own (<c>trk-SAC-SIC-N</c>), null for an unnumbered plot.</param>
    /// <param name="report">The report (its id is not read).</param>
    public string? Associate(in SourceTrack source, string? ownId, in PositionReport report)
    {
        var t = report.TimeS;
        Prune(t);
        var numbered = source.TrackNumber >= 0 && ownId is not null;
        if (numbered && _links.TryGetValue(source, out var link) && link.Associated)
        {
            // An established association needs no velocity agreement and no fresh ambiguity check: continuity through
            // crossings and turns is what keeping it is for. Only the gate around the track's prediction holds it.
            if (!ClaimedByOther(source, link.Id, t) && Store.TryGet(Party, link.Id, out var target)
                && AssociationGate.Distance(target, report, null, Options) <= 1)
            {
                Hold(source, link.Id, true, t);
                Associated++;
                return link.Id;
            }
            Release(source, link.Id);
            _links.Remove(source);
            Dissolved++;
        }
        var best = Best(source, ownId, report, out var ambiguous);
        if (best is not null)
        {
            if (numbered)
            {
                Release(source, ownId!);
                Hold(source, best, true, t);
                if (Store.Remove(Party, ownId!))
                {
                    Merged++;
                }
            }
            Associated++;
            return best;
        }
        if (ambiguous)
        {
            Ambiguous++;
        }
        if (!numbered)
        {
            return null;
        }
        Hold(source, ownId!, false, t);
        return ownId;
    }

    /// <summary>The one candidate the report fits unambiguously, or null.</summary>
    private string? Best(in SourceTrack source, string? ownId, in PositionReport report, out bool ambiguous)
    {
        var t = report.TimeS;
        var velocity = Velocity(report, ownId);
        RefreshCandidates();
        string? best = null;
        double bestD = double.PositiveInfinity, secondD = double.PositiveInfinity;
        foreach (var c in _candidates)
        {
            if (string.Equals(c.Id, ownId, StringComparison.Ordinal) || !(Math.Abs(t - c.TimeS) <= Options.MaxAgeS) || ClaimedByOther(source, c.Id, t))
            {
                continue;
            }
            var d = AssociationGate.Distance(c, report, velocity, Options);
            if (double.IsPositiveInfinity(d))
            {
                continue;
            }
            // Ties go to the smaller id, so the outcome does not depend on the order of the picture's slots.
            if (d < bestD || (d == bestD && string.CompareOrdinal(c.Id, best) < 0))
            {
                secondD = bestD;
                bestD = d;
                best = c.Id;
            }
            else if (d < secondD)
            {
                secondD = d;
            }
        }
        ambiguous = best is not null && secondD - bestD < Options.AmbiguityMargin;
        return ambiguous ? null : best;
    }

    /// <summary>The report's velocity, else its source track's last known one, else none.</summary>
    private (double GsKt, double TrkDeg)? Velocity(in PositionReport report, string? ownId)
    {
        if (!double.IsNaN(report.GsKt) && !double.IsNaN(report.TrkDeg))
        {
            return (report.GsKt, report.TrkDeg);
        }
        if (ownId is not null && Store.TryGet(Party, ownId, out var own) && !double.IsNaN(own.GsKt) && !double.IsNaN(own.TrkDeg))
        {
            return (own.GsKt, own.TrkDeg);
        }
        return null;
    }

    private void RefreshCandidates()
    {
        var version = Store.Version;
        if (version == _candidatesVersion)
        {
            return;
        }
        _candidates.Clear();
        Store.CopyTo(_candidates, Party);
        _candidatesVersion = version;
    }

    /// <summary>Whether another number of the same source has reported for this track within the maximum age.</summary>
    private bool ClaimedByOther(in SourceTrack source, string id, double t) =>
        _claims.TryGetValue((source.Source, id), out var c) && c.TrackNumber != source.TrackNumber && c.LastS >= t - Options.MaxAgeS;

    private void Hold(in SourceTrack source, string id, bool associated, double t)
    {
        _links[source] = new Link(id, associated, t);
        _claims[(source.Source, id)] = new Claim(source.TrackNumber, t);
    }

    private void Release(in SourceTrack source, string id)
    {
        var key = (source.Source, id);
        if (_claims.TryGetValue(key, out var c) && c.TrackNumber == source.TrackNumber)
        {
            _claims.Remove(key);
        }
    }

    /// <summary>Forgets source tracks silent for the picture's stale time, so memory follows the live sources.</summary>
    private void Prune(double t)
    {
        var stale = Store.StaleAfterS;
        if (!double.IsNaN(_prunedAtS) && Math.Abs(t - _prunedAtS) < stale / 4)
        {
            return;
        }
        _prunedAtS = t;
        var limit = t - stale;
        foreach (var (key, link) in _links)
        {
            if (link.LastS < limit)
            {
                _links.Remove(key);
            }
        }
        foreach (var (key, claim) in _claims)
        {
            if (claim.LastS < limit)
            {
                _claims.Remove(key);
            }
        }
    }

    private readonly record struct Link(string Id, bool Associated, double LastS);

    private readonly record struct Claim(int TrackNumber, double LastS);
}
