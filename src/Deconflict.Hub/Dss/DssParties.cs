using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Dss;

/// <summary>
/// Maps a token subject (a USS) to its hub party of kind <c>operator</c>: the one created with that
/// <c>f3548_subject</c>, else one made on first use (id <c>uss-&lt;subject&gt;</c>, audited), so that an F3548 test
/// run needs no set-up beyond keys; agreements with that party then apply to the USS as to any other party.
/// </summary>
public sealed class DssParties(IHubStore store, DssState state)
{
    public async Task<string> PartyOfAsync(string subject, CancellationToken ct)
    {
        if (state.Subjects.TryGetValue(subject, out var known))
        {
            return known;
        }
        return await store.WriteAsync(async w =>
        {
            if (state.Subjects.TryGetValue(subject, out var mapped))
            {
                return mapped;
            }
            var stem = Slug(subject);
            var id = stem;
            for (var n = 2; await store.GetPartyAsync(id, ct).ConfigureAwait(false) is not null || await store.FindPartyByNameAsync(Name(subject, id, stem), ct).ConfigureAwait(false) is not null; n++)
            {
                id = $"{stem[..Math.Min(stem.Length, 58)]}-{n}";
            }
            var name = Name(subject, id, stem);
            await w.InsertPartyAsync(new PartyRecord(id, name, "operator", w.Now)).ConfigureAwait(false);
            await DssStore.MapSubjectAsync(w, subject, id).ConfigureAwait(false);
            await w.AppendAuditAsync("dss", "party.create", "party", id, [id], HubJson.Serialize(new { id, name, kind = "operator", f3548_subject = subject })).ConfigureAwait(false);
            w.AfterCommit(() => state.Subjects[subject] = id);
            return id;
        }, ct).ConfigureAwait(false);
    }

    private static string Name(string subject, string id, string stem) => id == stem ? $"USS {subject}" : $"USS {subject} ({id})";

    private static string Slug(string subject)
    {
        var chars = subject.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        slug = "uss-" + (slug.Length == 0 ? "unnamed" : slug);
        return slug.Length > 64 ? slug[..64].TrimEnd('-', '.', '_') : slug;
    }
}
