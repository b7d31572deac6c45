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
/// track while they stay inside <see cref="TrackAssociationOptions.HoldFactor"/> times its (widening) gate, whatever other candidate passes nearby, and the association ends
/// when a report leaves the gate, the track leaves the picture, or the number stays silent for the picture's stale time
/// (numbers are reused for other aircraft). When a number that had a track of its own joins another track, its own
/// track leaves the picture at once, so the aircraft is never shown (or alerted) twice. A report that joins nobody stays
/// the track of its own source track number, as without association; an unnumbered plot that joins nobody is dropped.
/// One per feed; thread-safe, so the detection cycle may <see cref="Reconcile"/> while the feed associates. The
/// candidates are read from the store, so tracks fed by other sources of the party (SBS-1, the API, other ASTERIX
/// sources) are candidates too.
/// </remarks>
public sealed class TrackAssociator
{
    private readonly Dictionary<SourceTrack, Link> _links = [];
    private readonly Dictionary<(SourceTrack Source, string Id), Claim> _claims = [];
    private readonly List<LiveTrack> _candidates = [];
    private readonly List<(SourceTrack Source, string Id)> _pending = [];
    private readonly Lock _gate = new();
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
        lock (_gate)
        {
            return AssociateLocked(source, ownId, report);
        }
    }

    /// <summary>
    /// Looks again, with the picture as it is now, at every source track that stays a track of its own: one that an
    /// aircraft has since appeared on (its address first received after the radar's plot) joins it now rather than at the
    /// source's next report, so the aircraft is not shown twice for a whole scan. The same gates, age limit, exclusions
    /// and ambiguity rule apply, to the source track's last state. Run before each detection cycle.
    /// </summary>
    /// <returns>How many source tracks joined another track.</returns>
    public int Reconcile(double nowS)
    {
        lock (_gate)
        {
            var joined = 0;
            _pending.Clear();
            foreach (var (source, link) in _links)
            {
                if (link.Associated)
                {
                    // A report decided before the association (decoded, not yet taken in) may have brought the source
                    // track's own track back: it is the associated aircraft, shown twice.
                    if (Store.Remove(Party, link.OwnId))
                    {
                        Merged++;
                    }
                }
                else if (link.LastS >= nowS - Options.MaxAgeS)
                {
                    _pending.Add((source, link.Id));
                }
            }
            foreach (var (source, ownId) in _pending)
            {
                if (!Store.TryGet(Party, ownId, out var own))
                {
                    continue;
                }
                var last = new PositionReport(ownId, own.TimeS, own.LatDeg, own.LonDeg, own.AltFt, own.GsKt, own.TrkDeg, own.VsFpm);
                if (Best(source, ownId, last, out _) is { } best)
                {
                    Release(source, ownId);
                    Hold(source, best, true, own.TimeS, ownId);
                    if (Store.Remove(Party, ownId))
                    {
                        Merged++;
                    }
                    joined++;
                }
            }
            return joined;
        }
    }

    private string? AssociateLocked(in SourceTrack source, string? ownId, in PositionReport report)
    {
        var t = report.TimeS;
        Prune(t);
        var numbered = source.TrackNumber >= 0 && ownId is not null;
        if (numbered && _links.TryGetValue(source, out var link) && link.Associated)
        {
            // An established association needs no velocity agreement and no fresh ambiguity check: continuity through
            // crossings and turns is what keeping it is for. Only the (wider) gate around the track's prediction holds it.
            if (!ClaimedByOther(source, link.Id, t) && Store.TryGet(Party, link.Id, out var target)
                && AssociationGate.Distance(target, report, null, Options, Options.HoldFactor) <= 1)
            {
                Hold(source, link.Id, true, t, link.OwnId);
                if (Store.Remove(Party, link.OwnId))
                {
                    Merged++;
                }
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
                Hold(source, best, true, t, ownId!);
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
        Hold(source, ownId!, false, t, ownId!);
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
            // A latitude difference alone already puts most of the picture out of reach: skip the gate's trigonometry.
            // A degree of latitude is at least 59.6 NM; the reach is the gate plus the candidate's travel since.
            var ageS = Math.Abs(t - c.TimeS);
            var reachNm = Options.GateNm + (Options.GateGrowthKt * ageS / 3600) + ((double.IsNaN(c.GsKt) ? 0 : c.GsKt) * ageS / 3600);
            if (Math.Abs(c.LatDeg - report.LatDeg) * 59.6 > reachNm * 1.001)
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
        _claims.TryGetValue((source.WithoutNumber(), id), out var c) && c.TrackNumber != source.TrackNumber && c.LastS >= t - Options.MaxAgeS;

    private void Hold(in SourceTrack source, string id, bool associated, double t, string ownId)
    {
        _links[source] = new Link(id, associated, t, ownId);
        _claims[(source.WithoutNumber(), id)] = new Claim(source.TrackNumber, t);
    }

    private void Release(in SourceTrack source, string id)
    {
        var key = (source.WithoutNumber(), id);
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

    /// <summary>Where a source track number's reports go (<paramref name="Id"/>), and the id it has on its own.</summary>
    private readonly record struct Link(string Id, bool Associated, double LastS, string OwnId);

    private readonly record struct Claim(int TrackNumber, double LastS);
}
