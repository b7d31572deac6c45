using System.Data.Common;
using System.Globalization;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Ground;

/// <summary>
/// SQL for the ground tables (migration 0300), portable across SQLite and PostgreSQL. Reads open their own
/// connection; writes run on the <see cref="IHubWriter"/> of the caller's transaction, beside the audit entry.
/// </summary>
public sealed class GroundStore(IHubStore store)
{
    public const string Site = "site";
    public const string Movement = "movement";
    public const string Zone = "zone";

    private const string ObjectColumns = "kind, id, party, version, category, geojson, valid_from, valid_to, updated_at, ended_at";
    private const string AckColumns = "site_party, site_id, party_id, version, acked_at, receipt";
    private const string StrikeColumns =
 "id, party, intent_id, lat_deg, lon_deg, t, radius_m, inside_zone, assessment_json, created_at";

    public IHubStore Store => store;

    /// <summary>The object (kind, party, id): ids are unique per owner and kind only.</summary>
    public async Task<GroundObjectRecord?> GetAsync(string kind, string party, string id, CancellationToken ct)
    {
        var list = await store.QueryAsync($"SELECT {ObjectColumns} FROM ground_objects WHERE kind = @k AND party = @p AND id = @id", ToObject, ct,
            ("@k", kind), ("@p", party), ("@id", id)).ConfigureAwait(false);
        return list.Count == 0 ? null : list[0];
    }

    /// <summary>Every party's live object of a kind with this id (at most one per party).</summary>
    public Task<IReadOnlyList<GroundObjectRecord>> FindByIdAsync(string kind, string id, CancellationToken ct) =>
        store.QueryAsync($"SELECT {ObjectColumns} FROM ground_objects WHERE kind = @k AND id = @id AND ended_at IS NULL ORDER BY party", ToObject, ct, ("@k", kind), ("@id", id));

    /// <summary>The object read inside a write transaction (reads that decide a write happen in it).</summary>
    public static async Task<GroundObjectRecord?> GetAsync(IHubWriter w, string kind, string party, string id)
    {
        ArgumentNullException.ThrowIfNull(w);
        await using var c = w.CreateCommand($"SELECT {ObjectColumns} FROM ground_objects WHERE kind = @k AND party = @p AND id = @id");
        c.With("@k", kind).With("@p", party).With("@id", id);
        return await c.FirstAsync(ToObject, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Live (not withdrawn) objects of a kind, optionally of one party.</summary>
    public Task<IReadOnlyList<GroundObjectRecord>> ListAsync(string kind, string? party, CancellationToken ct) =>
        party is null
            ? store.QueryAsync($"SELECT {ObjectColumns} FROM ground_objects WHERE kind = @k AND ended_at IS NULL ORDER BY id", ToObject, ct, ("@k", kind))
            : store.QueryAsync($"SELECT {ObjectColumns} FROM ground_objects WHERE kind = @k AND party = @p AND ended_at IS NULL ORDER BY id", ToObject, ct, ("@k", kind), ("@p", party));

    public Task<IReadOnlyList<SiteAckRecord>> AcksAsync(string siteParty, string siteId, CancellationToken ct) =>
        store.QueryAsync($"SELECT {AckColumns} FROM ground_acks WHERE site_party = @sp AND site_id = @s ORDER BY acked_at, party_id", ToAck, ct,
            ("@sp", siteParty), ("@s", siteId));

    public Task<IReadOnlyList<SiteAckRecord>> AllAcksAsync(CancellationToken ct) =>
        store.QueryAsync($"SELECT {AckColumns} FROM ground_acks ORDER BY acked_at", ToAck, ct);

    /// <summary>The strike (party, id).</summary>
    public async Task<StrikeRecord?> GetStrikeAsync(string party, string id, CancellationToken ct)
    {
        var list = await store.QueryAsync($"SELECT {StrikeColumns} FROM ground_strikes WHERE party = @p AND id = @id", ToStrike, ct, ("@p", party), ("@id", id)).ConfigureAwait(false);
        return list.Count == 0 ? null : list[0];
    }

    /// <summary>Every party's strike with this id (at most one per party).</summary>
    public Task<IReadOnlyList<StrikeRecord>> FindStrikesByIdAsync(string id, CancellationToken ct) =>
        store.QueryAsync($"SELECT {StrikeColumns} FROM ground_strikes WHERE id = @id ORDER BY party", ToStrike, ct, ("@id", id));

    /// <summary>Whether the party already reported a strike with this id (read inside the write).</summary>
    public static async Task<bool> StrikeExistsAsync(IHubWriter w, string party, string id)
    {
        ArgumentNullException.ThrowIfNull(w);
        await using var c = w.CreateCommand("SELECT COUNT(*) FROM ground_strikes WHERE party = @p AND id = @id");
        c.With("@p", party).With("@id", id);
        return Convert.ToInt64(await c.ExecuteScalarAsync().ConfigureAwait(false), CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>Strikes with a time in [from, to).</summary>
    public Task<IReadOnlyList<StrikeRecord>> StrikesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        store.QueryAsync($"SELECT {StrikeColumns} FROM ground_strikes WHERE t >= @from AND t < @to ORDER BY t, id", ToStrike, ct, ("@from", from), ("@to", to));

    public Task<IReadOnlyList<(string IntentId, string Party)>> FireIntentsAsync(CancellationToken ct) =>
        store.QueryAsync("SELECT intent_id, party FROM ground_fire_intents ORDER BY intent_id, party", r => (r.GetString(0), r.GetString(1)), ct);

    public static async Task UpsertAsync(IHubWriter w, GroundObjectRecord o)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(o);
        await using var c = w.CreateCommand(
            $"""
            INSERT INTO ground_objects ({ObjectColumns}) VALUES (@k, @id, @p, @v, @cat, @geo, @from, @to, @at, @ended)
            ON CONFLICT (kind, party, id) DO UPDATE SET version = excluded.version, category = excluded.category,
                geojson = excluded.geojson, valid_from = excluded.valid_from, valid_to = excluded.valid_to,
                updated_at = excluded.updated_at, ended_at = excluded.ended_at
            """);
        c.With("@k", o.Kind).With("@id", o.Id).With("@p", o.Party).With("@v", o.Version).With("@cat", o.Category).With("@geo", o.GeoJson)
            .With("@from", o.ValidFrom).With("@to", o.ValidTo).With("@at", o.UpdatedAt).With("@ended", o.EndedAt);
        await c.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>Records an acknowledgement of one version; false when the party had already acknowledged that version.</summary>
    public static async Task<bool> InsertAckAsync(IHubWriter w, SiteAckRecord a)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(a);
        await using var c = w.CreateCommand(
            $"INSERT INTO ground_acks ({AckColumns}) VALUES (@sp, @s, @p, @v, @at, @r) ON CONFLICT DO NOTHING");
        c.With("@sp", a.SiteParty).With("@s", a.SiteId).With("@p", a.PartyId).With("@v", a.Version).With("@at", a.AckedAt).With("@r", a.Receipt);
        return await c.ExecuteNonQueryAsync().ConfigureAwait(false) == 1;
    }

    public static async Task SetAckReceiptAsync(IHubWriter w, SiteAckRecord a)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(a);
        await using var c = w.CreateCommand("UPDATE ground_acks SET receipt = @r WHERE site_party = @sp AND site_id = @s AND party_id = @p AND version = @v");
        c.With("@r", a.Receipt).With("@sp", a.SiteParty).With("@s", a.SiteId).With("@p", a.PartyId).With("@v", a.Version);
        await c.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    public static async Task InsertStrikeAsync(IHubWriter w, StrikeRecord s)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(s);
        await using var c = w.CreateCommand(
            $"INSERT INTO ground_strikes ({StrikeColumns}) VALUES (@id, @p, @i, @lat, @lon, @t, @r, @in, @a, @at)");
        c.With("@id", s.Id).With("@p", s.Party).With("@i", s.IntentId).With("@lat", s.LatDeg).With("@lon", s.LonDeg).With("@t", s.Time)
            .With("@r", s.RadiusM).With("@in", s.InsideZone).With("@a", s.AssessmentJson).With("@at", s.CreatedAt);
        await c.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>Designates (or, with <paramref name="mark"/> false, undesignates) an intent as a fire/strike area; true when something changed.</summary>
    public static async Task<bool> MarkFireIntentAsync(IHubWriter w, string intentId, string party, bool mark)
    {
        ArgumentNullException.ThrowIfNull(w);
        await using var c = mark
            ? w.CreateCommand("INSERT INTO ground_fire_intents (intent_id, party, marked_at) VALUES (@i, @p, @at) ON CONFLICT DO NOTHING")
            : w.CreateCommand("DELETE FROM ground_fire_intents WHERE party = @p AND intent_id = @i");
        c.With("@i", intentId).With("@p", party);
        if (mark)
        {
            c.With("@at", w.Now);
        }
        return await c.ExecuteNonQueryAsync().ConfigureAwait(false) == 1;
    }

    private static GroundObjectRecord ToObject(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), Sql.StringOrNull(r, 4), r.GetString(5),
            Sql.TimeOrNull(r, 6), Sql.TimeOrNull(r, 7), Sql.Time(r.GetInt64(8)), Sql.TimeOrNull(r, 9));

    private static SiteAckRecord ToAck(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), Sql.Time(r.GetInt64(4)), r.GetString(5));

    private static StrikeRecord ToStrike(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetDouble(3), r.GetDouble(4), Sql.Time(r.GetInt64(5)), r.GetDouble(6),
            Convert.ToInt64(r.GetValue(7), CultureInfo.InvariantCulture) == 1, r.GetString(8), Sql.Time(r.GetInt64(9)));
}
