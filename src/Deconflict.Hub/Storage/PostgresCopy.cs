using System.Data.Common;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace Deconflict.Hub.Storage;

/// <summary>
/// Binary <c>COPY … FROM STDIN</c> of new rows into the tables a bulk import fills (intents, events, audit): one
/// stream per table instead of one statement per row. Values come in the tables' column order, as
/// <see cref="Sql.ToDb"/> gives them.
/// </summary>
internal static class PostgresCopy
{
    private static readonly Dictionary<string, (string Name, NpgsqlDbType Type)[]> Tables = new(StringComparer.Ordinal)
    {
        ["intents"] =
        [
            ("id", NpgsqlDbType.Text), ("party", NpgsqlDbType.Text), ("state", NpgsqlDbType.Text), ("priority", NpgsqlDbType.Integer),
            ("version", NpgsqlDbType.Bigint), ("geojson", NpgsqlDbType.Text), ("min_lon", NpgsqlDbType.Double), ("min_lat", NpgsqlDbType.Double),
            ("max_lon", NpgsqlDbType.Double), ("max_lat", NpgsqlDbType.Double), ("time_start", NpgsqlDbType.Bigint), ("time_end", NpgsqlDbType.Bigint),
            ("updated_at", NpgsqlDbType.Bigint),
        ],
        ["events"] =
        [
            ("seq", NpgsqlDbType.Bigint), ("type", NpgsqlDbType.Text), ("object_id", NpgsqlDbType.Text), ("owner_party", NpgsqlDbType.Text),
            ("parties_json", NpgsqlDbType.Text), ("data_json", NpgsqlDbType.Text), ("time", NpgsqlDbType.Bigint),
        ],
        ["audit"] =
        [
            ("seq", NpgsqlDbType.Bigint), ("time", NpgsqlDbType.Text), ("actor", NpgsqlDbType.Text), ("action", NpgsqlDbType.Text),
            ("object_type", NpgsqlDbType.Text), ("object_id", NpgsqlDbType.Text), ("visibility_json", NpgsqlDbType.Text),
            ("content_json", NpgsqlDbType.Text), ("content_hash", NpgsqlDbType.Text), ("previous_hash", NpgsqlDbType.Text),
            ("entry_hash", NpgsqlDbType.Text), ("signature", NpgsqlDbType.Text),
        ],
    };

    /// <summary>True for a table whose new rows may be sent by <see cref="WriteAsync"/>.</summary>
    public static bool Copies(string table) => Tables.ContainsKey(table);

    /// <summary>Streams <paramref name="rows"/> into <paramref name="table"/> inside the connection's open transaction.</summary>
    public static async Task WriteAsync(DbConnection connection, string table, IReadOnlyList<object?[]> rows)
    {
        var columns = Tables[table];
        var npgsql = (NpgsqlConnection)connection;
        var sql = $"COPY {table} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";
        await using var import = await npgsql.BeginBinaryImportAsync(sql, CancellationToken.None).ConfigureAwait(false);
        foreach (var row in rows)
        {
            if (row.Length != columns.Length)
            {
                throw new ArgumentException($"A row for {table} has {row.Length} values, not {columns.Length}.", nameof(rows));
            }
            await import.StartRowAsync(CancellationToken.None).ConfigureAwait(false);
            for (var i = 0; i < columns.Length; i++)
            {
                var value = Sql.ToDb(row[i]);
                if (value is DBNull)
                {
                    await import.WriteNullAsync(CancellationToken.None).ConfigureAwait(false);
                    continue;
                }
                switch (columns[i].Type)
                {
                    case NpgsqlDbType.Bigint:
                        await import.WriteAsync(Convert.ToInt64(value, CultureInfo.InvariantCulture), NpgsqlDbType.Bigint, CancellationToken.None).ConfigureAwait(false);
                        break;
                    case NpgsqlDbType.Integer:
                        await import.WriteAsync(Convert.ToInt32(value, CultureInfo.InvariantCulture), NpgsqlDbType.Integer, CancellationToken.None).ConfigureAwait(false);
                        break;
                    case NpgsqlDbType.Double:
                        await import.WriteAsync(Convert.ToDouble(value, CultureInfo.InvariantCulture), NpgsqlDbType.Double, CancellationToken.None).ConfigureAwait(false);
                        break;
                    default:
                        await import.WriteAsync((string)value, NpgsqlDbType.Text, CancellationToken.None).ConfigureAwait(false);
                        break;
                }
            }
        }
        await import.CompleteAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
