using System.Globalization;
using System.Text.Json;
using Deconflict.Core.Strategic;
using Deconflict.Hub.Agreements;
using Deconflict.Hub.Auth;
using Deconflict.Hub.Ground;
using Deconflict.Hub.Intents;
using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;
using Microsoft.Extensions.Options;

namespace Deconflict.Hub.Demo;

/// <summary>
/// <c>serve --demo</c>: a coalition, a second state's air force and a humanitarian organisation over Syria,
/// with agreements (full en/ru; conflicts_only en/en) and intents of which some conflict. Idempotent: what
/// exists is left alone; keys are issued once and kept in <c>&lt;data&gt;/demo-keys.json</c> (0600) to print again.
/// Everything goes through the same code paths as the API (audit entries, events, strategic check).
/// </summary>
public sealed class DemoScenario(IHubStore store, IntentDesk desk, AgreementBook book, HubBanner banner, IOptions<HubOptions> options, GroundDesk ground, StrikeDesk strikes)
{
    private static readonly (string Id, string Name, string Kind)[] Parties =
    [
        ("coalition", "Coalition air component", "coalition"),
        ("state-af", "Second state air force", "state"),
        ("relief", "Humanitarian relief convoys", "humanitarian"),
    ];

    /// <summary>
    /// What the demo is meant to show, printed in the start-up banner: each line names the conflict (its objects,
    /// joined by '+', as the conflicts list shows them) where the product's point can be seen.
    /// </summary>
    public static readonly (string Conflict, string Shows)[] Story =
    [
        ("COA-ORBIT-1+SAF-TRANSIT-1", "strategic: the second air force's transit crosses the coalition's orbit; declared at higher priority it was accepted, and both sides see the conflict"),
        ("COA-CAS-2+REL-DRONE-1", "need-to-know: the relief drone under the coalition's close air support; relief and coalition share conflicts only, so each sees the other's intent only here"),
        ("COA-CAS-2+REL-CLINIC-RAQQA", "ground: the CAS intent is designated a fire area over a notified clinic, so a ground conflict warns before any strike"),
    ];

    /// <summary>The demo parties' keys once seeded (party id → key), for the demo traffic.</summary>
    public IReadOnlyDictionary<string, string> Keys { get; private set; } = new Dictionary<string, string>();

    public async Task SeedAsync(CancellationToken ct)
    {
        var keysPath = Path.Combine(Path.GetFullPath(options.Value.DataDirectory), "demo-keys.json");
        var keys = File.Exists(keysPath)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(keysPath, ct).ConfigureAwait(false)) ?? []
            : [];
        foreach (var (id, name, kind) in Parties)
        {
            if (await store.GetPartyAsync(id, ct).ConfigureAwait(false) is null || !keys.ContainsKey(id))
            {
                keys[id] = await EnsurePartyAsync(id, name, kind, ct).ConfigureAwait(false);
            }
        }
        WriteKeys(keysPath, keys);
        Keys = keys;

        await EnsureAgreementAsync("coalition", "state-af", Sharing.Full, Sharing.Full, "en", "ru", ct).ConfigureAwait(false);
        await EnsureAgreementAsync("relief", "coalition", Sharing.ConflictsOnly, Sharing.ConflictsOnly, "en", "en", ct).ConfigureAwait(false);

        var day = DateTimeOffset.UtcNow;
        var start = new DateTimeOffset(day.Year, day.Month, day.Day, day.Hour, 0, 0, TimeSpan.Zero).AddHours(-1);
        string T(double hours) => UtcTimeConverter.Format(start.AddHours(hours));
        // Coalition: an orbit over Deir ez-Zor and close air support near Raqqa (low priority).
        await EnsureIntentAsync("coalition", "COA-ORBIT-1", 5, Corridor([[40.05, 35.25], [40.45, 35.40]], 10_000, 25_000, 30_000, T(0), T(8)), ct).ConfigureAwait(false);
        await EnsureIntentAsync("coalition", "COA-CAS-2", 2, Circle(39.02, 35.95, 12_000, 0, 15_000, T(0), T(6)), ct).ConfigureAwait(false);
        // Second air force: a transit crossing the coalition's orbit (higher priority: accepted, in conflict) and a patrol near Palmyra.
        await EnsureIntentAsync("state-af", "SAF-TRANSIT-1", 6, Corridor([[38.60, 35.05], [41.00, 35.55]], 5_000, 27_000, 29_000, T(1), T(4)), ct).ConfigureAwait(false);
        await EnsureIntentAsync("state-af", "SAF-CAP-2", 3, Circle(38.27, 34.56, 20_000, 20_000, 30_000, T(0), T(8)), ct).ConfigureAwait(false);
        // Relief: a convoy's survey drone near Raqqa under the coalition's CAS (in conflict) and a road move to Deir ez-Zor.
        await EnsureIntentAsync("relief", "REL-DRONE-1", 8, Circle(39.00, 35.96, 3_000, 0, 400, T(1), T(5)), ct).ConfigureAwait(false);
        await EnsureIntentAsync("relief", "REL-CONVOY-2", 8, Corridor([[38.95, 35.93], [40.14, 35.33]], 1_500, 0, 300, T(2), T(9)), ct).ConfigureAwait(false);

        await SeedGroundAsync(T(0), T(9), ct).ConfigureAwait(false);

        banner.Add("Demo parties (keys also in " + keysPath + "):");
        foreach (var (id, name, _) in Parties)
        {
            banner.Add($"  {id,-10} {name,-32} {keys[id]}");
        }
        banner.Add("Open the console as a party (the key signs in and leaves the address bar at once):");
        foreach (var (id, _, _) in Parties)
        {
            banner.Add($"  {id,-10} {{url}}/#key={keys[id]}");
        }
        banner.Add("Try: curl -H \"Authorization: Bearer " + keys["coalition"] + "\" {url}/api/v1/conflicts");
        banner.Add("What the demo shows (open the console as coalition, tab Conflicts):");
        foreach (var (conflict, shows) in Story)
        {
            banner.Add($"  {conflict}: {shows}");
        }
        banner.Add("  tactical: aircraft SAF01 (transit, FL275) and RFF301 (orbit, FL270) close on each other every few minutes: caution, then warning alerts to both;");
        banner.Add("  hotline: every conflict opens a thread; the second air force writes Russian, the coalition reads it in English beside the original.");
    }

    /// <summary>Ground: a relief clinic and warehouse near Raqqa, the road convoy notified, and the coalition's CAS intent designated as a fire area (a ground conflict).</summary>
    private async Task SeedGroundAsync(string from, string to, CancellationToken ct)
    {
        var relief = new CallerParty("relief", null, false);
        if (await ground.Ground.GetAsync(GroundStore.Site, "relief", "REL-CLINIC-RAQQA", ct).ConfigureAwait(false) is null)
        {
            await ground.PutSiteAsync(relief, Core.Ground.GroundGeoJson.ReadSite(
                "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[39.03,35.96]},\"properties\":{\"category\":\"health\",\"radius_m\":300,\"organisation\":\"Relief clinics\",\"notes\":\"field hospital, 40 beds\"}}",
                "REL-CLINIC-RAQQA", "relief"), ct).ConfigureAwait(false);
            await ground.PutSiteAsync(relief, Core.Ground.GroundGeoJson.ReadSite(
                "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[40.12,35.34]},\"properties\":{\"category\":\"warehouse\",\"organisation\":\"Relief clinics\"}}",
                "REL-WAREHOUSE-DEZ", "relief"), ct).ConfigureAwait(false);
            await ground.PutMovementAsync(relief, Core.Ground.GroundGeoJson.ReadMovement(
                $"{{\"type\":\"Feature\",\"geometry\":{{\"type\":\"LineString\",\"coordinates\":[[38.95,35.93],[40.14,35.33]]}},\"properties\":{{\"category\":\"convoy\",\"valid_from\":\"{from}\",\"valid_to\":\"{to}\"}}}}",
                "REL-CONVOY-2", "relief"), ct).ConfigureAwait(false);
            await strikes.MarkFireAreaAsync(new CallerParty("coalition", null, false), "COA-CAS-2", true, ct).ConfigureAwait(false);
        }
    }

    private async Task<string> EnsurePartyAsync(string id, string name, string kind, CancellationToken ct)
    {
        var (keyId, apiKey, hash) = ApiKeys.Generate();
        await store.WriteAsync(async w =>
        {
            if (await store.GetPartyAsync(id, ct).ConfigureAwait(false) is null)
            {
                await w.InsertPartyAsync(new PartyRecord(id, name, kind, w.Now)).ConfigureAwait(false);
                await w.AppendAuditAsync("admin", "party.create", "party", id, [id], HubJson.Serialize(new { id, name, kind, key_id = keyId })).ConfigureAwait(false);
            }
            await w.InsertKeyAsync(new ApiKeyRecord(keyId, id, hash, w.Now, null)).ConfigureAwait(false);
            return await w.AppendAuditAsync("admin", "key.issue", "party", id, [id], HubJson.Serialize(new { party = id, key_id = keyId })).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);
        return apiKey;
    }

    private async Task EnsureAgreementAsync(string proposer, string counterparty, Sharing toCounterparty, Sharing toProposer, string proposerLanguage, string counterpartyLanguage, CancellationToken ct)
    {
        if (book.ActiveBetween(proposer, counterparty) is not null)
        {
            return;
        }
        var terms = new AgreementTerms(AgreementBook.DefaultSeparation, new BufferTerms(0, 0, 0), new SharingTerms(toCounterparty, toProposer), 300,
            new LanguageTerms(proposerLanguage, counterpartyLanguage));
        var record = await store.WriteAsync(async w =>
        {
            var a = new AgreementRecord("ag-demo-" + proposer + "-" + counterparty, proposer, counterparty, AgreementStatus.Active, HubJson.Serialize(terms), w.Now, w.Now, null);
            await w.UpsertAgreementAsync(a).ConfigureAwait(false);
            var view = HubJson.Serialize(AgreementsApi.ToView(a));
            await w.AppendEventAsync("agreement", a.Id, "", [proposer, counterparty], view).ConfigureAwait(false);
            await w.AppendAuditAsync(proposer, "agreement.propose", "agreement", a.Id, [proposer, counterparty], view).ConfigureAwait(false);
            await w.AppendAuditAsync(counterparty, "agreement.accept", "agreement", a.Id, [proposer, counterparty], view).ConfigureAwait(false);
            w.AfterCommit(() => book.Apply(a));
            return a;
        }, ct).ConfigureAwait(false);
        _ = record;
    }

    private async Task EnsureIntentAsync(string party, string id, int priority, string features, CancellationToken ct)
    {
        if (await store.GetIntentAsync(party, id, ct).ConfigureAwait(false) is { } existing && existing.State != nameof(IntentState.Ended))
        {
            return;
        }
        var json = "{\"type\":\"FeatureCollection\",\"priority\":" + priority.ToString(CultureInfo.InvariantCulture) + ",\"features\":[" + features + "]}";
        var intent = IntentGeoJson.ReadIntent(json, id, party);
        var outcome = await desk.PutAsync(new CallerParty(party, null, false), intent, null, ct).ConfigureAwait(false);
        if (outcome.Kind is not (IntentOutcomeKind.Created or IntentOutcomeKind.Changed))
        {
            throw new InvalidOperationException($"demo intent {id} was refused: {outcome.Kind} {outcome.Detail}");
        }
    }

    private static string Circle(double lon, double lat, double radiusM, double lowerFt, double upperFt, string start, string end) =>
        Feature($"{{\"type\":\"Point\",\"coordinates\":[{N(lon)},{N(lat)}]}}", lowerFt, upperFt, start, end, $",\"radius_m\":{N(radiusM)}");

    private static string Corridor(double[][] path, double halfWidthM, double lowerFt, double upperFt, string start, string end) =>
        Feature("{\"type\":\"LineString\",\"coordinates\":[" + string.Join(",", path.Select(p => $"[{N(p[0])},{N(p[1])}]")) + "]}",
            lowerFt, upperFt, start, end, $",\"half_width_m\":{N(halfWidthM)}");

    private static string Feature(string geometry, double lowerFt, double upperFt, string start, string end, string extra) =>
        $"{{\"type\":\"Feature\",\"geometry\":{geometry},\"properties\":{{\"alt_lower_ft\":{N(lowerFt)},\"alt_upper_ft\":{N(upperFt)},\"time_start\":\"{start}\",\"time_end\":\"{end}\"{extra}}}}}";

    private static string N(double v) => v.ToString(CultureInfo.InvariantCulture);

    private static void WriteKeys(string path, Dictionary<string, string> keys)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        var fileOptions = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(temp, fileOptions))
        {
            JsonSerializer.Serialize(stream, keys, new JsonSerializerOptions { WriteIndented = true });
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }
}
