using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Deconflict.Core.Hotline;
using Deconflict.Core.Tactical.Bands;
using Deconflict.Hub.Agreements;
using Deconflict.Hub.Intents;
using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;
using Deconflict.Hub.Tracks;

namespace Deconflict.Hub.Hotline;

/// <summary>
/// Drafts proposals in a tactical alert's thread from the guidance bands its conflict carries. The aircraft that
/// should move is chosen by <see cref="ManoeuvreRule.WhoMoves"/> (the one flying the lower-priority intent; else the
/// one with the smaller conflict-free change); the other aircraft's party is offered a <c>REQUEST_ALTITUDE_CHANGE</c>
/// to the mover's nearest conflict-free flight level, or a <c>REQUEST_HEADING_CHANGE</c> when no level is free,
/// naming the mover's track. Drafts are computed on reading from the committed conflict, so they always match the
/// bands shown with it, and are never stored. Need-to-know: a draft names the other party's aircraft and one value
/// taken from its bands, so it is offered only when that party shares something with the reader (it may then see
/// that aircraft, which is in the open conflict with its own); a draft already sent is not offered again.
/// </summary>
public sealed class HotlineDrafts(IHubStore store, HotlineStore hotline, HotlineDesk desk, AgreementBook book, IntentDesk intents)
{
    /// <summary>The drafts <paramref name="reader"/> may send in <paramref name="thread"/>, each with its validated message.</summary>
    public async Task<IReadOnlyList<(DraftView View, HotlineMessage Message)>> ForAsync(string reader, ThreadRecord thread, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(thread);
        if (thread.ConflictId is null || reader.Length == 0 || !thread.Parties.Contains(reader))
        {
            return [];
        }
        var conflict = await store.GetConflictAsync(thread.ConflictId, ct).ConfigureAwait(false);
        if (conflict is not { Kind: LiveConflictSync.TacticalKind, Status: "open" } || Bands(conflict.DetailJson) is not { Count: > 0 } bands)
        {
            return [];
        }
        var candidates = bands.Select(b => new ManoeuvreCandidate(b.Party, b.TrackId,
            b.IntentId is null ? null : intents.Index.Get(b.Party, b.IntentId)?.Priority, b.ToOwnshipBands())).ToList();
        var (mover, manoeuvre) = candidates.Count == 1
            ? ManoeuvreRule.Proposal(candidates[0].Bands) is { } only ? (0, only) : (-1, default)
            : ManoeuvreRule.WhoMoves(candidates[0], candidates[1]);
        if (mover < 0)
        {
            return [];
        }
        var moving = bands[mover];
        // The requester is the other party of the conflict; it is told only what it may learn of the mover.
        var sender = conflict.Parties.FirstOrDefault(p => p != moving.Party);
        if (sender != reader || book.SharingOf(moving.Party, reader) == Sharing.None)
        {
            return [];
        }
        var (template, parameters) = manoeuvre.Kind == BandKind.Altitude
            ? (HotlineTemplates.RequestAltitudeChange, HubJson.Serialize(new { flight_level = manoeuvre.FlightLevel, track_id = moving.TrackId }))
            : (HotlineTemplates.RequestHeadingChange, HubJson.Serialize(new { heading_deg = Heading(manoeuvre.Value), track_id = moving.TrackId }));
        using var json = JsonDocument.Parse(parameters);
        var parsed = HotlineMessageParser.Parse(template, json.RootElement, null);
        if (!parsed.IsValid)
        {
            return [];
        }
        var message = parsed.Message!;
        var id = DraftId(thread.Id, sender, message);
        var sent = await hotline.MessagesAsync(thread.Id, ct).ConfigureAwait(false);
        if (sent.Any(m => m.Sender == sender && m.Template == template && m.ParamsJson == message.ParametersJson()))
        {
            return [];
        }
        var recipients = thread.Parties.Where(p => p != sender).ToList();
        var languages = new List<string> { desk.LanguageOf(sender, recipients) };
        languages.AddRange(recipients.Select(r => desk.LanguageOf(r, [sender])));
        var rendered = languages.Distinct(StringComparer.Ordinal)
            .Select(l => desk.Catalog.Render(message, l))
            .Select(r => new RenderedText(r.Language, r.Text)).ToList();
        var view = new DraftView(id, thread.Id, thread.ConflictId, sender, recipients, template,
            JsonDocument.Parse(message.ParametersJson()).RootElement.Clone(),
            new DraftBasis(moving.Party, moving.TrackId, manoeuvre.Kind == BandKind.Altitude ? "altitude" : "heading", moving.ComputedAt), rendered);
        return [(view, message)];
    }

    /// <summary>A draft's id: a digest of what it says and who would send it where.</summary>
    public static string DraftId(string threadId, string sender, HotlineMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{threadId}\n{sender}\n{message.Template.Id}\n{message.ParametersJson()}"));
        return "dr-" + Convert.ToHexStringLower(hash)[..20];
    }

    /// <summary>Whole degrees 1–360, north as 360 (the hotline's heading convention).</summary>
    private static int Heading(double trackDeg)
    {
        var deg = (int)Math.Round(trackDeg) % 360;
        return deg <= 0 ? deg + 360 : deg;
    }

    private static List<AircraftBands>? Bands(string detailJson)
    {
        using var detail = JsonDocument.Parse(detailJson);
        return detail.RootElement.ValueKind == JsonValueKind.Object && detail.RootElement.TryGetProperty("bands", out var bands)
            && bands.ValueKind == JsonValueKind.Array
            ? bands.Deserialize<List<AircraftBands>>(HubJson.Options)
            : null;
    }
}
