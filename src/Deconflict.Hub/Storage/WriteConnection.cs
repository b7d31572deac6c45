using System.Data.Common;

namespace Deconflict.Hub.Storage;

/// <summary>
/// The connection of one write transaction. Where the driver batches (PostgreSQL), statements that return nothing
/// are held back and sent together with the next read, or with the commit: a write costs one round trip per read it
/// needs plus one for its changes and the commit, whatever the number of rows. The transaction's opening statements
/// (<c>BEGIN</c> and the cross-hub lock) travel with the first round trip too. Where it does not (SQLite, in the
/// process), statements run at once inside a <see cref="DbTransaction"/>.
/// </summary>
internal sealed class WriteConnection : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction? _transaction;
    private readonly List<Statement> _opening;
    private readonly List<Statement> _pending = [];
    private readonly Action _roundTrip;
    private readonly Func<DbConnection, string, IReadOnlyList<object?[]>, Task>? _copy;
    // New rows to stream by COPY, per table, in the order they were added.
    private readonly Dictionary<string, List<object?[]>> _copies = new(StringComparer.Ordinal);
    private bool _sentOpening;

    private WriteConnection(DbConnection connection, DbTransaction? transaction, IEnumerable<Statement> opening, Action roundTrip,
        Func<DbConnection, string, IReadOnlyList<object?[]>, Task>? copy)
    {
        _connection = connection;
        _transaction = transaction;
        _opening = [.. opening];
        _roundTrip = roundTrip;
        _copy = copy;
    }

    /// <summary>
    /// Batched: <paramref name="opening"/> (which must begin the transaction) goes with the first round trip; the commit
    /// with the last. <paramref name="copy"/> streams rows into a table (PostgreSQL's COPY), for <see cref="CopyAsync"/>.
    /// </summary>
    public static WriteConnection Batched(DbConnection connection, IEnumerable<Statement> opening, Action roundTrip,
        Func<DbConnection, string, IReadOnlyList<object?[]>, Task>? copy = null) =>
        new(connection, null, opening, roundTrip, copy);

    /// <summary>Immediate: every statement runs at once in <paramref name="transaction"/>.</summary>
    public static WriteConnection Immediate(DbConnection connection, DbTransaction transaction, Action roundTrip) =>
        new(connection, transaction, [], roundTrip, null);

    private bool IsBatched => _transaction is null;

    /// <summary>True when new rows can be streamed (<see cref="CopyAsync"/>) rather than inserted one statement each.</summary>
    public bool CanCopy => _copy is not null;

    /// <summary>
    /// A new row of <paramref name="table"/> (values in its column order), held back and streamed with the other rows of
    /// the table before anything else held back is sent: for tables no statement of the transaction depends on.
    /// </summary>
    public Task CopyAsync(string table, object?[] values)
    {
        if (_copy is null)
        {
            throw new InvalidOperationException("This connection does not stream rows.");
        }
        if (!_copies.TryGetValue(table, out var rows))
        {
            _copies[table] = rows = [];
        }
        rows.Add(values);
        return Task.CompletedTask;
    }

    private bool HasHeldBack => _pending.Count > 0 || _copies.Count > 0;

    /// <summary>Streams the held-back rows (after the transaction's opening statements), one round trip per table.</summary>
    private async Task SendCopiesAsync()
    {
        if (_copies.Count == 0)
        {
            return;
        }
        if (!_sentOpening)
        {
            var consumers = new List<Action<DbDataReader>?>();
            var opening = _connection.CreateBatch();
            foreach (var statement in _opening)
            {
                Add(opening, statement);
                if (statement.ReturnsRows)
                {
                    consumers.Add(null);
                }
            }
            _sentOpening = true;
            await SendAsync(opening, consumers).ConfigureAwait(false);
        }
        foreach (var (table, rows) in _copies)
        {
            _roundTrip();
            await _copy!(_connection, table, rows).ConfigureAwait(false);
        }
        _copies.Clear();
    }

    /// <summary>A statement whose result is not needed: held back until the next read or the commit when batched.</summary>
    public async Task ExecuteAsync(Statement statement)
    {
        if (IsBatched)
        {
            _pending.Add(statement);
            return;
        }
        await using var command = Command(statement);
        _roundTrip();
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>Runs reads (each with its row handler) after everything held back, in one round trip when batched.</summary>
    public async Task QueryAsync(params IReadOnlyList<(Statement Statement, Action<DbDataReader> Row)> reads)
    {
        if (!IsBatched)
        {
            foreach (var (statement, row) in reads)
            {
                await using var command = Command(statement);
                _roundTrip();
                await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
                while (await reader.ReadAsync().ConfigureAwait(false))
                {
                    row(reader);
                }
            }
            return;
        }
        await SendCopiesAsync().ConfigureAwait(false);
        var consumers = new List<Action<DbDataReader>?>();
        var batch = NewBatch(consumers);
        foreach (var (statement, row) in reads)
        {
            Add(batch, statement);
            consumers.Add(row);
        }
        await SendAsync(batch, consumers).ConfigureAwait(false);
    }

    public async Task<List<T>> ListAsync<T>(Statement statement, Func<DbDataReader, T> map)
    {
        var list = new List<T>();
        await QueryAsync((statement, r => list.Add(map(r)))).ConfigureAwait(false);
        return list;
    }

    /// <summary>Sends what is held back (before a command created by other parts of the hub runs).</summary>
    public async Task FlushAsync()
    {
        if (IsBatched && (HasHeldBack || !_sentOpening))
        {
            await SendCopiesAsync().ConfigureAwait(false);
            var consumers = new List<Action<DbDataReader>?>();
            await SendAsync(NewBatch(consumers), consumers).ConfigureAwait(false);
        }
    }

    /// <summary>A command in the transaction that first sends what is held back, so it runs in order.</summary>
    public DbCommand CreateCommand(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return new FlushingCommand(command, this);
    }

    internal void CountRoundTrip() => _roundTrip();

    public async Task CommitAsync()
    {
        if (!IsBatched)
        {
            _roundTrip();
            await _transaction!.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            return;
        }
        if (!_sentOpening && !HasHeldBack)
        {
            return;
        }
        await SendCopiesAsync().ConfigureAwait(false);
        var consumers = new List<Action<DbDataReader>?>();
        var batch = NewBatch(consumers);
        Add(batch, new Statement("COMMIT"));
        await SendAsync(batch, consumers).ConfigureAwait(false);
    }

    /// <summary>Ends a failed transaction; a connection whose state is unknown is not returned to the pool as it is.</summary>
    public async Task RollbackAsync()
    {
        try
        {
            if (!IsBatched)
            {
                await _transaction!.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            }
            else if (_sentOpening)
            {
                await using var command = _connection.CreateCommand();
                command.CommandText = "ROLLBACK";
                await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (DbException)
        {
            // The server has already ended the transaction (or the connection broke): nothing was committed.
        }
        catch (InvalidOperationException)
        {
            // The connection is broken; disposing it discards the transaction.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync().ConfigureAwait(false);
        }
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private DbCommand Command(Statement statement)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = statement.Sql;
        foreach (var (name, value) in statement.Args)
        {
            command.With(name, value);
        }
        return command;
    }

    /// <summary>A batch holding the opening statements (first time only) and everything held back, with their row consumers.</summary>
    private DbBatch NewBatch(List<Action<DbDataReader>?> consumers)
    {
        var batch = _connection.CreateBatch();
        if (!_sentOpening)
        {
            foreach (var statement in _opening)
            {
                Add(batch, statement);
                if (statement.ReturnsRows)
                {
                    consumers.Add(null);
                }
            }
            _sentOpening = true;
        }
        foreach (var statement in _pending)
        {
            Add(batch, statement);
        }
        _pending.Clear();
        return batch;
    }

    private static void Add(DbBatch batch, Statement statement)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = statement.Sql;
        foreach (var (name, value) in statement.Args)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = Sql.ToDb(value);
            command.Parameters.Add(p);
        }
        batch.BatchCommands.Add(command);
    }

    /// <summary>
    /// One round trip. Statements that return no rows give no result set, or an empty one with no columns (drivers
    /// differ): those are skipped, so each consumer meets the result of its own statement, in order.
    /// </summary>
    private async Task SendAsync(DbBatch batch, List<Action<DbDataReader>?> consumers)
    {
        await using (batch.ConfigureAwait(false))
        {
            _roundTrip();
            if (consumers.Count == 0)
            {
                await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
                return;
            }
            await using var reader = await batch.ExecuteReaderAsync().ConfigureAwait(false);
            var more = true;
            foreach (var consume in consumers)
            {
                while (more && reader.FieldCount == 0)
                {
                    more = await reader.NextResultAsync().ConfigureAwait(false);
                }
                if (!more)
                {
                    throw new InvalidOperationException("A read of the write batch returned no result.");
                }
                while (await reader.ReadAsync().ConfigureAwait(false))
                {
                    consume?.Invoke(reader);
                }
                more = await reader.NextResultAsync().ConfigureAwait(false);
            }
            // Reading to the end surfaces an error of any statement after the last read.
            while (more)
            {
                more = await reader.NextResultAsync().ConfigureAwait(false);
            }
        }
    }
}

/// <summary>One SQL statement with <c>@name</c> parameters; <paramref name="ReturnsRows"/> for a read.</summary>
internal sealed record Statement(string Sql, IReadOnlyList<(string Name, object? Value)> Args, bool ReturnsRows = false)
{
    public Statement(string sql)
        : this(sql, [])
    {
    }

    public static Statement Write(string sql, params (string Name, object? Value)[] args) => new(sql, args);

    public static Statement Read(string sql, params (string Name, object? Value)[] args) => new(sql, args, ReturnsRows: true);
}
