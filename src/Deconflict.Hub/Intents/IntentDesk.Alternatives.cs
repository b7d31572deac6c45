using Deconflict.Core.Strategic;
using Deconflict.Hub.Auth;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Intents;

/// <summary>
/// Strategic alternatives as the desk offers them: found in Core against the index (buffers included), told and
/// counted like conflict answers for the parties whose hidden intents shaped them, recorded as the party's offer for
/// the intent id, and accepted by name through the same write as a PUT.
/// </summary>
public sealed partial class IntentDesk
{
    /// <summary>
    /// The alternatives to <paramref name="candidate"/> (its own party's), inside the caller's write: each one told and
    /// counted (<see cref="ProbeGuard.RecordAlternativeAsync"/>; one that would use up the budget is left out), and
    /// stored as the current offer for the intent id, replacing any earlier one. <paramref name="baseVersion"/>: the
    /// stored version an accepted alternative replaces (null: none is stored). <paramref name="counts"/>: the party's
    /// probe answers as the strategic answer in this write left them (<see cref="StrategicAnswer.Counts"/>); read when null.
    /// </summary>
    public async Task<IReadOnlyList<IntentAlternativeView>> OfferAsync(IHubWriter w, OperationalIntent candidate, long? baseVersion,
        IReadOnlyDictionary<string, int>? counts = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(candidate);
        var options = alternatives.Value;
        await AlternativeOffers.ClearAsync(w, candidate.Party, candidate.Id, w.Now - options.OfferTtl).ConfigureAwait(false);
        // Found against the committed index, then each checked again as this transaction has changed it: writes
        // committed together with this one are not in the index yet, and an offer must hold against them too.
        var found = StrategicAlternatives.Find(Index, candidate, options.Grid, BuffersFor).Where(a => FindConflicts(w, a.Intent).Count == 0).ToList();
        if (found.Count == 0)
        {
            return [];
        }
        var tally = new Dictionary<string, int>(counts ?? (await probes.ReadAsync(w, candidate.Party).ConfigureAwait(false)).Counts, StringComparer.Ordinal);
        var views = new List<IntentAlternativeView>(found.Count);
        foreach (var a in found)
        {
            var name = IntentAlternativeView.Names(a.Kind).Id;
            if (!await probes.RecordAlternativeAsync(w, candidate.Party, tally, name, a.ShapedBy).ConfigureAwait(false))
            {
                continue;
            }
            var geojson = IntentGeoJson.Write(a.Intent);
            await AlternativeOffers.SaveAsync(w, new AlternativeOffer(candidate.Party, candidate.Id, name, baseVersion, geojson, w.Now)).ConfigureAwait(false);
            views.Add(IntentAlternativeView.Of(a, geojson));
        }
        return views;
    }

    /// <summary>
    /// Alternatives for the party's stored live intent <paramref name="id"/> (<paramref name="candidate"/> null) or for a
    /// candidate: the strategic answer first, exactly as a check gives it (told, counted, 429 while the budget is used
    /// up), then the offer. Null when there is no such stored intent.
    /// </summary>
    public Task<AlternativesAnswer?> AlternativesAsync(string party, string id, OperationalIntent? candidate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(party);
        ArgumentNullException.ThrowIfNull(id);
        return store.WriteAsync<AlternativesAnswer?>(async w =>
        {
            // The index holds exactly the committed live intents (it follows every commit).
            var stored = Index.Get(party, id);
            var subject = candidate ?? stored;
            if (subject is null)
            {
                return null;
            }
            subject = subject with { Id = id, Party = party };
            var answer = await AnswerAsync(w, subject, c => c.Blocking).ConfigureAwait(false);
            if (answer.Refusal is not null)
            {
                return new AlternativesAnswer(answer, []);
            }
            return new AlternativesAnswer(answer, answer.Found.Count == 0 ? [] : await OfferAsync(w, subject, stored?.Version, answer.Counts).ConfigureAwait(false));
        }, ct);
    }

    /// <summary>
    /// Stores the offered alternative <paramref name="alternative"/> for the caller's intent <paramref name="id"/> through
    /// the write of a PUT: the strategic check runs again inside it (409 if the world changed since the offer, with fresh
    /// alternatives), and an intent that was stored when the offer was made must still be at that version (412).
    /// NotFound (field <c>alternative</c>) when no such offer is current.
    /// </summary>
    public Task<IntentOutcome> AcceptAlternativeAsync(CallerParty caller, string id, string alternative, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var party = caller.PartyId ?? throw new ArgumentException("Intents are declared by parties.", nameof(caller));
        return store.WriteAsync(async w =>
        {
            var offer = await AlternativeOffers.GetAsync(w, party, id, alternative).ConfigureAwait(false);
            if (offer is null || offer.OfferedAt < w.Now - alternatives.Value.OfferTtl)
            {
                return new IntentOutcome(IntentOutcomeKind.NotFound, Field: "alternative",
                    Detail: $"No current offer of '{alternative}' for intent '{id}' (offers last {alternatives.Value.OfferTtl.TotalMinutes:0} minutes and are replaced by each new answer); ask for alternatives again.");
            }
            var variant = IntentGeoJson.ReadStored(offer.GeoJson)[0] with { Id = id, Party = party };
            return await PutCoreAsync(w, caller, variant, offer.BaseVersion is { } v ? ETag(v) : null, c => c.Blocking, offer: true).ConfigureAwait(false);
        }, ct);
    }
}

/// <summary>What <see cref="IntentDesk.AlternativesAsync"/> answered: the strategic answer and the alternatives offered.</summary>
public sealed record AlternativesAnswer(StrategicAnswer Answer, IReadOnlyList<IntentAlternativeView> Alternatives);
