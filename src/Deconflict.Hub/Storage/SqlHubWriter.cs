using System.Data.Common;
using Deconflict.Hub.Access;

namespace Deconflict.Hub.Storage;

/// <summary>One write transaction of <see cref="SqlHubStore"/>.</summary>
internal sealed class SqlHubWriter(DbConnection connection, DbTransaction transaction, StoreDialect dialect, AuditTrail audit, DateTimeOffset now)
    : IHubWriter
{
    public StoreDialect Dialect => dialect;

    public DateTimeOffset Now => now;

    public List<EventRecord> Events { get; } = [];

    public List<Action> CommitActions { get; } = [];

    public void AfterCommit(Action action) => CommitActions.Add(action);

    public DbCommand CreateCommand(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public Task InsertPartyAsync(PartyRecord party) =>
        ExecuteAsync(
            "INSERT INTO parties (id, name, kind, created_at, priority_min, priority_max) VALUES (@id, @name, @kind, @at, @pmin, @pmax)",
            ("@id", party.Id), ("@name", party.Name), ("@kind", party.Kind), ("@at", party.CreatedAt), ("@pmin", party.PriorityMin), ("@pmax", party.PriorityMax));

    public Task SetPriorityBoundsAsync(string partyId, int? min, int? max) =>
        ExecuteAsync("UPDATE parties SET priority_min = @pmin, priority_max = @pmax WHERE id = @id", ("@id", partyId), ("@pmin", min), ("@pmax", max));

    public async Task<PartyRecord?> GetPartyAsync(string id)
    {
        await using var command = CreateCommand($"SELECT {Rows.Party} FROM parties WHERE id = @id");
        command.With("@id", id);
        return await command.FirstAsync(Rows.ToParty, CancellationToken.None).ConfigureAwait(false);
    }

    public async Task<IntentRecord?> GetIntentAsync(string party, string id)
    {
        await using var command = CreateCommand($"SELECT {Rows.Intent} FROM intents WHERE party = @p AND id = @id");
        command.With("@p", party).With("@id", id);
        return await command.FirstAsync(Rows.ToIntent, CancellationToken.None).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<(string Victim, int Count, DateTimeOffset Oldest)>> ProbeAnswersSinceAsync(string prober, DateTimeOffset since)
    {
        await using var command = CreateCommand("SELECT victim, COUNT(*), MIN(at) FROM probe_answers WHERE prober = @p AND at > @since GROUP BY victim ORDER BY victim");
        command.With("@p", prober).With("@since", since);
        return await command.ListAsync(
            r => (r.GetString(0), Convert.ToInt32(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), Sql.Time(r.GetInt64(2))),
            CancellationToken.None).ConfigureAwait(false);
    }

    public Task RecordProbeAnswerAsync(string prober, string victim) =>
        ExecuteAsync("INSERT INTO probe_answers (prober, victim, at) VALUES (@p, @v, @at)", ("@p", prober), ("@v", victim), ("@at", now));

    public Task InsertKeyAsync(ApiKeyRecord key) =>
        ExecuteAsync(
            "INSERT INTO api_keys (key_id, party_id, secret_hash, created_at, revoked_at) VALUES (@id, @party, @hash, @at, @revoked)",
            ("@id", key.KeyId), ("@party", key.PartyId), ("@hash", key.SecretHash), ("@at", key.CreatedAt), ("@revoked", key.RevokedAt));

    public async Task<bool> RevokeKeyAsync(string partyId, string keyId, DateTimeOffset at)
    {
        await using var command = CreateCommand("UPDATE api_keys SET revoked_at = @at WHERE key_id = @id AND party_id = @party AND revoked_at IS NULL");
        command.With("@at", at).With("@id", keyId).With("@party", partyId);
        return await command.ExecuteNonQueryAsync().ConfigureAwait(false) == 1;
    }

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
        ExecuteAsync(
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
        await using var command = CreateCommand(
            $"""
            SELECT {Rows.Conflict} FROM conflicts WHERE kind = @kind AND status = 'open' AND id IN
                (SELECT conflict_id FROM conflict_members WHERE kind = @ok AND party = @op AND object_id = @o) ORDER BY id
            """);
        command.With("@kind", kind).With("@ok", obj.Kind).With("@op", obj.Party).With("@o", obj.Id);
        return await command.ListAsync(Rows.ToConflict, CancellationToken.None).ConfigureAwait(false);
    }

    public async Task<ConflictRecord?> OpenConflictByPairKeyAsync(string pairKey)
    {
        await using var command = CreateCommand($"SELECT {Rows.Conflict} FROM conflicts WHERE pair_key = @k AND status = 'open'");
        command.With("@k", pairKey);
        return await command.FirstAsync(Rows.ToConflict, CancellationToken.None).ConfigureAwait(false);
    }

    public async Task<long> AppendEventAsync(string type, string objectId, string ownerParty, IReadOnlyList<string> parties, string dataJson)
    {
        await using var command = CreateCommand(
            "INSERT INTO events (type, object_id, owner_party, parties_json, data_json, time) VALUES (@type, @o, @owner, @parties, @data, @time) RETURNING seq");
        command.With("@type", type).With("@o", objectId).With("@owner", ownerParty).With("@parties", Sql.ToJsonList(parties))
            .With("@data", dataJson).With("@time", now);
        var seq = Convert.ToInt64(await command.ExecuteScalarAsync().ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        Events.Add(new EventRecord(seq, type, objectId, ownerParty, parties, dataJson, now));
        return seq;
    }

    public Task<string> AppendAuditAsync(string actor, string action, string objectType, string objectId, IReadOnlyList<string> visibility, string contentJson) =>
        audit.AppendAsync(this, now, actor, action, objectType, objectId, visibility, contentJson);

    private async Task ExecuteAsync(string sql, params (string Name, object? Value)[] args)
    {
        await using var command = CreateCommand(sql);
        foreach (var (name, value) in args)
        {
            command.With(name, value);
        }
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
