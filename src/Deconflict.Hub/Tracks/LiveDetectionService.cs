using System.Collections.Concurrent;
using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic;
using Deconflict.Core.Surveillance;
using Deconflict.Core.Tactical;
using Deconflict.Hub.Access;
using Deconflict.Hub.Agreements;
using Deconflict.Hub.Auth;
using Deconflict.Hub.Conflicts;
using Deconflict.Hub.Intents;
using Deconflict.Hub.Storage;
using Microsoft.Extensions.Options;

namespace Deconflict.Hub.Tracks;

/// <summary>
/// The continuous detection cycle: every <see cref="SurveillanceOptions.CycleS"/> the live picture is
/// snapshotted at the hub's clock, tactical detection runs over every pair of tracks of different parties
/// with the minima of their agreement (defaults where none; same-party pairs are that party's own business),
/// alert episodes are raised, re-levelled and cleared as conflicts of kind <c>tactical</c>, and tracks
/// flying a named intent are checked for conformance (kind <c>conformance</c>; the intent becomes
/// Nonconforming, and Activated again when the track is back inside). In a cluster, the node holding the cluster's
/// lease detects, over the picture every node shares.
/// </summary>
public sealed partial class LiveDetectionService(
    LivePicture picture, IHubStore store, AgreementBook book, IntentDesk desk, IOptions<SurveillanceOptions> options,
    Cluster.IHubCluster cluster, ILogger<LiveDetectionService> logger) : BackgroundService
{
    private static readonly SeparationMinima Default = new(AgreementBook.DefaultSeparation.HNm, AgreementBook.DefaultSeparation.VFt, AgreementBook.DefaultSeparation.LookaheadS);

    private readonly ConcurrentDictionary<(string, string), SeparationMinima> _minima = new();
    private static readonly FlightLevelRule? DefaultLevelRule = FlightLevelTerms.Default.Rule;
    private readonly ConcurrentDictionary<(string, string), FlightLevelRule?> _levels = new();
    private readonly Dictionary<long, ConflictRecord> _tactical = [];
    private readonly Dictionary<(string Party, string Track, string Intent), ConflictRecord> _conformance = [];
    private readonly List<AlertChange> _changes = [];
    private readonly List<ConformanceChange> _conformanceChanges = [];
    private readonly Dictionary<long, AlertEpisode> _episodes = [];
    // Tactical and conformance conflicts an earlier detector (another node, or this process before a restart) left open,
    // by aircraft pair and by track and intent: taken over by this detector's first finding of the same, cleared when
    // none comes within the grace after taking over.
    private readonly Dictionary<string, ConflictRecord> _adopted = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Party, string Track, string Intent), ConflictRecord> _adoptedConformance = [];
    private double _adoptUntilS;
    private LiveGuidance? _guidance;
    private LiveAlerting? _alerting;
    private ConformanceMonitor? _monitor;

    /// <summary>Cycles run so far (for health and tests).</summary>
    public long Cycles { get; private set; }

    /// <summary>How long the last cycle took (detection, alert writes, conformance), for operations and benchmarks.</summary>
    public TimeSpan LastCycle { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var leading = false;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(o.CycleS), picture.Clock);
        do
        {
            // One node of a cluster detects at a time (a hub alone always does): the one holding the cluster's lease.
            if (!cluster.IsLeader)
            {
                leading = false;
                continue;
            }
            try
            {
                if (!leading)
                {
                    // Taking over (or starting): alert state starts afresh; what an earlier detector left open is taken
                    // over pair by pair as this one raises the same alerts, so an alert on a pair that is still closing
                    // keeps its id and stays open across a failover instead of being cleared and raised anew.
                    leading = true;
                    Reset(o);
                    await TakeOverLeftoversAsync(o, stoppingToken).ConfigureAwait(false);
                    continue;
                }
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await CycleAsync(stoppingToken).ConfigureAwait(false);
                LastCycle = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCycleFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private void Reset(SurveillanceOptions o)
    {
        _tactical.Clear();
        _conformance.Clear();
        _episodes.Clear();
        _alerting = new LiveAlerting(picture.Store, Default,
            new AlertOptions { CautionS = o.CautionS, WarningS = o.WarningS, HoldCycles = o.HoldCycles, HoldS = o.HoldS, Do365 = o.Do365Hysteresis() }, PairMinima)
        {
            SnapshotFilled = PrepareMinima,
            CycleStarting = picture.ReconcileAssociations,
            LevelRule = DefaultLevelRule,
            PairLevelRule = PairLevelRule,
        };
        _guidance = o.Bands ? new LiveGuidance(o, logger) : null;
        _monitor = new ConformanceMonitor(new ConformanceOptions { HorizontalToleranceM = o.ConformanceHorizontalM, VerticalToleranceFt = o.ConformanceVerticalFt });
    }

    private async Task CycleAsync(CancellationToken ct)
    {
        var now = picture.NowS;
        _changes.Clear();
        _minima.Clear();
        _alerting!.RunCycle(now, _changes);
        Cycles++;
        var computed = _guidance?.Harvest() ?? [];
        if (_changes.Count > 0 || computed.Count > 0)
        {
            await WriteTacticalAsync(computed, ct).ConfigureAwait(false);
        }
        await ClearUnconfirmedAsync(ct).ConfigureAwait(false);
        _guidance?.Schedule(now, _changes, _episodes, _alerting.Snapshot, MinimaOf);
        _conformanceChanges.Clear();
        _monitor!.Check(_alerting.Snapshot, (party, id) => party is null ? null : desk.Index.Get(party, id), _conformanceChanges);
        foreach (var c in _conformanceChanges)
        {
            await ConformanceAsync(c, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Writes the cycle's alert changes and the finished guidance bands in one transaction; memory (the open records,
    /// the bands later updates carry) changes only after the commit.
    /// </summary>
    private async Task WriteTacticalAsync(IReadOnlyList<GuidanceResult> computed, CancellationToken ct)
    {
        var written = new Dictionary<long, ConflictRecord?>();
        var committedBands = new List<GuidanceResult>();
        var takenOver = new HashSet<string>(StringComparer.Ordinal);
        await store.WriteAsync(async w =>
        {
            var fresh = computed.ToDictionary(r => r.Sequence);
            written.Clear();
            committedBands.Clear();
            takenOver.Clear();
            ConflictRecord? Current(long seq) => written.TryGetValue(seq, out var r) ? r : _tactical.GetValueOrDefault(seq);
            IReadOnlyList<AircraftBands>? BandsOf(long seq)
            {
                if (fresh.Remove(seq, out var r))
                {
                    committedBands.Add(r);
                    return r.Bands;
                }
                return committedBands.LastOrDefault(x => x.Sequence == seq)?.Bands ?? _guidance?.Latest(seq);
            }
            foreach (var c in _changes)
            {
                var e = c.Episode;
                switch (c.Kind)
                {
                    case AlertChangeKind.Raised:
                        // The pair's key is only worked out while there are alerts left to take over.
                        var pair = _adopted.Count == 0 ? null : LiveConflictSync.Pair(e);
                        if (pair is not null && _adopted.TryGetValue(pair, out var prior) && takenOver.Add(pair))
                        {
                            var continued = LiveConflictSync.Update(prior, e, w.Now, null);
                            await ConflictChanges.SaveAsync(w, continued, "conflict.update", book).ConfigureAwait(false);
                            written[e.Sequence] = continued;
                            break;
                        }
                        var opened = LiveConflictSync.Open(e, w.Now);
                        await ConflictChanges.SaveAsync(w, opened, "conflict.open", book).ConfigureAwait(false);
                        written[e.Sequence] = opened;
                        break;
                    case AlertChangeKind.LevelChanged when Current(e.Sequence) is { } open:
                        var updated = LiveConflictSync.Update(open, e, w.Now, BandsOf(e.Sequence));
                        await ConflictChanges.SaveAsync(w, updated, "conflict.update", book).ConfigureAwait(false);
                        written[e.Sequence] = updated;
                        break;
                    case AlertChangeKind.Cleared when Current(e.Sequence) is { } last:
                        await ConflictChanges.ClearAsync(w, last, book).ConfigureAwait(false);
                        written[e.Sequence] = null;
                        break;
                }
            }
            // Bands of alerts that did not change this cycle: an update of their own.
            foreach (var r in fresh.Values.OrderBy(r => r.Sequence).ToList())
            {
                if (Current(r.Sequence) is { } open && _episodes.TryGetValue(r.Sequence, out var e) && e.IsActive)
                {
                    var updated = LiveConflictSync.Update(open, e, w.Now, BandsOf(r.Sequence));
                    await ConflictChanges.SaveAsync(w, updated, "conflict.update", book).ConfigureAwait(false);
                    written[r.Sequence] = updated;
                }
            }
            return 0;
        }, ct).ConfigureAwait(false);
        foreach (var c in _changes.Where(c => c.Kind == AlertChangeKind.Raised))
        {
            _episodes[c.Episode.Sequence] = c.Episode;
        }
        foreach (var pair in takenOver)
        {
            _adopted.Remove(pair);
        }
        foreach (var (seq, record) in written)
        {
            if (record is null)
            {
                _tactical.Remove(seq);
                _episodes.Remove(seq);
            }
            else
            {
                _tactical[seq] = record;
            }
        }
        foreach (var r in committedBands)
        {
            _guidance!.Committed(r);
        }
    }

    /// <summary>The minima of a pair of parties this cycle (their agreement's, or the defaults).</summary>
    private SeparationMinima MinimaOf(string a, string b) =>
        _minima.TryGetValue(string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a), out var m) ? m : Default;

    private async Task ConformanceAsync(ConformanceChange c, CancellationToken ct)
    {
        var key = (c.Party ?? "", c.TrackId, c.IntentId);
        var owner = new CallerParty(c.Party, null, false);
        var intent = c.Party is null ? null : desk.Index.Get(c.Party, c.IntentId);
        // The intent's state changes first, so that whoever is told of the conflict reads the new state.
        if (!c.Conforming)
        {
            if (intent is not null && intent.State != IntentState.Nonconforming && IntentTransitions.IsAllowed(intent.State, IntentState.Nonconforming))
            {
                await desk.ChangeStateAsync(owner, c.IntentId, IntentState.Nonconforming, null, ct).ConfigureAwait(false);
            }
            var threatened = Threatened(c);
            // One left open by an earlier detector for the same track and intent goes on under its id.
            var prior = _adoptedConformance.GetValueOrDefault(key);
            var record = await store.WriteAsync(async w =>
            {
                var found = LiveConflictSync.Nonconforming(c, threatened, w.Now);
                var saved = prior is null ? found : found with { Id = prior.Id, DetectedAt = prior.DetectedAt };
                await ConflictChanges.SaveAsync(w, saved, prior is null ? "conflict.open" : "conflict.update", book).ConfigureAwait(false);
                return saved;
            }, ct).ConfigureAwait(false);
            _adoptedConformance.Remove(key);
            _conformance[key] = record;
            return;
        }
        if (intent is { State: IntentState.Nonconforming })
        {
            await desk.ChangeStateAsync(owner, c.IntentId, IntentState.Activated, null, ct).ConfigureAwait(false);
        }
        if (_conformance.Remove(key, out var open))
        {
            await store.WriteAsync(async w =>
            {
                await ConflictChanges.ClearAsync(w, open, book).ConfigureAwait(false);
                return 0;
            }, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Other parties' live intents whose volumes (with the conformance tolerances) hold the track's position now.</summary>
    private List<(string IntentId, string Party)> Threatened(ConformanceChange c)
    {
        var o = options.Value;
        var at = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(c.TimeS * 1000));
        var probe = new OperationalIntent("track:" + c.TrackId, c.Party ?? "", IntentState.Activated, 0, 1,
            [new Volume4D(new CircleShape(new GeoPoint(c.LatDeg, c.LonDeg), Math.Max(1, o.ConformanceHorizontalM)),
                c.AltFt - o.ConformanceVerticalFt, c.AltFt + o.ConformanceVerticalFt, at.AddSeconds(-1), at.AddSeconds(1))]);
        return [.. desk.Index.FindConflicts(probe)
            .Where(x => x.IntentId2 != c.IntentId || x.Party2 != c.Party)
            .Select(x => (x.IntentId2, x.Party2))
            .Distinct()
            .OrderBy(x => x.IntentId2, StringComparer.Ordinal)];
    }

    /// <summary>Per-pair minima: null for two tracks of one party or of one aircraft, the agreement's separation, or the defaults.</summary>
    private SeparationMinima? PairMinima(LiveSnapshot s, int i, int j)
    {
        var party = s.Party;
        var a = party[i] ?? "";
        var b = party[j] ?? "";
        // Same party: its own business. Same id from two parties: one aircraft (an ICAO address or callsign) seen by
        // both, never in conflict with itself.
        if (a == b || string.Equals(s.Ids[i], s.Ids[j], StringComparison.Ordinal))
        {
            return null;
        }
        var key = string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
        return _minima.TryGetValue(key, out var m) ? m : Default;
    }

    /// <summary>The flight-level rule of the pair's agreement, or the default rule.</summary>
    private FlightLevelRule? PairLevelRule(LiveSnapshot s, int i, int j)
    {
        var (a, b) = (s.Party[i] ?? "", s.Party[j] ?? "");
        var key = string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
        return _levels.TryGetValue(key, out var rule) ? rule : DefaultLevelRule;
    }

    /// <summary>Looks up the agreement minima of every pair of parties present, and sets the detector's envelope to cover them.</summary>
    private void PrepareMinima(LiveSnapshot s)
    {
        var parties = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in s.Party)
        {
            parties.Add(p ?? "");
        }
        var envelope = Default;
        var list = parties.ToArray();
        for (var x = 0; x < list.Length; x++)
        {
            for (var y = x + 1; y < list.Length; y++)
            {
                var (a, b) = string.CompareOrdinal(list[x], list[y]) < 0 ? (list[x], list[y]) : (list[y], list[x]);
                var separation = book.TermsBetween(a, b)?.Separation;
                var m = separation is { } t ? new SeparationMinima(t.HNm, t.VFt, t.LookaheadS) : Default;
                _levels[(a, b)] = (separation?.FlightLevels ?? FlightLevelTerms.Default).Rule;
                if (!m.IsValid)
                {
                    m = Default;
                }
                _minima[(a, b)] = m;
                envelope = new SeparationMinima(Math.Max(envelope.HorizontalNm, m.HorizontalNm), Math.Max(envelope.VerticalFt, m.VerticalFt),
                    Math.Max(envelope.LookaheadS, m.LookaheadS));
            }
        }
        _alerting!.Minima = envelope;
    }

    /// <summary>
    /// Live conflicts an earlier detector left open: kept for taking over when this node's picture holds their aircraft,
    /// cleared at once when it does not (the picture they describe is gone).
    /// </summary>
    private async Task TakeOverLeftoversAsync(SurveillanceOptions o, CancellationToken ct)
    {
        var open = await store.ListConflictsAsync(null, "open", ct).ConfigureAwait(false);
        _adopted.Clear();
        _adoptedConformance.Clear();
        var stale = new List<ConflictRecord>();
        foreach (var c in open.Where(c => c.Kind is LiveConflictSync.TacticalKind or LiveConflictSync.ConformanceKind))
        {
            // Only what this node's picture still holds the aircraft of can go on (a node taking over from another has
            // them; a hub starting afresh does not, and clears what it was left).
            var tracks = c.Objects.Where(r => r.Kind == ObjectRef.Track).ToList();
            if (tracks.Count == 0 || !tracks.All(r => picture.Store.TryGet(r.Party.Length == 0 ? null : r.Party, r.Id, out _)))
            {
                stale.Add(c);
            }
            else if (c.Kind == LiveConflictSync.TacticalKind)
            {
                _adopted[LiveConflictSync.Pair(c.Objects)] = c;
            }
            else if (c.Objects.Count >= 2)
            {
                _adoptedConformance[(c.Objects[0].Party, c.Objects[0].Id, c.Objects[1].Id)] = c;
            }
        }
        await ClearAsync(stale, ct).ConfigureAwait(false);
        // Long enough for the same alert to be raised again by this node (persistence, hold) on a picture it already has.
        _adoptUntilS = picture.NowS + o.HoldS + 3 * o.CycleS;
    }

    /// <summary>Clears the taken-over alerts no alert of this node confirmed within the grace.</summary>
    private async Task ClearUnconfirmedAsync(CancellationToken ct)
    {
        if ((_adopted.Count == 0 && _adoptedConformance.Count == 0) || picture.NowS < _adoptUntilS)
        {
            return;
        }
        await ClearAsync([.. _adopted.Values, .. _adoptedConformance.Values], ct).ConfigureAwait(false);
        _adopted.Clear();
        _adoptedConformance.Clear();
    }

    private async Task ClearAsync(IReadOnlyList<ConflictRecord> stale, CancellationToken ct)
    {
        if (stale.Count == 0)
        {
            return;
        }
        await store.WriteAsync(async w =>
        {
            foreach (var c in stale)
            {
                await ConflictChanges.ClearAsync(w, c, book).ConfigureAwait(false);
            }
            return 0;
        }, ct).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Live detection cycle failed")]
    private static partial void LogCycleFailed(ILogger logger, Exception exception);
}
