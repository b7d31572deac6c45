using Deconflict.Core.Surveillance;
using Deconflict.Hub.Access;
using Deconflict.Hub.Agreements;
using Deconflict.Hub.Auth;
using Deconflict.Hub.Conflicts;
using Deconflict.Hub.Ground;
using Deconflict.Hub.Intents;
using Deconflict.Hub.Storage;
using Deconflict.Hub.Tracks;

namespace Deconflict.Hub.Exports;

/// <summary>
/// What a party may read of each kind of object, asked once: the JSON lists and every export (KML, ACO, GeoJSON,
/// CSV) read through these, so a download can never show more than the list it mirrors. Visibility itself is
/// <see cref="NeedToKnow"/>'s; conflicts are built by <see cref="ConflictViews"/>.
/// </summary>
public static class VisibleReads
{
    /// <summary>The live intents the caller may see whose windows meet [from, to).</summary>
    public static async Task<IReadOnlyList<IntentRecord>> IntentsAsync(CallerParty caller, DateTimeOffset? from, DateTimeOffset? to,
        IHubStore store, NeedToKnow needToKnow, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(needToKnow);
        if (caller.PartyId is null)
        {
            return [];
        }
        var rows = await store.ListIntentsAsync(new IntentQuery(null, null, null, null, from, to), ct).ConfigureAwait(false);
        var conflictObjects = await needToKnow.ConflictObjectsAsync(caller.PartyId, ct).ConfigureAwait(false);
        return [.. rows.Where(r => needToKnow.CanSee(caller.PartyId, StrategicConflictSync.Ref(r.Party, r.Id), conflictObjects))];
    }

    /// <summary>The caller's conflicts with status <paramref name="status"/> (null: all), each as the caller may see it.</summary>
    public static async Task<IReadOnlyList<ConflictView>> ConflictsAsync(CallerParty caller, string? status, IHubStore store, AgreementBook book, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(store);
        if (caller.PartyId is null)
        {
            return [];
        }
        var list = await store.ListConflictsAsync(caller.PartyId, status, ct).ConfigureAwait(false);
        return [.. list.Where(c => NeedToKnow.CanSeeConflict(caller.PartyId, c)).Select(c => ConflictViews.For(c, caller.PartyId, book))];
    }

    /// <summary>The live tracks the caller may see, by id.</summary>
    public static async Task<IReadOnlyList<LiveTrack>> TracksAsync(CallerParty caller, LivePicture picture, NeedToKnow needToKnow, double staleAfterS, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(needToKnow);
        if (caller.PartyId is null)
        {
            return [];
        }
        var tracks = new List<LiveTrack>();
        picture.Store.CopyTo(tracks);
        var conflictObjects = await needToKnow.ConflictObjectsAsync(caller.PartyId, ct).ConfigureAwait(false);
        var live = picture.NowS - staleAfterS;
        return [.. tracks
            .Where(t => t.TimeS >= live && needToKnow.CanSee(caller.PartyId, new ObjectRef(ObjectRef.Track, t.Party ?? "", t.Id), conflictObjects))
            .OrderBy(t => t.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The recorded samples of the tracks the caller may see now (the rule of <see cref="TracksAsync"/>: a track
    /// seen only through an open conflict shows its past only while that conflict is open), report times in
    /// [<paramref name="fromS"/>, <paramref name="toS"/>], at most one per track per <paramref name="everyS"/>;
    /// null when more than <paramref name="limit"/> samples would be answered.
    /// </summary>
    public static async Task<IReadOnlyList<LiveTrack>?> TrackHistoryAsync(CallerParty caller, LivePicture picture, NeedToKnow needToKnow,
        double fromS, double toS, double everyS, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(needToKnow);
        if (caller.PartyId is null)
        {
            return [];
        }
        var conflictObjects = await needToKnow.ConflictObjectsAsync(caller.PartyId, ct).ConfigureAwait(false);
        var samples = new List<LiveTrack>();
        // Visibility is decided per track, before the limit counts, so a hidden track cannot make a reply fail.
        var complete = picture.History.Window(fromS, toS, everyS, limit, samples,
            t => needToKnow.CanSee(caller.PartyId, new ObjectRef(ObjectRef.Track, t.Party ?? "", t.Id), conflictObjects));
        return complete ? samples : null;
    }

    /// <summary>
    /// The live ground objects of <paramref name="kind"/> (site, movement, zone) the caller may see. Showing them is a
    /// disclosure: the caller must record it with <see cref="GroundDesk.RecordDisclosureAsync"/> when it replies.
    /// </summary>
    public static async Task<IReadOnlyList<GroundObjectRecord>> GroundAsync(CallerParty caller, string kind, GroundDesk desk, NeedToKnow needToKnow, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(desk);
        ArgumentNullException.ThrowIfNull(needToKnow);
        if (caller.PartyId is null)
        {
            return [];
        }
        var all = await desk.Ground.ListAsync(kind, null, ct).ConfigureAwait(false);
        var conflictObjects = await needToKnow.ConflictObjectsAsync(caller.PartyId, ct).ConfigureAwait(false);
        return [.. all.Where(o => needToKnow.CanSee(caller.PartyId, new ObjectRef(kind, o.Party, o.Id), conflictObjects))];
    }
}
