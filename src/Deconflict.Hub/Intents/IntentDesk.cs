using System.Globalization;
using Deconflict.Core.Strategic;
using Deconflict.Hub.Access;
using Deconflict.Hub.Agreements;
using Deconflict.Hub.Auth;
using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;
using Microsoft.Extensions.Options;

namespace Deconflict.Hub.Intents;

/// <summary>
/// Where intents are written: ownership (an intent is (party, id): a caller only ever names its own), version
/// preconditions, priority bounds, legal state transitions, the probe budget, the strategic check against the
/// in-memory <see cref="StrategicIndex"/> (with the agreements' buffers), the stored conflicts, events and audit
/// entry, all in one serialised transaction; the index follows after the commit. Conflict answers name another
/// party's intent only as far as that party shares with the caller.
/// </summary>
public sealed partial class IntentDesk(IHubStore store, AgreementBook book, NeedToKnow needToKnow, ProbeGuard probes,
    IOptions<DisclosureOptions> disclosure, IOptions<AlternativeOptions> alternatives, ILogger<IntentDesk> logger)
{
    public StrategicIndex Index { get; } = new();

    public StrategicBuffers BuffersFor(string a, string b) =>
        book.TermsBetween(a, b) is { } t ? new StrategicBuffers(t.Buffers.HM, t.Buffers.VFt, t.Buffers.TS) : StrategicBuffers.None;

    public static string ETag(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>
    /// Rebuilds the index from the store (at start). A row that cannot be read is logged and left out of the
    /// index (it stays stored, untouched): one bad row never keeps the hub from starting. Returns how many.
    /// </summary>
    public async Task<int> LoadAsync(CancellationToken cancellationToken)
    {
        var unreadable = 0;
        foreach (var r in await store.ListIntentsAsync(new IntentQuery(null, null, null, null, null, null), cancellationToken).ConfigureAwait(false))
        {
            try
            {
                Index.Upsert(FromRecord(r));
            }
            catch (Exception e) when (e is IntentFormatException or System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
            {
                unreadable++;
                HubLog.UnreadableRow(logger, "intent", r.Party, r.Id, e.Message);
            }
        }
        return unreadable;
    }

    /// <summary>
    /// Makes the index hold what the store holds for every party's intents <paramref name="ids"/> (another node of the
    /// cluster wrote them), in one query; an unreadable row is logged and left out, as at start.
    /// </summary>
    public async Task RefreshAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }
        foreach (var r in await store.FindIntentsByIdsAsync(ids, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                Index.Upsert(FromRecord(r));
            }
            catch (Exception e) when (e is IntentFormatException or System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
            {
                Index.Remove(r.Party, r.Id);
                HubLog.UnreadableRow(logger, "intent", r.Party, r.Id, e.Message);
            }
        }
    }

    /// <summary>A stored intent, read on the trusted path: its shapes were checked when it was written.</summary>
    public static OperationalIntent FromRecord(IntentRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return IntentGeoJson.ReadStored(r.GeoJson)[0] with { Id = r.Id, Party = r.Party, Version = r.Version };
    }

    /// <summary>The priorities <paramref name="party"/> may declare: the admin's bounds, else the hub default.</summary>
    public (int Min, int Max) PriorityBounds(PartyRecord? party) =>
        (party?.PriorityMin ?? disclosure.Value.DefaultPriorityMin, party?.PriorityMax ?? disclosure.Value.DefaultPriorityMax);

    public Task<IntentOutcome> PutAsync(CallerParty caller, OperationalIntent candidate, string? ifMatch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(candidate);
        return store.WriteGroupableAsync(w => PutInAsync(w, caller, candidate, ifMatch, null, ct), ct);
    }

    /// <summary>
    /// <see cref="PutAsync"/> as the intents API answers it: a refusal (409), or a write with conflicts, also offers the
    /// nearest conflict-free alternatives, which the party may accept by name (<see cref="AcceptAlternativeAsync"/>).
    /// </summary>
    public Task<IntentOutcome> PutOfferingAsync(CallerParty caller, OperationalIntent candidate, string? ifMatch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(candidate);
        // Groupable like any PUT: its offers are checked against the writes committed with it (OfferAsync).
        return store.WriteGroupableAsync(w => PutCoreAsync(w, caller, candidate, ifMatch, c => c.Blocking, offer: true), ct);
    }

    /// <summary>
    /// <see cref="PutAsync"/> inside a write already open (for parts of the hub that store more in the same transaction).
    /// <paramref name="blocks"/> says which blocking conflicts refuse the intent (default: every blocking one).
    /// </summary>
    public Task<IntentOutcome> PutInAsync(IHubWriter w, CallerParty caller, OperationalIntent candidate, string? ifMatch, Func<StrategicConflict, bool>? blocks, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(candidate);
        return PutCoreAsync(w, caller, candidate, ifMatch, blocks ?? (c => c.Blocking), offer: false);
    }

    /// <summary>
    /// The write of a PUT; with <paramref name="offer"/>, a refusal or a write with conflicts also carries the
    /// alternatives (<see cref="OfferAsync"/>), offered in the same transaction.
    /// </summary>
    private async Task<IntentOutcome> PutCoreAsync(IHubWriter w, CallerParty caller, OperationalIntent candidate, string? ifMatch, Func<StrategicConflict, bool> blocks, bool offer)
    {
        var party = caller.PartyId ?? throw new ArgumentException("Intents are declared by parties.", nameof(caller));
        // Every read that decides this write, in one query batch inside its transaction.
        var reads = await w.ReadIntentWriteAsync(party, candidate.Id, probes.Since(w), StrategicConflictSync.Kind).ConfigureAwait(false);
        var existing = reads.Intent;
        var live = existing is not null && existing.State != nameof(IntentState.Ended);
        if (live && Precondition(existing!, ifMatch, required: true) is { } failed)
        {
            return failed;
        }
        if (!live && ifMatch is not null && ifMatch != "*")
        {
            return new IntentOutcome(IntentOutcomeKind.Stale, Detail: "The intent does not exist, so If-Match cannot match.");
        }
        var (min, max) = PriorityBounds(reads.Party);
        if (candidate.Priority < min || candidate.Priority > max)
        {
            return new IntentOutcome(IntentOutcomeKind.Invalid, Field: "priority",
                Detail: $"Priority {candidate.Priority} is outside this party's bounds {min}..{max} (set by the hub's admin).");
        }
        IntentState? from = live ? Enum.Parse<IntentState>(existing!.State) : null;
        if (!IntentTransitions.IsAllowed(from, candidate.State))
        {
            return Illegal(from, candidate.State);
        }
        var next = candidate with { Party = party, Version = (existing?.Version ?? 0) + 1 };
        var answer = await AnswerAsync(w, next, blocks, probes.Window(w, party, reads.ProbeAnswers)).ConfigureAwait(false);
        if (answer.Refusal is { } wait)
        {
            return new IntentOutcome(IntentOutcomeKind.TooManyRequests, RetryAfter: wait,
                Detail: "This party has received its budget of conflict answers about another party's hidden intents; intent writes are refused until the window has passed.");
        }
        if (answer.Blocked)
        {
            return new IntentOutcome(IntentOutcomeKind.Blocked,
                Blocking: [.. answer.Found.Where(blocks).Select(c => Disclosed(party, new ConflictRef(c.IntentId2, c.Party2, true), stored: false))],
                Alternatives: offer ? await OfferAsync(w, next, live ? existing!.Version : null, answer.Counts).ConfigureAwait(false) : null);
        }
        var (written, receipt) = await SaveAsync(w, next, answer.Found, live ? "intent.update" : "intent.create", reads.OpenConflicts).ConfigureAwait(false);
        if (offer)
        {
            written = written with { Alternatives = answer.Found.Count == 0 ? [] : await OfferAsync(w, next, next.Version, answer.Counts).ConfigureAwait(false) };
            if (answer.Found.Count == 0)
            {
                await AlternativeOffers.ClearAsync(w, party, next.Id, w.Now - alternatives.Value.OfferTtl).ConfigureAwait(false);
            }
        }
        return new IntentOutcome(live ? IntentOutcomeKind.Changed : IntentOutcomeKind.Created, written, Receipt: receipt);
    }

    /// <summary>
    /// The strategic check of <paramref name="candidate"/> as an answer to its own party, inside the caller's write:
    /// refused while the party's probe budget is used up (nominal states only: off-nominal intents are never refused),
    /// else its conflicts and whether <paramref name="blocks"/> refuses it, told to and counted for the parties whose
    /// hidden intents the answer involves. A PUT and a dry-run check answer alike. <paramref name="window"/>: the probe
    /// window when the caller has read it already.
    /// </summary>
    public async Task<StrategicAnswer> AnswerAsync(IHubWriter w, OperationalIntent candidate, Func<StrategicConflict, bool> blocks, ProbeWindow? window = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(blocks);
        var nominal = candidate.State is IntentState.Accepted or IntentState.Activated;
        window ??= await probes.ReadAsync(w, candidate.Party).ConfigureAwait(false);
        if (nominal && window.Refusal is { } wait)
        {
            return new StrategicAnswer([], false, wait);
        }
        var found = FindConflicts(w, candidate);
        var blocked = nominal && found.Any(blocks);
        await probes.RecordAsync(w, window, candidate, found, blocked).ConfigureAwait(false);
        return new StrategicAnswer(found, blocked, null, probes.CountsAfter(window, found));
    }

    public Task<IntentOutcome> ChangeStateAsync(CallerParty caller, string id, IntentState to, string? ifMatch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return store.WriteGroupableAsync(w => ChangeStateInAsync(w, caller, id, to, ifMatch, ct), ct);
    }

    /// <summary><see cref="ChangeStateAsync"/> inside a write already open.</summary>
    public async Task<IntentOutcome> ChangeStateInAsync(IHubWriter w, CallerParty caller, string id, IntentState to, string? ifMatch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(caller);
        {
            var reads = caller.PartyId is { } party
                ? await w.ReadIntentWriteAsync(party, id, probes.Since(w), StrategicConflictSync.Kind).ConfigureAwait(false)
                : null;
            var existing = reads?.Intent;
            if (existing is null || existing.State == nameof(IntentState.Ended))
            {
                return new IntentOutcome(IntentOutcomeKind.NotFound);
            }
            if (Precondition(existing, ifMatch, required: false) is { } failed)
            {
                return failed;
            }
            var from = Enum.Parse<IntentState>(existing.State);
            if (!IntentTransitions.IsAllowed(from, to))
            {
                return Illegal(from, to);
            }
            var next = FromRecord(existing) with { State = to, Version = existing.Version + 1 };
            var found = to == IntentState.Ended ? [] : FindConflicts(w, next);
            var action = to == IntentState.Ended ? "intent.end" : "intent.state";
            var (written, receipt) = await SaveAsync(w, next, found, action, reads!.OpenConflicts).ConfigureAwait(false);
            return new IntentOutcome(to == IntentState.Ended ? IntentOutcomeKind.Ended : IntentOutcomeKind.Changed, written, Receipt: receipt);
        }
    }

    /// <summary>
    /// Re-runs the strategic check of every live intent of <paramref name="party"/> (after an agreement between it and
    /// another party started or ended, which changes the buffers): conflicts that now hold are opened, those that no
    /// longer hold are cleared. Nothing is refused: the intents were accepted under the terms of their time.
    /// </summary>
    public Task RecheckPartyAsync(string party, string actor, CancellationToken ct) =>
        store.WriteAsync(async w =>
        {
            // The party's live intents, read inside this write (the index holds what they are).
            var ids = new List<string>();
            await using (var read = w.CreateCommand("SELECT id FROM intents WHERE party = @p AND state <> 'Ended' ORDER BY id"))
            {
                read.With("@p", party);
                ids.AddRange(await read.ListAsync(r => r.GetString(0), ct).ConfigureAwait(false));
            }
            foreach (var id in ids)
            {
                if (Index.Get(party, id) is not { } intent)
                {
                    continue;
                }
                var before = await w.OpenConflictsWithObjectAsync(StrategicConflictSync.Kind, StrategicConflictSync.Ref(intent.Party, intent.Id)).ConfigureAwait(false);
                var refs = await StrategicConflictSync.ReconcileAsync(w, intent, FindConflicts(w, intent), book).ConfigureAwait(false);
                if (before.Count != refs.Count || !before.Select(c => c.Id).Order(StringComparer.Ordinal).SequenceEqual(refs.Select(x => x.ConflictId!).Order(StringComparer.Ordinal)))
                {
                    await w.AppendAuditAsync(actor, "intent.recheck", "intent", intent.Id, [party],
                        HubJson.Serialize(new { intent = intent.Id, party, conflicts = refs.Select(x => Disclosed(party, x, stored: true)).ToList() })).ConfigureAwait(false);
                }
            }
            return 0;
        }, ct);

    /// <summary>
    /// Stores many new intents of their owners (bulk load, e.g. for benchmarks or migrations from another system),
    /// one transaction per batch of <paramref name="batchSize"/>, through the same check, conflict, event and audit path
    /// as PUT (one audit entry per intent) but without preconditions; rows go by <c>COPY</c> on PostgreSQL. See
    /// <see cref="IntentImport"/>.
    /// </summary>
    public Task<int> ImportAsync(IReadOnlyList<OperationalIntent> intents, int batchSize, IProgress<int>? progress, CancellationToken ct) =>
        IntentImport.RunAsync(this, store, intents, batchSize, progress, ct);

    /// <summary>
    /// A conflict answer as <paramref name="reader"/> may read it: the other intent's id only when its owner shares
    /// with the reader; its party too, unless the answer is a refusal (nothing stored) and the owner shares nothing.
    /// A stored conflict names its parties to each other anyway, so both may talk on the hotline.
    /// </summary>
    public ConflictRef Disclosed(string reader, ConflictRef c, bool stored)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Party is null || c.IntentId is null || needToKnow.MayName(reader, StrategicConflictSync.Ref(c.Party, c.IntentId)))
        {
            return c;
        }
        return c with { IntentId = null, Party = stored ? c.Party : null };
    }

    internal async Task<(IntentWritten Written, string Receipt)> SaveAsync(IHubWriter w, OperationalIntent next, IReadOnlyList<StrategicConflict> found, string action,
        IReadOnlyList<ConflictRecord> open)
    {
        var geojson = IntentGeoJson.Write(next);
        var b = IntentBounds.Of(next);
        await w.UpsertIntentAsync(new IntentRecord(next.Id, next.Party, next.State.ToString(), next.Priority, next.Version, geojson,
            b.MinLon, b.MinLat, b.MaxLon, b.MaxLat, b.TimeStart, b.TimeEnd, w.Now)).ConfigureAwait(false);
        var refs = await StrategicConflictSync.ReconcileAsync(w, next, found, book, open).ConfigureAwait(false);
        var summary = new IntentSummary(next.Id, next.Party, next.State.ToString(), next.Version, next.Priority, b.TimeStart, b.TimeEnd);
        await w.AppendEventAsync("intent", next.Id, next.Party, [], HubJson.Serialize(summary)).ConfigureAwait(false);
        var receipt = await w.AppendAuditAsync(next.Party, action, "intent", next.Id, [next.Party], geojson).ConfigureAwait(false);
        w.Shared(() => new StagedIntents()).Put(next);
        w.AfterCommit(() => Index.Upsert(next));
        return (new IntentWritten(next.Id, next.Party, next.Version, next.State.ToString(), next.Priority, [.. refs.Select(r => Disclosed(next.Party, r, stored: true))]), receipt);
    }

    /// <summary>The strategic check inside a write: against the committed index as the write's transaction has changed it.</summary>
    internal IReadOnlyList<StrategicConflict> FindConflicts(IHubWriter w, OperationalIntent candidate) =>
        w.Shared(() => new StagedIntents()).FindConflicts(Index, candidate, BuffersFor);

    private static IntentOutcome? Precondition(IntentRecord existing, string? ifMatch, bool required)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return required
                ? new IntentOutcome(IntentOutcomeKind.PreconditionRequired, Detail: $"Changing an intent needs If-Match with its ETag (current: {ETag(existing.Version)}).")
                : null;
        }
        var current = ETag(existing.Version);
        var tags = ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var match = tags.Any(t => t == "*" || t == current || t == "W/" + current || t.Trim('"') == current.Trim('"'));
        return match ? null : new IntentOutcome(IntentOutcomeKind.Stale, Detail: $"If-Match {ifMatch} is stale; the intent is at version {existing.Version}.");
    }

    private static IntentOutcome Illegal(IntentState? from, IntentState to) =>
        new(IntentOutcomeKind.IllegalTransition,
            Detail: from is null
                ? $"A new intent must start Accepted, not {to}."
                : $"{from} → {to} is not an allowed transition (allowed: {string.Join(", ", IntentTransitions.AllowedFrom(from))}).");
}
