using Deconflict.Hub.Agreements;
using Deconflict.Hub.Auth;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Access;

/// <summary>
/// The one visibility rule, used by every endpoint and by the event stream: what a viewer may see of an
/// object owned by another party. The owner sees its own; otherwise the owner's sharing towards the viewer
/// under their active agreement decides: <c>full</c> = everything, <c>conflicts_only</c> = only objects in an
/// open conflict the viewer is part of, <c>none</c> (or no agreement) = nothing. A conflict is seen by its parties.
/// </summary>
public sealed class NeedToKnow(AgreementBook agreements, IHubStore store)
{
    /// <summary>The decision for one object, given the ids of objects in the viewer's open conflicts.</summary>
    public bool CanSee(string viewer, string owner, string objectId, IReadOnlySet<string> viewerConflictObjects)
    {
        ArgumentNullException.ThrowIfNull(viewerConflictObjects);
        if (viewer.Length == 0)
        {
            return false;
        }
        if (owner == viewer)
        {
            return true;
        }
        return agreements.SharingOf(owner, viewer) switch
        {
            Sharing.Full => true,
            Sharing.ConflictsOnly => viewerConflictObjects.Contains(objectId),
            _ => false,
        };
    }

    /// <summary>Whether <paramref name="caller"/> may see an object owned by <paramref name="owner"/> (one store query at most).</summary>
    public async Task<bool> CanSeeAsync(CallerParty caller, string owner, string objectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.PartyId is null)
        {
            return false;
        }
        if (owner == caller.PartyId)
        {
            return true;
        }
        return agreements.SharingOf(owner, caller.PartyId) switch
        {
            Sharing.Full => true,
            Sharing.ConflictsOnly => (await ConflictObjectsAsync(caller.PartyId, cancellationToken).ConfigureAwait(false)).Contains(objectId),
            _ => false,
        };
    }

    /// <summary>Ids of objects in the viewer's open conflicts (load once per list or per event batch).</summary>
    public Task<IReadOnlySet<string>> ConflictObjectsAsync(string viewer, CancellationToken cancellationToken) =>
        viewer.Length == 0 ? Task.FromResult<IReadOnlySet<string>>(new HashSet<string>()) : store.ObjectsInOpenConflictsAsync(viewer, cancellationToken);

    public static bool CanSeeConflict(string viewer, ConflictRecord conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        return viewer.Length > 0 && conflict.Parties.Contains(viewer);
    }

    /// <summary>
    /// An event is seen by the parties it names, and (when it has an owner) by whoever may see its object.
    /// </summary>
    public bool CanSeeEvent(string viewer, EventRecord e, IReadOnlySet<string> viewerConflictObjects)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (viewer.Length == 0)
        {
            return false;
        }
        if (e.Parties.Contains(viewer))
        {
            return true;
        }
        return e.OwnerParty.Length > 0 && CanSee(viewer, e.OwnerParty, e.ObjectId, viewerConflictObjects);
    }
}
