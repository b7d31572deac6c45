using System.Data.Common;
using Deconflict.Core.Audit;

namespace Deconflict.Hub.Storage;

/// <summary>
/// Appends entries to the hub's hash-chained, signed audit table. The previous entry is read inside the
/// same write transaction, so the chain stays consistent with the data even when a transaction rolls back.
/// </summary>
public sealed class AuditTrail(AuditChain chain)
{
    private const string Columns =
        "seq, time, actor, action, object_type, object_id, visibility_json, content_json, content_hash, previous_hash, entry_hash, signature";

    public AuditChain Chain { get; } = chain;

    internal async Task<string> AppendAsync(IHubWriter writer, DateTimeOffset now, string actor, string action,
        string objectType, string objectId, IReadOnlyList<string> visibility, string contentJson)
    {
        AuditEntry? last;
        await using (var read = writer.CreateCommand($"SELECT {Columns} FROM audit ORDER BY seq DESC LIMIT 1"))
        {
            last = await read.FirstAsync(ToEntry, CancellationToken.None).ConfigureAwait(false);
        }
        var entry = Chain.Next(last, now, actor, action, objectType, objectId, visibility, contentJson);
        await using var insert = writer.CreateCommand(
            $"INSERT INTO audit ({Columns}) VALUES (@seq, @time, @actor, @action, @type, @id, @vis, @content, @chash, @prev, @hash, @sig)");
        insert.With("@seq", entry.Sequence).With("@time", AuditEncoding.FormatTime(entry.Time)).With("@actor", entry.Actor)
            .With("@action", entry.Action).With("@type", entry.ObjectType).With("@id", entry.ObjectId)
            .With("@vis", Sql.ToJsonList(entry.Visibility)).With("@content", entry.ContentJson).With("@chash", entry.ContentHash)
            .With("@prev", entry.PreviousHash).With("@hash", entry.EntryHash).With("@sig", entry.Signature);
        await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
        return new AuditReceipt(entry.Sequence, entry.EntryHash, entry.Signature ?? "").ToString();
    }

    /// <summary>Reads entries in sequence order, optionally limited to a time window (for export).</summary>
    public static async Task<IReadOnlyList<AuditEntry>> ReadAsync(IHubStore store, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = await store.OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM audit ORDER BY seq";
        var all = await command.ListAsync(ToEntry, cancellationToken).ConfigureAwait(false);
        return all.Where(e => (from is null || e.Time >= from) && (to is null || e.Time < to)).ToList();
    }

    private static AuditEntry ToEntry(DbDataReader r)
    {
        if (!AuditEncoding.TryParseTime(r.GetString(1), out var time))
        {
            throw new InvalidDataException($"audit entry {r.GetInt64(0)} has an unreadable time");
        }
        return new AuditEntry(r.GetInt64(0), time, r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
            Sql.FromJsonList(r.GetString(6)), r.GetString(7), r.GetString(8), r.GetString(9), r.GetString(10), Sql.StringOrNull(r, 11));
    }
}
