using System.Data.Common;
using Deconflict.Hub.Access;

namespace Deconflict.Hub.Storage;

/// <summary>
/// One write transaction of <see cref="SqlHubStore"/>. Changes are statements held back by the
/// <see cref="WriteConnection"/> until a read or the commit; the audit tail and the event sequence come from the
/// store's <see cref="WriteTails"/> (read once inside the transaction when not known).
/// </summary>
internal sealed class SqlHubWriter(WriteConnection db, StoreDialect dialect, AuditTrail audit, DateTimeOffset now, WriteTails? tails,
    Dictionary<Type, object> shared)
    : IHubWriter
{
    private WriteTails? _tails = tails;
    private bool _bulk;

    /// <summary>The tails after this write's appends (null when never read); the store keeps them once committed.</summary>
    public WriteTails? Tails => _tails;

    public StoreDialect Dialect => dialect;

    public DateTimeOffset Now => now;

    public List<EventRecord> Events { get; } = [];

    public List<Action> CommitActions { get; } = [];

    public void AfterCommit(Action action) => CommitActions.Add(action);

    public TState Shared<TState>(Func<TState> create)
        where TState : class
    {
        ArgumentNullException.ThrowIfNull(create);
        if (!shared.TryGetValue(typeof(TState), out var state))
        {
            shared[typeof(TState)] = state = create();
        }
        return (TState)state;
    }

    public DbCommand CreateCommand(string sql) => db.CreateCommand(sql);

    public void UseBulkInsert() => _bulk = true;

    /// <summary>New rows go by COPY when bulk inserting where the connection streams rows.</summary>
    private bool Copying => _bulk && db.CanCopy;

    public Task InsertPartyAsync(PartyRecord party) =>
        ExecuteAsync(
            "INSERT INTO parties (id, name, kind, created_at, priority_min, priority_max) VALUES (@id, @name, @kind, @at, @pmin, @pmax)",
            ("@id", party.Id), ("@name", party.Name), ("@kind", party.Kind), ("@at", party.CreatedAt), ("@pmin", party.PriorityMin), ("@pmax", party.PriorityMax));

    public Task SetPriorityBoundsAsync(string partyId, int? min, int? max) =>
        ExecuteAsync("UPDATE parties SET priority_min = @pmin, priority_max = @pmax WHERE id = @id", ("@id", partyId), ("@pmin", min), ("@pmax", max));

    public async Task<PartyRecord?> GetPartyAsync(string id) =>
        (await db.ListAsync(PartyQuery(id), Rows.ToParty).ConfigureAwait(false)).FirstOrDefault();

    public async Task<IntentRecord?> GetIntentAsync(string party, string id) =>
        (await db.ListAsync(IntentQuery(party, id), Rows.ToIntent).ConfigureAwait(false)).FirstOrDefault();

    public async Task<IReadOnlyList<(string Victim, int Count, DateTimeOffset Oldest)>> ProbeAnswersSinceAsync(string prober, DateTimeOffset since) =>
        await db.ListAsync(ProbeQuery(prober, since), ToProbeAnswer).ConfigureAwait(false);

    public async Task<IntentWriteReads> ReadIntentWriteAsync(string party, string id, DateTimeOffset probeSince, string conflictKind)
    {
        IntentRecord? intent = null;
        PartyRecord? owner = null;
        var answers = new List<(string, int, DateTimeOffset)>();
        var open = new List<ConflictRecord>();
        await db.QueryAsync(
            (IntentQuery(party, id), r => intent = Rows.ToIntent(r)),
            (PartyQuery(party), r => owner = Rows.ToParty(r)),
            (ProbeQuery(party, probeSince), r => answers.Add(ToProbeAnswer(r))),
            (OpenConflictsQuery(conflictKind, new ObjectRef(ObjectRef.Intent, party, id)), r => open.Add(Rows.ToConflict(r)))).ConfigureAwait(false);
        return new IntentWriteReads(intent, owner, answers, open);
    }

    public async Task<IReadOnlySet<(string Party, string Id)>> ExistingIntentsAsync(IReadOnlyCollection<(string Party, string Id)> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new HashSet<(string, string)>();
        if (keys.Count == 0)
        {
            return found;
        }
        var statement = dialect == StoreDialect.Postgres
            ? Statement.Read("SELECT i.party, i.id FROM intents i JOIN unnest(@parties, @ids) AS k(party, id) ON i.party = k.party AND i.id = k.id",
                ("@parties", keys.Select(k => k.Party).ToArray()), ("@ids", keys.Select(k => k.Id).ToArray()))
            : Statement.Read("SELECT i.party, i.id FROM intents i JOIN json_each(@keys) k ON i.party = json_extract(k.value, '$[0]') AND i.id = json_extract(k.value, '$[1]')",
                ("@keys", System.Text.Json.JsonSerializer.Serialize(keys.Select(k => new[] { k.Party, k.Id }))));
        await db.QueryAsync((statement, r => found.Add((r.GetString(0), r.GetString(1))))).ConfigureAwait(false);
        return found;
    }

    private static Statement PartyQuery(string id) => Statement.Read($"SELECT {Rows.Party} FROM parties WHERE id = @id", ("@id", id));

    private static Statement IntentQuery(string party, string id) =>
        Statement.Read($"SELECT {Rows.Intent} FROM intents WHERE party = @p AND id = @id", ("@p", party), ("@id", id));

    private static Statement ProbeQuery(string prober, DateTimeOffset since) =>
        Statement.Read("SELECT victim, COUNT(*), MIN(at) FROM probe_answers WHERE prober = @p AND at > @since GROUP BY victim ORDER BY victim",
            ("@p", prober), ("@since", since));

    private static (string, int, DateTimeOffset) ToProbeAnswer(DbDataReader r) =>
        (r.GetString(0), Convert.ToInt32(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), Sql.Time(r.GetInt64(2)));

    private static Statement OpenConflictsQuery(string kind, ObjectRef obj) =>
        Statement.Read(
            $"""
            SELECT {Rows.Conflict} FROM conflicts WHERE kind = @kind AND status = 'open' AND id IN
                (SELECT conflict_id FROM conflict_members WHERE kind = @ok AND party = @op AND object_id = @o) ORDER BY id
            """, ("@kind", kind), ("@ok", obj.Kind), ("@op", obj.Party), ("@o", obj.Id));

    public Task RecordProbeAnswerAsync(string prober, string victim) =>
        ExecuteAsync("INSERT INTO probe_answers (prober, victim, at) VALUES (@p, @v, @at)", ("@p", prober), ("@v", victim), ("@at", now));

    public Task InsertKeyAsync(ApiKeyRecord key) =>
        ExecuteAsync(
            "INSERT INTO api_keys (key_id, party_id, secret_hash, created_at, revoked_at) VALUES (@id, @party, @hash, @at, @revoked)",
            ("@id", key.KeyId), ("@party", key.PartyId), ("@hash", key.SecretHash), ("@at", key.CreatedAt), ("@revoked", key.RevokedAt));

    public async Task<bool> RevokeKeyAsync(string partyId, string keyId, DateTimeOffset at) =>
        (await db.ListAsync(
            Statement.Read("UPDATE api_keys SET revoked_at = @at WHERE key_id = @id AND party_id = @party AND revoked_at IS NULL RETURNING key_id",
                ("@at", at), ("@id", keyId), ("@party", partyId)),
            r => r.GetString(0)).ConfigureAwait(false)).Count == 1;

    public Task UpsertAgreementAsync(AgreementRecord a) =>
        ExecuteAsync(
            """
            INSERT INTO agreements (id, proposer, counterparty, status, terms_json, created_at, accepted_at, ended_at)
            VALUES (@id, @proposer, @counterparty, @status, @terms, @created, @accepted, @ended)
            ON CONFLICT (id) DO UPDATE SET status = excluded.status, terms_json = excluded.terms_json,
                accepted_at = excluded.accepted_at, ended_at = excluded.ended_at
            """,
            ("@id", a.Id), ("@proposer", a.Proposer), ("@counterparty", a.Counterparty), ("@status", a.Status),
            ("@terms", a.TermsJson), ("@created", a.CreatedAt), ("@accepted", a.AcceptedAt), ("@ended", a.EndedAt));

    public Task UpsertIntentAsync(IntentRecord i) =>
        Copying
            ? db.CopyAsync("intents", [i.Id, i.Party, i.State, i.Priority, i.Version, i.GeoJson, i.MinLon, i.MinLat, i.MaxLon, i.MaxLat, i.TimeStart, i.TimeEnd, i.UpdatedAt])
            : ExecuteAsync(
            """
            INSERT INTO intents (id, party, state, priority, version, geojson, min_lon, min_lat, max_lon, max_lat, time_start, time_end, updated_at)
            VALUES (@id, @party, @state, @priority, @version, @geojson, @minlon, @minlat, @maxlon, @maxlat, @start, @end, @updated)
            ON CONFLICT (party, id) DO UPDATE SET state = excluded.state, priority = excluded.priority,
                version = excluded.version, geojson = excluded.geojson, min_lon = excluded.min_lon, min_lat = excluded.min_lat,
                max_lon = excluded.max_lon, max_lat = excluded.max_lat, time_start = excluded.time_start,
                time_end = excluded.time_end, updated_at = excluded.updated_at
            """,
            ("@id", i.Id), ("@party", i.Party), ("@state", i.State), ("@priority", i.Priority), ("@version", i.Version),
            ("@geojson", i.GeoJson), ("@minlon", i.MinLon), ("@minlat", i.MinLat), ("@maxlon", i.MaxLon), ("@maxlat", i.MaxLat),
            ("@start", i.TimeStart), ("@end", i.TimeEnd), ("@updated", i.UpdatedAt));

    public async Task UpsertConflictAsync(ConflictRecord c)
    {
        await ExecuteAsync(
            """
            INSERT INTO conflicts (id, kind, status, level, parties_json, objects_json, pair_key, detected_at, updated_at, cleared_at, detail_json)
            VALUES (@id, @kind, @status, @level, @parties, @objects, @pair, @detected, @updated, @cleared, @detail)
            ON CONFLICT (id) DO UPDATE SET status = excluded.status, level = excluded.level, updated_at = excluded.updated_at,
                cleared_at = excluded.cleared_at, detail_json = excluded.detail_json
            """,
            ("@id", c.Id), ("@kind", c.Kind), ("@status", c.Status), ("@level", c.Level), ("@parties", Sql.ToJsonList(c.Parties)),
            ("@objects", Sql.ToJsonRefs(c.Objects)), ("@pair", c.PairKey), ("@detected", c.DetectedAt), ("@updated", c.UpdatedAt),
            ("@cleared", c.ClearedAt), ("@detail", c.DetailJson)).ConfigureAwait(false);
        foreach (var party in c.Parties.Distinct(StringComparer.Ordinal))
        {
            await ExecuteAsync("INSERT INTO conflict_parties (party_id, conflict_id) VALUES (@p, @c) ON CONFLICT DO NOTHING", ("@p", party), ("@c", c.Id)).ConfigureAwait(false);
        }
        foreach (var obj in c.Objects.Distinct())
        {
            await ExecuteAsync("INSERT INTO conflict_members (conflict_id, kind, party, object_id) VALUES (@c, @k, @p, @o) ON CONFLICT DO NOTHING",
                ("@c", c.Id), ("@k", obj.Kind), ("@p", obj.Party), ("@o", obj.Id)).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<ConflictRecord>> OpenConflictsWithObjectAsync(string kind, ObjectRef obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return await db.ListAsync(OpenConflictsQuery(kind, obj), Rows.ToConflict).ConfigureAwait(false);
    }

    public async Task<ConflictRecord?> OpenConflictByPairKeyAsync(string pairKey) =>
        (await db.ListAsync(Statement.Read($"SELECT {Rows.Conflict} FROM conflicts WHERE pair_key = @k AND status = 'open'", ("@k", pairKey)),
            Rows.ToConflict).ConfigureAwait(false)).FirstOrDefault();

    public async Task<long> AppendEventAsync(string type, string objectId, string ownerParty, IReadOnlyList<string> parties, string dataJson)
    {
        var tails = await TailsAsync().ConfigureAwait(false);
        var seq = tails.EventSequence + 1;
        // Numbered here rather than by the database, so the insert needs no answer; the sequence is the primary key.
        var overriding = dialect == StoreDialect.Postgres ? " OVERRIDING SYSTEM VALUE" : "";
        if (Copying)
        {
            await db.CopyAsync("events", [seq, type, objectId, ownerParty, Sql.ToJsonList(parties), dataJson, now]).ConfigureAwait(false);
        }
        else
        {
            await ExecuteAsync(
                $"INSERT INTO events (seq, type, object_id, owner_party, parties_json, data_json, time){overriding} VALUES (@seq, @type, @o, @owner, @parties, @data, @time)",
                ("@seq", seq), ("@type", type), ("@o", objectId), ("@owner", ownerParty), ("@parties", Sql.ToJsonList(parties)),
                ("@data", dataJson), ("@time", now)).ConfigureAwait(false);
        }
        _tails = tails with { EventSequence = seq };
        Events.Add(new EventRecord(seq, type, objectId, ownerParty, parties, dataJson, now));
        return seq;
    }

    public async Task<string> AppendAuditAsync(string actor, string action, string objectType, string objectId, IReadOnlyList<string> visibility, string contentJson)
    {
        var tails = await TailsAsync().ConfigureAwait(false);
        var (entry, insert) = audit.Next(tails.Audit, now, actor, action, objectType, objectId, visibility, contentJson);
        // The insert's arguments are the audit table's columns in order.
        await (Copying ? db.CopyAsync("audit", [.. insert.Args.Select(a => a.Value)]) : db.ExecuteAsync(insert)).ConfigureAwait(false);
        _tails = tails with { Audit = entry };
        return AuditTrail.Receipt(entry);
    }

    private async Task<WriteTails> TailsAsync()
    {
        if (_tails is { } known)
        {
            return known;
        }
        return _tails = await WriteTails.ReadAsync(db).ConfigureAwait(false);
    }

    public Task ExecuteAsync(string sql, params (string Name, object? Value)[] args) => db.ExecuteAsync(Statement.Write(sql, args));
}
