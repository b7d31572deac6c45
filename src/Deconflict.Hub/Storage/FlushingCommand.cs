using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Deconflict.Hub.Storage;

/// <summary>
/// A command of the write transaction for tables of other parts of the hub: before it runs, what the
/// <see cref="WriteConnection"/> holds back is sent, so statements reach the database in the order they were made.
/// </summary>
internal sealed class FlushingCommand(DbCommand inner, WriteConnection owner) : DbCommand
{
    [AllowNull]
    public override string CommandText { get => inner.CommandText; set => inner.CommandText = value; }

    public override int CommandTimeout { get => inner.CommandTimeout; set => inner.CommandTimeout = value; }

    public override CommandType CommandType { get => inner.CommandType; set => inner.CommandType = value; }

    public override bool DesignTimeVisible { get => inner.DesignTimeVisible; set => inner.DesignTimeVisible = value; }

    public override UpdateRowSource UpdatedRowSource { get => inner.UpdatedRowSource; set => inner.UpdatedRowSource = value; }

    protected override DbConnection? DbConnection { get => inner.Connection; set => inner.Connection = value; }

    protected override DbParameterCollection DbParameterCollection => inner.Parameters;

    protected override DbTransaction? DbTransaction { get => inner.Transaction; set => inner.Transaction = value; }

    public override void Cancel() => inner.Cancel();

    public override void Prepare() => inner.Prepare();

    protected override DbParameter CreateDbParameter() => inner.CreateParameter();

    public override int ExecuteNonQuery() => throw Synchronous();

    public override object? ExecuteScalar() => throw Synchronous();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => throw Synchronous();

    public override async Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken)
    {
        await owner.FlushAsync().ConfigureAwait(false);
        owner.CountRoundTrip();
        return await inner.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken)
    {
        await owner.FlushAsync().ConfigureAwait(false);
        owner.CountRoundTrip();
        return await inner.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
    {
        await owner.FlushAsync().ConfigureAwait(false);
        owner.CountRoundTrip();
        return await inner.ExecuteReaderAsync(behavior, cancellationToken).ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private static NotSupportedException Synchronous() =>
        new("Commands of a write transaction run asynchronously (ExecuteNonQueryAsync, ExecuteReaderAsync, ExecuteScalarAsync).");
}
