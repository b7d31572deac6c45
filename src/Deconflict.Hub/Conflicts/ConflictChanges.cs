using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Conflicts;

/// <summary>
/// How every kind of conflict (strategic, tactical, conformance, ground) is recorded: a new id, the public view
/// published to its parties, and each change stored with an event to those parties and an audit entry, in the
/// caller's write transaction.
/// </summary>
public static class ConflictChanges
{
    /// <summary>A new conflict id: time-ordered, 20 hex digits after <c>cf-</c>.</summary>
    public static string NewId() => "cf-" + Guid.CreateVersion7().ToString("N")[..20];

    /// <summary>The conflict as published to its parties: ids, kind, level, status, times; no overlap detail.</summary>
    public static ConflictView PublicView(ConflictRecord c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new ConflictView(c.Id, c.Kind, c.Parties, c.Objects, c.Level, c.Status, c.DetectedAt, c.UpdatedAt, c.ClearedAt, null);
    }

    /// <summary>Stores the conflict, publishes its public view as an event and audits the change with its detail.</summary>
    public static async Task SaveAsync(IHubWriter w, ConflictRecord c, string action)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(c);
        await w.UpsertConflictAsync(c).ConfigureAwait(false);
        var view = PublicView(c);
        await w.AppendEventAsync("conflict", c.Id, "", c.Parties, HubJson.Serialize(view)).ConfigureAwait(false);
        await w.AppendAuditAsync("hub", action, "conflict", c.Id, c.Parties, HubJson.Serialize(new { conflict = view, detail = c.DetailJson })).ConfigureAwait(false);
    }

    /// <summary>Clears an open conflict now: stored, published and audited as <c>conflict.clear</c>.</summary>
    public static Task ClearAsync(IHubWriter w, ConflictRecord open)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(open);
        return SaveAsync(w, open with { Status = "cleared", ClearedAt = w.Now, UpdatedAt = w.Now }, "conflict.clear");
    }
}
