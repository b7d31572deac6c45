using System.Data.Common;
using Deconflict.Hub.Events;
using Microsoft.Data.Sqlite;

namespace Deconflict.Hub.Storage;

/// <summary>
/// The embedded store: one SQLite file in WAL mode with <c>synchronous=FULL</c>, so a committed write
/// (and therefore every 2xx reply) survives a crash or <c>kill -9</c>.
/// </summary>
public sealed class SqliteHubStore : SqlHubStore
{
    private readonly string _connectionString;

    public SqliteHubStore(string path, HubEvents events, AuditTrail audit, TimeProvider clock)
        : base(events, audit, clock)
    {
        ArgumentNullException.ThrowIfNull(path);
        Path = System.IO.Path.GetFullPath(path);
        if (System.IO.Path.GetDirectoryName(Path) is { } dir)
        {
            PrivateFiles.CreateDirectoryIfMissing(dir);
        }
        PrivateFiles.SecureSqlite(Path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
        PrivateFiles.SecureSqlite(Path);
    }

    public string Path { get; }

    public override StoreDialect Dialect => StoreDialect.Sqlite;

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    internal override async Task<WriteConnection> BeginWriteAsync(Action roundTrip, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // Not deferred (BEGIN IMMEDIATE): take the write lock now rather than failing on upgrade half way through.
        return WriteConnection.Immediate(connection, ((SqliteConnection)connection).BeginTransaction(deferred: false), roundTrip);
    }
}
