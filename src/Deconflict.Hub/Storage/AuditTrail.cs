using System.Data.Common;
using Deconflict.Core.Audit;

namespace Deconflict.Hub.Storage;

/// <summary>
/// Builds entries of the hub's hash-chained, signed audit table. The previous entry is known to the write that
/// appends (cached by the store while it holds the write lock, else read inside the transaction), and the entry is
/// stored in the same transaction as the change, so the chain stays consistent with the data even on a rollback.
/// </summary>
public sealed class AuditTrail(AuditChain chain)
{
    private const string Columns =
        "seq, time, actor, action, object_type, object_id, visibility_json, content_json, content_hash, previous_hash, entry_hash, signature";

    public AuditChain Chain { get; } = chain;

    /// <summary>The newest entry (the chain's tail), read inside a write transaction when the cached one is not known.</summary>
    internal static Statement TailQuery { get; } = Statement.Read($"SELECT {Columns} FROM audit ORDER BY seq DESC LIMIT 1");

    /// <summary>
    /// The entry after <paramref name="last"/> and the statement that stores it. Its sequence is the primary key, so
    /// an entry chained to a stale tail (another hub wrote meanwhile) fails its transaction instead of forking the chain.
    /// </summary>
    internal (AuditEntry Entry, Statement Insert) Next(AuditEntry? last, DateTimeOffset now, string actor, string action,
        string objectType, string objectId, IReadOnlyList<string> visibility, string contentJson)
    {
        var entry = Chain.Next(last, now, actor, action, objectType, objectId, visibility, contentJson);
        var insert = Statement.Write(
            $"INSERT INTO audit ({Columns}) VALUES (@seq, @time, @actor, @action, @type, @id, @vis, @content, @chash, @prev, @hash, @sig)",
            ("@seq", entry.Sequence), ("@time", AuditEncoding.FormatTime(entry.Time)), ("@actor", entry.Actor),
            ("@action", entry.Action), ("@type", entry.ObjectType), ("@id", entry.ObjectId),
            ("@vis", Sql.ToJsonList(entry.Visibility)), ("@content", entry.ContentJson), ("@chash", entry.ContentHash),
            ("@prev", entry.PreviousHash), ("@hash", entry.EntryHash), ("@sig", entry.Signature));
        return (entry, insert);
    }

    internal static string Receipt(AuditEntry entry) => new AuditReceipt(entry.Sequence, entry.EntryHash, entry.Signature ?? "").ToString();

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

    internal static AuditEntry ToEntry(DbDataReader r)
    {
        if (!AuditEncoding.TryParseTime(r.GetString(1), out var time))
        {
            throw new InvalidDataException($"audit entry {r.GetInt64(0)} has an unreadable time");
        }
        return new AuditEntry(r.GetInt64(0), time, r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
            Sql.FromJsonList(r.GetString(6)), r.GetString(7), r.GetString(8), r.GetString(9), r.GetString(10), Sql.StringOrNull(r, 11));
    }
}
