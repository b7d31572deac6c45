using System.Data.Common;
using Deconflict.Hub.Events;
using Npgsql;

namespace Deconflict.Hub.Storage;

/// <summary>The PostgreSQL store for real deployments, through one <see cref="NpgsqlDataSource"/>.</summary>
public sealed class PostgresHubStore(NpgsqlDataSource dataSource, HubEvents events, AuditTrail audit, TimeProvider clock)
    : SqlHubStore(events, audit, clock)
{
    public override StoreDialect Dialect => StoreDialect.Postgres;

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// <c>BEGIN</c> and the advisory lock (hubs sharing one database write one at a time, keeping the audit chain and
    /// the strategic check ordered) travel with the write's first round trip, <c>COMMIT</c> with its last.
    /// </summary>
    internal override async Task<WriteConnection> BeginWriteAsync(Action roundTrip, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return WriteConnection.Batched(connection,
            [new Statement("BEGIN ISOLATION LEVEL READ COMMITTED"), Statement.Read("SELECT pg_advisory_xact_lock(5080002)")], roundTrip,
            PostgresCopy.WriteAsync);
    }

    /// <summary>
    /// The data source of a <c>--db</c> value. Statements are prepared automatically once used twice (unless the
    /// connection string sets <c>Max Auto Prepare</c>): a write sends the same dozen statements every time, and a
    /// prepared one skips the server's parse and plan.
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(string database)
    {
        var builder = new NpgsqlConnectionStringBuilder(ToConnectionString(database));
        if (!builder.ContainsKey("Max Auto Prepare") && !builder.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }
        return new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
    }

    /// <summary>Turns <c>postgres://user:password@host:port/db?sslmode=...</c> into an Npgsql connection string; others pass through.</summary>
    public static string ToConnectionString(string database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (!database.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            && !database.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return database;
        }
        var uri = new Uri(database);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(kv[0])] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
        }
        return builder.ToString();
    }

    /// <summary>True when the --db value names a PostgreSQL database rather than a SQLite file.</summary>
    public static bool IsPostgres(string? database) =>
        database is not null && (database.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || database.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || database.Contains("Host=", StringComparison.OrdinalIgnoreCase));
}
