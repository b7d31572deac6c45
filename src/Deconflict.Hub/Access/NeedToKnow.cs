using Deconflict.Hub.Agreements;
using Deconflict.Hub.Auth;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Access;

/// <summary>
/// The one visibility rule, used by every endpoint, the event stream and the audit export: what a viewer may see
/// of an object owned by another party. Objects are named by (kind, owner, id), never by id alone. The owner sees
/// its own; otherwise the owner's sharing towards the viewer under their active agreement decides: <c>full</c> =
/// everything, <c>conflicts_only</c> = only objects in an open conflict the viewer is part of, <c>none</c> (or no
/// agreement) = nothing. A conflict is seen by its parties.
/// </summary>
public sealed class NeedToKnow(AgreementBook agreements, IHubStore store)
{
    /// <summary>The decision for one object, given the objects in the viewer's open conflicts.</summary>
    public bool CanSee(string viewer, ObjectRef obj, IReadOnlySet<ObjectRef> viewerConflictObjects)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(viewerConflictObjects);
        if (viewer.Length == 0)
        {
            return false;
        }
        if (obj.Party == viewer)
        {
            return true;
        }
        return agreements.SharingOf(obj.Party, viewer) switch
        {
            Sharing.Full => true,
            Sharing.ConflictsOnly => viewerConflictObjects.Contains(obj),
            _ => false,
        };
    }

    /// <summary>Whether <paramref name="caller"/> may see <paramref name="obj"/> (one store query at most).</summary>
    public async Task<bool> CanSeeAsync(CallerParty caller, ObjectRef obj, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(obj);
        if (caller.PartyId is null)
        {
            return false;
        }
        if (obj.Party == caller.PartyId)
        {
            return true;
        }
        return agreements.SharingOf(obj.Party, caller.PartyId) switch
        {
            Sharing.Full => true,
            Sharing.ConflictsOnly => (await ConflictObjectsAsync(caller.PartyId, cancellationToken).ConfigureAwait(false)).Contains(obj),
            _ => false,
        };
    }

    /// <summary>
    /// The objects a caller may mean by a bare id, ids being unique per owner only: its own live one, else
    /// <paramref name="party"/>'s, else every party's with that id; of those, the ones the caller may see.
    /// <paramref name="liveRef"/> names a live object and is null for one that has ended.
    /// </summary>
    public async Task<IReadOnlyList<T>> VisibleByIdAsync<T>(CallerParty caller, string? party, Func<string, Task<T?>> ofParty,
        Func<Task<IReadOnlyList<T>>> ofAnyParty, Func<T, ObjectRef?> liveRef, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(ofParty);
        ArgumentNullException.ThrowIfNull(ofAnyParty);
        ArgumentNullException.ThrowIfNull(liveRef);
        var candidates = new List<T?>();
        if (party is not null)
        {
            candidates.Add(await ofParty(party).ConfigureAwait(false));
        }
        else if (caller.PartyId is { } own && await ofParty(own).ConfigureAwait(false) is { } mine && liveRef(mine) is not null)
        {
            candidates.Add(mine);
        }
        else
        {
            candidates.AddRange(await ofAnyParty().ConfigureAwait(false));
        }
        var visible = new List<T>();
        foreach (var c in candidates)
        {
            if (c is not null && liveRef(c) is { } obj && await CanSeeAsync(caller, obj, cancellationToken).ConfigureAwait(false))
            {
                visible.Add(c);
            }
        }
        return visible;
    }

    /// <summary>
    /// Whether the viewer may be told that <paramref name="obj"/> exists and conflicts with its own (its id and
    /// owner in a conflict answer): the owner shares something with the viewer (<c>full</c> or <c>conflicts_only</c>).
    /// </summary>
    public bool MayName(string viewer, ObjectRef obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return viewer.Length > 0 && (obj.Party == viewer || agreements.SharingOf(obj.Party, viewer) != Sharing.None);
    }

    /// <summary>Whether the owner shares everything with the viewer, so nothing of its objects is hidden from it.</summary>
    public bool SharesAll(string owner, string viewer) => owner == viewer || agreements.SharingOf(owner, viewer) == Sharing.Full;

    /// <summary>Objects in the viewer's open conflicts (load once per list or per event batch).</summary>
    public Task<IReadOnlySet<ObjectRef>> ConflictObjectsAsync(string viewer, CancellationToken cancellationToken) =>
        viewer.Length == 0 ? Task.FromResult<IReadOnlySet<ObjectRef>>(new HashSet<ObjectRef>()) : store.ObjectsInOpenConflictsAsync(viewer, cancellationToken);

    public static bool CanSeeConflict(string viewer, ConflictRecord conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        return viewer.Length > 0 && conflict.Parties.Contains(viewer);
    }

    /// <summary>
    /// An event is seen by the parties it names, and (when it has an owner) by whoever may see its object, which is
    /// (event type as kind, owner, object id).
    /// </summary>
    public bool CanSeeEvent(string viewer, EventRecord e, IReadOnlySet<ObjectRef> viewerConflictObjects)
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
        return e.OwnerParty.Length > 0 && CanSee(viewer, new ObjectRef(e.Type, e.OwnerParty, e.ObjectId), viewerConflictObjects);
    }
}
