using System.Data.Common;
using Deconflict.Hub.Access;
using Deconflict.Hub.Events;

namespace Deconflict.Hub.Storage;

/// <summary>
/// The ADO.NET code both dialects share: the SQL is portable (<c>@name</c> parameters, <c>RETURNING</c>,
/// <c>ON CONFLICT</c>), so the SQLite and PostgreSQL stores differ only in how they connect, begin a
/// write transaction and name their migrations folder.
/// </summary>
public abstract class SqlHubStore : IHubStore
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly Queue<QueuedWrite> _queue = new();
    private readonly HubEvents _events;
    private readonly AuditTrail _audit;
    private readonly TimeProvider _clock;

    protected SqlHubStore(HubEvents events, AuditTrail audit, TimeProvider clock)
    {
        _events = events;
        _audit = audit;
        _clock = clock;
    }

    public abstract StoreDialect Dialect { get; }

    private WriteTails? _tails;
    private long _writeRoundTrips;
    // Set when other hubs write to the same database (a cluster): what this hub has applied of their writes.
    private IForeignWrites? _foreign;
    private long _knownAudit;
    private long _knownEvent;

    /// <summary>
    /// From now on other hubs may write to this database too: the tails are read inside every write instead of being
    /// cached, and their writes committed since this hub last looked are handed to <paramref name="foreign"/> (behind
    /// the write lock, in commit order) before a write of this hub is run, and by <see cref="SyncAsync"/>.
    /// </summary>
    public async Task ShareWithOtherHubsAsync(IForeignWrites foreign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(foreign);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (audit, events) = await TailsOutsideAsync(cancellationToken).ConfigureAwait(false);
            (_knownAudit, _knownEvent, _foreign, _tails) = (audit, events, foreign, null);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Applies other hubs' writes committed since this hub last looked (a no-op for a hub alone on its database).
    /// Behind the local write lock, so memory changes in commit order; outside the database lock, which a committed
    /// range does not need (commits are numbered under that lock, so a later one is never seen before an earlier one).
    /// </summary>
    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        if (_foreign is null)
        {
            return;
        }
        // Nothing new (the common case for a request): no need to wait for this node's own writes in flight.
        var (seenAudit, seenEvents) = await TailsOutsideAsync(cancellationToken).ConfigureAwait(false);
        if (seenAudit <= Volatile.Read(ref _knownAudit) && seenEvents <= Volatile.Read(ref _knownEvent))
        {
            return;
        }
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (audit, events) = await TailsOutsideAsync(cancellationToken).ConfigureAwait(false);
            if (audit > _knownAudit || events > _knownEvent)
            {
                await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
                await ApplyForeignAsync(connection, audit, events, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task<(long Audit, long Events)> TailsOutsideAsync(CancellationToken cancellationToken)
    {
        var rows = await ListAsync("SELECT (SELECT COALESCE(MAX(seq), 0) FROM audit), (SELECT COALESCE(MAX(seq), 0) FROM events)",
            r => (r.GetInt64(0), r.GetInt64(1)), cancellationToken).ConfigureAwait(false);
        return rows[0];
    }

    /// <summary>Reads the other hubs' audit entries and events up to the given tails and hands them over.</summary>
    private async Task ApplyForeignAsync(DbConnection connection, long auditTail, long eventTail, CancellationToken cancellationToken)
    {
        List<ForeignEntry> entries;
        await using (var command = Prepare(connection,
            "SELECT seq, actor, action, object_type, object_id, content_json FROM audit WHERE seq > @a AND seq <= @b ORDER BY seq",
            [("@a", _knownAudit), ("@b", auditTail)]))
        {
            entries = await command.ListAsync(r => new ForeignEntry(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5)),
                cancellationToken).ConfigureAwait(false);
        }
        List<EventRecord> events;
        await using (var command = Prepare(connection, $"SELECT {Rows.Event} FROM events WHERE seq > @a AND seq <= @b ORDER BY seq",
            [("@a", _knownEvent), ("@b", eventTail)]))
        {
            events = await command.ListAsync(Rows.ToEvent, cancellationToken).ConfigureAwait(false);
        }
        await _foreign!.ApplyAsync(entries, events, cancellationToken).ConfigureAwait(false);
        (_knownAudit, _knownEvent) = (Math.Max(_knownAudit, auditTail), Math.Max(_knownEvent, eventTail));
    }

    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Opens the connection of one write transaction (PostgreSQL also takes a transaction-scoped advisory lock).</summary>
    internal abstract Task<WriteConnection> BeginWriteAsync(Action roundTrip, CancellationToken cancellationToken);

    /// <summary>
    /// Round trips to the database made by writes so far (statements run, for SQLite): a batch of statements, a read,
    /// or the commit counts one each.
    /// </summary>
    public long WriteRoundTrips => Interlocked.Read(ref _writeRoundTrips);

    public Task<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await Migrations.ApplyAsync(connection, Dialect, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM parties";
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is DbException || StoreUnavailable.Is(e))
        {
            return false;
        }
    }

    public Task<T> WriteAsync<T>(Func<IHubWriter, Task<T>> work, CancellationToken cancellationToken) =>
        EnqueueAsync(work, groupable: false, cancellationToken);

    public Task<T> WriteGroupableAsync<T>(Func<IHubWriter, Task<T>> work, CancellationToken cancellationToken) =>
        EnqueueAsync(work, groupable: true, cancellationToken);

    /// <summary>Most groupable writes committed in one transaction.</summary>
    internal const int MaxGroup = 16;

    /// <summary>Transactions committed by writes so far (a group of writes committed together counts one).</summary>
    public long WriteCommits => Interlocked.Read(ref _writeCommits);

    private long _writeCommits;

    /// <summary>Writes waiting for the writer (for tests that line writes up behind a held one).</summary>
    internal int QueuedWrites
    {
        get
        {
            lock (_queue)
            {
                return _queue.Count;
            }
        }
    }

    private async Task<T> EnqueueAsync<T>(Func<IHubWriter, Task<T>> work, bool groupable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var write = new QueuedWrite<T>(work, groupable, cancellationToken);
        lock (_queue)
        {
            _queue.Enqueue(write);
        }
        try
        {
            // Writes are serialised: the strategic check, the audit chain and the event sequence need one order.
            await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!write.TryAbandon())
        {
            // The writer took it already (committed with an earlier write's group, or running): its outcome follows.
            return await write.Outcome.ConfigureAwait(false);
        }
        try
        {
            // Whoever holds the lock runs the queue in order until its own write is done (another holder may have done it).
            while (!write.IsCompleted)
            {
                await RunNextAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _writeGate.Release();
        }
        return await write.Outcome.ConfigureAwait(false);
    }

    /// <summary>The oldest waiting write alone, or it with the groupable writes queued right after it.</summary>
    private async Task RunNextAsync()
    {
        var group = new List<QueuedWrite>();
        lock (_queue)
        {
            while (_queue.TryPeek(out var next) && group.Count < MaxGroup
                && (group.Count == 0 || (next.Groupable && group[0].Groupable)))
            {
                _queue.Dequeue();
                if (next.TryClaim())
                {
                    group.Add(next);
                }
            }
        }
        if (group.Count == 0)
        {
            throw new InvalidOperationException("The write queue is empty while a write waits for its outcome.");
        }
        if (group.Count > 1)
        {
            List<SqlHubWriter>? writers = null;
            try
            {
                writers = await TransactAsync(group).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Nothing of the group was committed or applied: each write is run again on its own below.
            }
            if (writers is not null)
            {
                Apply(group, writers);
                return;
            }
        }
        foreach (var write in group)
        {
            List<SqlHubWriter> writers;
            try
            {
                writers = await TransactAsync([write]).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                write.Fail(e);
                continue;
            }
            Apply([write], writers);
        }
    }

    /// <summary>
    /// One transaction for <paramref name="group"/>, in order, each write with its own writer (its time, events, audit
    /// entry and receipt) chaining from the one before. Throws, with everything rolled back, when any write fails.
    /// </summary>
    private async Task<List<SqlHubWriter>> TransactAsync(List<QueuedWrite> group)
    {
        await using var db = await BeginWriteAsync(() => Interlocked.Increment(ref _writeRoundTrips), group[0].CancellationToken).ConfigureAwait(false);
        // Until this write has committed, the cached tails are not trusted (a failure may leave them ahead).
        var tails = _tails;
        _tails = null;
        if (_foreign is not null)
        {
            // Other hubs write too: the tails are read under the database lock, and what they committed since this hub
            // last looked reaches memory before this write is checked against it.
            tails = await CatchUpAsync(db, group[0].CancellationToken).ConfigureAwait(false);
        }
        var shared = new Dictionary<Type, object>();
        var writers = new List<SqlHubWriter>(group.Count);
        try
        {
            foreach (var write in group)
            {
                write.CancellationToken.ThrowIfCancellationRequested();
                var writer = new SqlHubWriter(db, Dialect, _audit, _clock.GetUtcNow(), tails, shared);
                await write.RunAsync(writer).ConfigureAwait(false);
                tails = writer.Tails;
                writers.Add(writer);
            }
            await db.CommitAsync().ConfigureAwait(false);
        }
        catch
        {
            await db.RollbackAsync().ConfigureAwait(false);
            throw;
        }
        Interlocked.Increment(ref _writeCommits);
        if (_foreign is null)
        {
            _tails = tails;
        }
        else if (tails is not null)
        {
            (_knownAudit, _knownEvent) = (Math.Max(_knownAudit, tails.AuditSequence), Math.Max(_knownEvent, tails.EventSequence));
        }
        return writers;
    }

    /// <summary>Inside a write, under the database lock: the tails, after applying the other hubs' writes up to them.</summary>
    private async Task<WriteTails> CatchUpAsync(WriteConnection db, CancellationToken cancellationToken)
    {
        var tails = await WriteTails.ReadAsync(db).ConfigureAwait(false);
        if (tails.AuditSequence > _knownAudit || tails.EventSequence > _knownEvent)
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await ApplyForeignAsync(connection, tails.AuditSequence, tails.EventSequence, cancellationToken).ConfigureAwait(false);
        }
        return tails;
    }

    /// <summary>After the commit: each write's in-memory changes and events, in order, then its reply (never run again).</summary>
    private void Apply(List<QueuedWrite> group, List<SqlHubWriter> writers)
    {
        for (var i = 0; i < group.Count; i++)
        {
            try
            {
                foreach (var action in writers[i].CommitActions)
                {
                    action();
                }
                foreach (var e in writers[i].Events)
                {
                    _events.Publish(e);
                }
                group[i].Complete();
            }
            catch (Exception e)
            {
                group[i].Fail(e);
            }
        }
    }

    public Task<PartyRecord?> GetPartyAsync(string id, CancellationToken cancellationToken) =>
        FirstAsync($"SELECT {Rows.Party} FROM parties WHERE id = @id", Rows.ToParty, cancellationToken, ("@id", id));

    public Task<PartyRecord?> FindPartyByNameAsync(string name, CancellationToken cancellationToken) =>
        FirstAsync($"SELECT {Rows.Party} FROM parties WHERE name = @name", Rows.ToParty, cancellationToken, ("@name", name));

    public Task<IReadOnlyList<PartyRecord>> ListPartiesAsync(CancellationToken cancellationToken) =>
        ListAsync($"SELECT {Rows.Party} FROM parties ORDER BY created_at, id", Rows.ToParty, cancellationToken);

    public Task<ApiKeyRecord?> GetKeyAsync(string keyId, CancellationToken cancellationToken) =>
        FirstAsync($"SELECT {Rows.Key} FROM api_keys WHERE key_id = @id", Rows.ToKey, cancellationToken, ("@id", keyId));

    public Task<IReadOnlyList<ApiKeyRecord>> ListKeysAsync(string partyId, CancellationToken cancellationToken) =>
        ListAsync($"SELECT {Rows.Key} FROM api_keys WHERE party_id = @p ORDER BY created_at, key_id", Rows.ToKey, cancellationToken, ("@p", partyId));

    public Task<AgreementRecord?> GetAgreementAsync(string id, CancellationToken cancellationToken) =>
        FirstAsync($"SELECT {Rows.Agreement} FROM agreements WHERE id = @id", Rows.ToAgreement, cancellationToken, ("@id", id));

    public Task<IReadOnlyList<AgreementRecord>> ListAgreementsAsync(string? partyId, CancellationToken cancellationToken) =>
        partyId is null
            ? ListAsync($"SELECT {Rows.Agreement} FROM agreements ORDER BY created_at, id", Rows.ToAgreement, cancellationToken)
            : ListAsync($"SELECT {Rows.Agreement} FROM agreements WHERE proposer = @p OR counterparty = @p ORDER BY created_at, id",
                Rows.ToAgreement, cancellationToken, ("@p", partyId));

    public Task<IntentRecord?> GetIntentAsync(string party, string id, CancellationToken cancellationToken) =>
        FirstAsync($"SELECT {Rows.Intent} FROM intents WHERE party = @p AND id = @id", Rows.ToIntent, cancellationToken, ("@p", party), ("@id", id));

    public Task<IReadOnlyList<IntentRecord>> FindIntentsByIdAsync(string id, CancellationToken cancellationToken) =>
        ListAsync($"SELECT {Rows.Intent} FROM intents WHERE id = @id ORDER BY party", Rows.ToIntent, cancellationToken, ("@id", id));

    public async Task<IReadOnlyList<IntentRecord>> FindIntentsByIdsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new List<IntentRecord>();
        foreach (var chunk in ids.Chunk(500))
        {
            var names = chunk.Select((_, i) => "@i" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            found.AddRange(await ListAsync($"SELECT {Rows.Intent} FROM intents WHERE id IN ({string.Join(", ", names)}) ORDER BY id, party", Rows.ToIntent, cancellationToken,
                [.. names.Zip(chunk, (n, id) => (n, (object?)id))]).ConfigureAwait(false));
        }
        return found;
    }

    public Task<IReadOnlyList<IntentRecord>> ListIntentsAsync(IntentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = $"SELECT {Rows.Intent} FROM intents WHERE state <> 'Ended'";
        var args = new List<(string, object?)>();
        if (query.MinLon is { } minLon && query.MinLat is { } minLat && query.MaxLon is { } maxLon && query.MaxLat is { } maxLat)
        {
            sql += " AND max_lon >= @minlon AND min_lon <= @maxlon AND max_lat >= @minlat AND min_lat <= @maxlat";
            args.AddRange([("@minlon", minLon), ("@maxlon", maxLon), ("@minlat", minLat), ("@maxlat", maxLat)]);
        }
        if (query.From is { } from)
        {
            sql += " AND time_end > @from";
            args.Add(("@from", from));
        }
        if (query.To is { } to)
        {
            sql += " AND time_start < @to";
            args.Add(("@to", to));
        }
        return ListAsync(sql + " ORDER BY id, party", Rows.ToIntent
, cancellationToken, [.. args]);
    }

    public async Task<long> CountLiveIntentsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM intents WHERE state <> 'Ended'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task<ConflictRecord?> GetConflictAsync(string id, CancellationToken cancellationToken) =>
        FirstAsync($"SELECT {Rows.Conflict} FROM conflicts WHERE id = @id", Rows.ToConflict, cancellationToken, ("@id", id));

    public Task<IReadOnlyList<ConflictRecord>> ListConflictsAsync(string? partyId, string? status, CancellationToken cancellationToken)
    {
        var sql = partyId is null
            ? $"SELECT {Rows.Conflict} FROM conflicts c WHERE 1 = 1"
            : $"SELECT {Rows.Conflict} FROM conflicts c WHERE EXISTS (SELECT 1 FROM conflict_parties cp WHERE cp.conflict_id = c.id AND cp.party_id = @p)";
        if (status is not null)
        {
            sql += " AND c.status = @s";
        }
        return ListAsync(sql + " ORDER BY c.detected_at, c.id", Rows.ToConflict, cancellationToken, ("@p", partyId), ("@s", status));
    }

    public async Task<IReadOnlySet<ObjectRef>> ObjectsInOpenConflictsAsync(string partyId, CancellationToken cancellationToken)
    {
        var refs = await ListAsync(
            """
            SELECT DISTINCT cm.kind, cm.party, cm.object_id FROM conflict_members cm
            JOIN conflict_parties cp ON cp.conflict_id = cm.conflict_id
            JOIN conflicts c ON c.id = cm.conflict_id
            WHERE cp.party_id = @p AND c.status = 'open'
            """, r => new ObjectRef(r.GetString(0), r.GetString(1), r.GetString(2)), cancellationToken, ("@p", partyId)).ConfigureAwait(false);
        return refs.ToHashSet();
    }

    public Task<IReadOnlyList<EventRecord>> ReadEventsAsync(long afterSequence, int limit, CancellationToken cancellationToken) =>
        ListAsync($"SELECT {Rows.Event} FROM events WHERE seq > @after ORDER BY seq LIMIT @limit", Rows.ToEvent, cancellationToken,
            ("@after", afterSequence), ("@limit", limit));

    public async Task<long> LastEventSequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(seq), 0) FROM events";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<(long Oldest, long Newest)> EventSpanAsync(CancellationToken cancellationToken)
    {
        var span = await ListAsync("SELECT COALESCE(MIN(seq), 0), COALESCE(MAX(seq), 0) FROM events", r => (r.GetInt64(0), r.GetInt64(1)), cancellationToken).ConfigureAwait(false);
        return span[0];
    }

    private async Task<T?> FirstAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] args)
        where T : class
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Prepare(connection, sql, args);
        return await command.FirstAsync(map, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<T>> ListAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] args)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Prepare(connection, sql, args);
        return await command.ListAsync(map, cancellationToken).ConfigureAwait(false);
    }

    private static DbCommand Prepare(DbConnection connection, string sql, (string Name, object? Value)[] args)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in args)
        {
            if (sql.Contains(name, StringComparison.Ordinal))
            {
                command.With(name, value);
            }
        }
        return command;
    }
}
