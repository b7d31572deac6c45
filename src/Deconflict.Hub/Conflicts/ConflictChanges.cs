using Deconflict.Hub.Agreements;
using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Conflicts;

/// <summary>
/// How every kind of conflict (strategic, tactical, conformance, ground) is recorded: a new id, the event to its
/// parties (narrowed for each reader at delivery) and each change stored with an audit entry whose content is what
/// every party of the conflict may learn, in the caller's write transaction.
/// </summary>
public static class ConflictChanges
{
    /// <summary>A new conflict id: time-ordered, 20 hex digits after <c>cf-</c>.</summary>
    public static string NewId() => "cf-" + Guid.CreateVersion7().ToString("N")[..20];

    /// <summary>Stores the conflict, publishes it as an event and audits the change as its parties may all read it.</summary>
    public static async Task SaveAsync(IHubWriter w, ConflictRecord c, string action, AgreementBook book)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(c);
        await w.UpsertConflictAsync(c).ConfigureAwait(false);
        await w.AppendEventAsync("conflict", c.Id, "", c.Parties, HubJson.Serialize(ConflictViews.Full(c))).ConfigureAwait(false);
        await w.AppendAuditAsync("hub", action, "conflict", c.Id, c.Parties, HubJson.Serialize(new { conflict = ConflictViews.Common(c, book) })).ConfigureAwait(false);
    }

    /// <summary>Clears an open conflict now: stored, published and audited as <c>conflict.clear</c>.</summary>
    public static Task ClearAsync(IHubWriter w, ConflictRecord open, AgreementBook book)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(open);
        return SaveAsync(w, open with { Status = "cleared", ClearedAt = w.Now, UpdatedAt = w.Now }, "conflict.clear", book);
    }
}
