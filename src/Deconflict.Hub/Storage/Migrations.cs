using System.Data.Common;
using System.Reflection;

namespace Deconflict.Hub.Storage;

/// <summary>
/// Schema migrations: embedded <c>Storage/Migrations/&lt;dialect&gt;/NNNN_name.sql</c> files applied in file-name
/// order, each once, each in its own transaction. Add a migration by adding a file (never by editing an applied one);
/// numbers 0001–0099 are the hub core, 0100–0199 audit and hotline, 0200–0299 tracks and live detection, 0300+ others.
/// </summary>
public static class Migrations
{
    public static IReadOnlyList<(string Name, string Sql)> For(StoreDialect dialect)
    {
        var prefix = $"migrations/{(dialect == StoreDialect.Sqlite ? "sqlite" : "postgres")}/";
        var assembly = typeof(Migrations).Assembly;
        return assembly.GetManifestResourceNames()
            .Select(n => n.Replace('\\', '/'))
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[prefix.Length..^4], Read(assembly, n)))
            .ToList();
    }

    public static async Task ApplyAsync(DbConnection connection, StoreDialect dialect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)";
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        if (dialect == StoreDialect.Postgres)
        {
            // Two hubs starting at once on one database migrate one after the other.
            await using var lockCommand = connection.CreateCommand();
            lockCommand.CommandText = "SELECT pg_advisory_lock(5080001)";
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM schema_migrations";
            foreach (var name in await list.ListAsync(r => r.GetString(0), cancellationToken).ConfigureAwait(false))
            {
                applied.Add(name);
            }
        }
        foreach (var (name, sql) in For(dialect))
        {
            if (applied.Contains(name))
            {
                continue;
            }
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var migrate = connection.CreateCommand())
            {
                migrate.Transaction = transaction;
                migrate.CommandText = sql;
                await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_migrations (name, applied_at) VALUES (@n, @t)";
                record.With("@n", name).With("@t", DateTimeOffset.UtcNow);
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        if (dialect == StoreDialect.Postgres)
        {
            await using var unlock = connection.CreateCommand();
            unlock.CommandText = "SELECT pg_advisory_unlock(5080001)";
            await unlock.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"missing migration {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
