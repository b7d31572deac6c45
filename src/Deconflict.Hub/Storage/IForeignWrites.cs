namespace Deconflict.Hub.Storage;

/// <summary>
/// Brings this hub's memory up to date with writes other hubs of the cluster committed to the shared database: the
/// audit entries name what changed (one per write), the events are what the event streams must also carry.
/// Called by the store behind its write lock, in commit order, before a write that must see them is checked.
/// </summary>
public interface IForeignWrites
{
    Task ApplyAsync(IReadOnlyList<ForeignEntry> entries, IReadOnlyList<EventRecord> events, CancellationToken cancellationToken);
}

/// <summary>What an audit entry says about a write: who did what to which object (its content for the details).</summary>
public sealed record ForeignEntry(long Sequence, string Actor, string Action, string ObjectType, string ObjectId, string ContentJson);
