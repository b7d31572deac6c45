using Deconflict.Core.Audit;

namespace Deconflict.Hub.Storage;

/// <summary>
/// The newest audit entry and event sequence as of the last committed write. The store keeps them while it is the
/// only writer (between writes, behind its write lock), so a write chains its audit entry and numbers its events
/// without reading them back; after a failed write they are read again inside the next transaction.
/// </summary>
internal sealed record WriteTails(AuditEntry? Audit, long EventSequence)
{
    public static Statement EventQuery { get; } = Statement.Read("SELECT COALESCE(MAX(seq), 0) FROM events");

    /// <summary>The newest audit sequence (0 when none).</summary>
    public long AuditSequence => Audit?.Sequence ?? 0;

    /// <summary>Both tails, read in one round trip of <paramref name="db"/>.</summary>
    public static async Task<WriteTails> ReadAsync(WriteConnection db)
    {
        AuditEntry? last = null;
        long seq = 0;
        await db.QueryAsync(
            (AuditTrail.TailQuery, r => last = AuditTrail.ToEntry(r)),
            (EventQuery, r => seq = r.GetInt64(0))).ConfigureAwait(false);
        return new WriteTails(last, seq);
    }
}
