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
}
