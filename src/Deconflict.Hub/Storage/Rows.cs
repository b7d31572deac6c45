using System.Data.Common;

namespace Deconflict.Hub.Storage;

/// <summary>Column lists and row mappers for the hub's own tables.</summary>
internal static class Rows
{
    public const string Party = "id, name, kind, created_at, priority_min, priority_max";
    public const string Key = "key_id, party_id, secret_hash, created_at, revoked_at";
    public const string Agreement = "id, proposer, counterparty, status, terms_json, created_at, accepted_at, ended_at";
    public const string Intent = "id, party, state, priority, version, geojson, min_lon, min_lat, max_lon, max_lat, time_start, time_end, updated_at";
    public const string Conflict = "id, kind, status, level, parties_json, objects_json, pair_key, detected_at, updated_at, cleared_at, detail_json";
    public const string Event = "seq, type, object_id, owner_party, parties_json, data_json, time";

    public static PartyRecord ToParty(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), Sql.Time(r.GetInt64(3)),
            r.IsDBNull(4) ? null : r.GetInt32(4), r.IsDBNull(5) ? null : r.GetInt32(5));


    public static ApiKeyRecord ToKey(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), (byte[])r.GetValue(2), Sql.Time(r.GetInt64(3)), Sql.TimeOrNull(r, 4));

    public static AgreementRecord ToAgreement(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
            Sql.Time(r.GetInt64(5)), Sql.TimeOrNull(r, 6), Sql.TimeOrNull(r, 7));

    public static IntentRecord ToIntent(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt64(4), r.GetString(5),
            r.GetDouble(6), r.GetDouble(7), r.GetDouble(8), r.GetDouble(9),
            Sql.Time(r.GetInt64(10)), Sql.Time(r.GetInt64(11)), Sql.Time(r.GetInt64(12)));

    public static ConflictRecord ToConflict(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
            Sql.FromJsonList(r.GetString(4)), Sql.FromJsonRefs(r.GetString(5)), r.GetString(6),
            Sql.Time(r.GetInt64(7)), Sql.Time(r.GetInt64(8)), Sql.TimeOrNull(r, 9), r.GetString(10));

    public static EventRecord ToEvent(DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), Sql.FromJsonList(r.GetString(4)), r.GetString(5), Sql.Time(r.GetInt64(6)));
}
