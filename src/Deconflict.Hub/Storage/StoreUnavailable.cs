using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Deconflict.Hub.Storage;

/// <summary>
/// Failures that mean the database cannot be reached or cannot take work right now (answered 503, retry later),
/// as opposed to a statement the database refused (a defect, answered 500). Nothing was committed in either case.
/// </summary>
public static class StoreUnavailable
{
    public static bool Is(Exception exception) => exception switch
    {
        // Class 08 connection exception, 53 insufficient resources, 57P operator intervention (shutdown, restart).
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("53", StringComparison.Ordinal)
            || pg.SqlState.StartsWith("57P", StringComparison.Ordinal),
        // Not a server's answer: the connection failed, broke, or the pool is exhausted.
        NpgsqlException => true,
        // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN.
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6 or 10 or 13 or 14,
        DbException { IsTransient: true } => true,
        System.Net.Sockets.SocketException => true,
        TimeoutException => true,
        AggregateException a => a.InnerExceptions.Count > 0 && a.InnerExceptions.All(Is),
        _ => exception.InnerException is { } inner && Is(inner),
    };
}
