using System.Data.Common;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Dss;

/// <summary>The DSS tables (<c>0400_dss.sql</c>): rows written inside a hub write, and the whole state read at start.</summary>
public sealed class DssStore(IHubStore store, DssState state)
{
    private const string OirColumns = "id, manager, party, state, version, ovn, uss_base_url, subscription_id, extents_json, updated_at";
    private const string ConstraintColumns = "id, manager, party, version, ovn, uss_base_url, extents_json, updated_at";
    private const string SubscriptionColumns = "id, manager, version, notification_index, uss_base_url, notify_for_oi, notify_for_c, implicit_sub, extents_json, updated_at";

    /// <summary>Makes the state what the store holds (at start, and when another hub of the cluster changed it).</summary>
    public async Task LoadAsync(CancellationToken ct)
    {
        Replace(state.Subjects, await store.QueryAsync("SELECT subject, party_id FROM dss_subjects", r => (r.GetString(0), r.GetString(1)), ct).ConfigureAwait(false));
        Replace(state.OperationalIntents, (await store.QueryAsync($"SELECT {OirColumns} FROM dss_operational_intents", ReadOir, ct).ConfigureAwait(false)).Select(o => (o.Id, o)));
        Replace(state.Constraints, (await store.QueryAsync($"SELECT {ConstraintColumns} FROM dss_constraints", ReadConstraint, ct).ConfigureAwait(false)).Select(c => (c.Id, c)));
        Replace(state.Subscriptions, (await store.QueryAsync($"SELECT {SubscriptionColumns} FROM dss_subscriptions", ReadSubscription, ct).ConfigureAwait(false)).Select(s => (s.Id, s)));
        Replace(state.Availability, (await store.QueryAsync("SELECT uss, availability, version FROM dss_availability",
            r => new DssAvailability(r.GetString(0), r.GetString(1), r.GetString(2)), ct).ConfigureAwait(false)).Select(a => (a.Uss, a)));
    }

    /// <summary>Sets every stored entry and drops the ones no longer stored, without emptying the map in between.</summary>
    private static void Replace<T>(System.Collections.Concurrent.ConcurrentDictionary<string, T> map, IEnumerable<(string Key, T Value)> stored)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in stored)
        {
            map[key] = value;
            keys.Add(key);
        }
        foreach (var key in map.Keys.Where(k => !keys.Contains(k)).ToList())
        {
            map.TryRemove(key, out _);
        }
    }

    public static Task MapSubjectAsync(IHubWriter w, string subject, string party) =>
        ExecuteAsync(w, "INSERT INTO dss_subjects (subject, party_id, mapped_at) VALUES (@s, @p, @at)", ("@s", subject), ("@p", party), ("@at", w.Now));

    public static Task UpsertAsync(IHubWriter w, DssOperationalIntent o) =>
        ExecuteAsync(w,
            $"""
            INSERT INTO dss_operational_intents ({OirColumns}) VALUES (@id, @manager, @party, @state, @version, @ovn, @url, @sub, @extents, @at)
            ON CONFLICT (id) DO UPDATE SET state = excluded.state, version = excluded.version, ovn = excluded.ovn,
                uss_base_url = excluded.uss_base_url, subscription_id = excluded.subscription_id, extents_json = excluded.extents_json,
                updated_at = excluded.updated_at
            """,
            ("@id", o.Id), ("@manager", o.Manager), ("@party", o.Party), ("@state", o.State), ("@version", o.Version), ("@ovn", o.Ovn),
            ("@url", o.UssBaseUrl), ("@sub", o.SubscriptionId), ("@extents", DssWire.Extents(o.Extents)), ("@at", o.UpdatedAt));

    public static Task UpsertAsync(IHubWriter w, DssConstraint c) =>
        ExecuteAsync(w,
            $"""
            INSERT INTO dss_constraints ({ConstraintColumns}) VALUES (@id, @manager, @party, @version, @ovn, @url, @extents, @at)
            ON CONFLICT (id) DO UPDATE SET version = excluded.version, ovn = excluded.ovn, uss_base_url = excluded.uss_base_url,
                extents_json = excluded.extents_json, updated_at = excluded.updated_at
            """,
            ("@id", c.Id), ("@manager", c.Manager), ("@party", c.Party), ("@version", c.Version), ("@ovn", c.Ovn), ("@url", c.UssBaseUrl),
            ("@extents", DssWire.Extents(c.Extents)), ("@at", c.UpdatedAt));

    public static Task UpsertAsync(IHubWriter w, DssSubscription s) =>
        ExecuteAsync(w,
            $"""
            INSERT INTO dss_subscriptions ({SubscriptionColumns}) VALUES (@id, @manager, @version, @index, @url, @oi, @c, @implicit, @extents, @at)
            ON CONFLICT (id) DO UPDATE SET version = excluded.version, notification_index = excluded.notification_index,
                uss_base_url = excluded.uss_base_url, notify_for_oi = excluded.notify_for_oi, notify_for_c = excluded.notify_for_c,
                implicit_sub = excluded.implicit_sub, extents_json = excluded.extents_json, updated_at = excluded.updated_at
            """,
            ("@id", s.Id), ("@manager", s.Manager), ("@version", s.Version), ("@index", s.NotificationIndex), ("@url", s.UssBaseUrl),
            ("@oi", s.NotifyForOperationalIntents), ("@c", s.NotifyForConstraints), ("@implicit", s.Implicit),
            ("@extents", DssWire.Extents([s.Extent])), ("@at", s.UpdatedAt));

    public static Task UpsertAsync(IHubWriter w, DssAvailability a) =>
        ExecuteAsync(w,
            """
            INSERT INTO dss_availability (uss, availability, version, updated_at) VALUES (@uss, @a, @v, @at)
            ON CONFLICT (uss) DO UPDATE SET availability = excluded.availability, version = excluded.version, updated_at = excluded.updated_at
            """,
            ("@uss", a.Uss), ("@a", a.Availability), ("@v", a.Version), ("@at", w.Now));

    public static Task InsertReportAsync(IHubWriter w, string id, string reporter, string json) =>
        ExecuteAsync(w, "INSERT INTO dss_reports (report_id, reporter, report_json, received_at) VALUES (@id, @r, @j, @at)",
            ("@id", id), ("@r", reporter), ("@j", json), ("@at", w.Now));

    public static Task DeleteAsync(IHubWriter w, string table, string id) =>
        ExecuteAsync(w, $"DELETE FROM {table} WHERE id = @id", ("@id", id));

    private static DssOperationalIntent ReadOir(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4), r.GetString(5), r.GetString(6),
        Sql.StringOrNull(r, 7), DssWire.ReadExtents(r.GetString(8)), Sql.Time(r.GetInt64(9)));

    private static DssConstraint ReadConstraint(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetString(4), r.GetString(5), DssWire.ReadExtents(r.GetString(6)), Sql.Time(r.GetInt64(7)));

    private static DssSubscription ReadSubscription(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetString(4), r.GetInt64(5) != 0, r.GetInt64(6) != 0, r.GetInt64(7) != 0,
        DssWire.ReadExtents(r.GetString(8))[0], Sql.Time(r.GetInt64(9)));

    private static async Task ExecuteAsync(IHubWriter w, string sql, params (string Name, object? Value)[] args)
    {
        await using var command = w.CreateCommand(sql);
        foreach (var (name, value) in args)
        {
            command.With(name, value);
        }
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
