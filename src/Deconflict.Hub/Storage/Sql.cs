using System.Data.Common;
using System.Text.Json;

namespace Deconflict.Hub.Storage;

/// <summary>Small ADO.NET conveniences shared by both dialects (portable SQL with <c>@name</c> parameters).</summary>
public static class Sql
{
    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = ToDb(value);
        command.Parameters.Add(p);
        return command;
    }

    /// <summary>A value as both dialects store it: times as Unix milliseconds, booleans as 0/1, null as DBNull.</summary>
    public static object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset t => Ms(t),
        bool b => b ? 1 : 0,
        _ => value,
    };

    public static long Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static DateTimeOffset? TimeOrNull(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Time(reader.GetInt64(ordinal));

    public static string? StringOrNull(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static string ToJsonList(IReadOnlyList<string> values) => JsonSerializer.Serialize(values);

    public static IReadOnlyList<string> FromJsonList(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];

    /// <summary>Object references as stored in <c>objects_json</c>: <c>[{"kind","party","id"}]</c>.</summary>
    public static string ToJsonRefs(IReadOnlyList<Access.ObjectRef> refs)
    {
        ArgumentNullException.ThrowIfNull(refs);
        return JsonSerializer.Serialize(refs.Select(r => new Dictionary<string, string> { ["kind"] = r.Kind, ["party"] = r.Party, ["id"] = r.Id }));
    }

    /// <summary>
    /// Reads <c>objects_json</c>; rows written before objects carried their owner hold bare ids, read with an
    /// empty kind and party until <see cref="ConflictIdentityBackfill"/> resolves them at start.
    /// </summary>
    public static IReadOnlyList<Access.ObjectRef> FromJsonRefs(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var list = new List<Access.ObjectRef>();
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            list.Add(e.ValueKind == JsonValueKind.String
                ? new Access.ObjectRef("", "", e.GetString()!)
                : new Access.ObjectRef(e.GetProperty("kind").GetString()!, e.GetProperty("party").GetString()!, e.GetProperty("id").GetString()!));
        }
        return list;
    }

    public static async Task<List<T>> ListAsync<T>
(this DbCommand command, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(map);
        var list = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(map(reader));
        }
        return list;
    }

    /// <summary>Runs one query on a read connection of <paramref name="store"/> and maps every row.</summary>
    public static async Task<IReadOnlyList<T>> QueryAsync<T>(this IHubStore store, string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken,
        params (string Name, object? Value)[] args)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = await store.OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in args)
        {
            command.With(name, value);
        }
        return await command.ListAsync(map, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<T?> FirstAsync<T>(this DbCommand command, Func<DbDataReader, T> map, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(map);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? map(reader) : null;
    }
}
