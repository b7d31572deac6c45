using System.Globalization;
using System.Text;
using Deconflict.Core.Formats.Aco;
using Deconflict.Core.Formats.Kml;
using Deconflict.Hub.Access;
using Deconflict.Hub.Agreements;
using Deconflict.Hub.Auth;
using Deconflict.Hub.Conflicts;
using Deconflict.Hub.Ground;
using Deconflict.Hub.Http;
using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;
using Deconflict.Hub.Tracks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Deconflict.Hub.Exports;

/// <summary>
/// Downloads in the formats the parties' own tools read: KML for Google Earth and QGIS, an Airspace Control Order,
/// GeoJSON and CSV of conflicts, alerts (tactical and conformance conflicts) and intents. Every one is built from the
/// read paths of the JSON lists (<see cref="VisibleReads"/>), so it shows its caller exactly what they show.
/// <c>GET /api/v1/conflicts</c>, <c>/alerts</c> and <c>/intents</c> with <c>Accept: application/geo+json</c> or
/// <c>text/csv</c> answer the same as the suffixed paths (<see cref="ExportNegotiation"/>).
/// </summary>
public static class ExportApi
{
    public static readonly string[] Kinds = ["intents", "sites", "movements", "zones", "conflicts", "tracks"];

    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1").WithTags("Exports");
        group.MapGet("/export.kml", KmlAsync).WithName("ExportKml")
            .WithSummary("KML 2.2 of what the caller may see: ?kinds=intents,sites,movements,zones,conflicts,tracks (default all)&from=&to=; intents as volumes between their altitudes.")
            .Produces(StatusCodes.Status200OK, typeof(string), KmlWriter.MediaType).ProducesValidationProblem();
        group.MapGet("/export.aco", AcoAsync).WithName("ExportAco")
            .WithSummary("The caller's intents (or ?party='s that the caller may see) as a USMTF Airspace Control Order, one measure per volume; ?from=&to=.")
            .Produces(StatusCodes.Status200OK, typeof(string), "text/plain").ProducesValidationProblem();
        foreach (var (name, suffix, type) in new[] { ("GeoJson", "geojson", Downloads.GeoJsonType), ("Csv", "csv", Downloads.CsvType) })
        {
            group.MapGet($"/conflicts.{suffix}", (string? state, CallerParty caller, IHubStore store, AgreementBook book, CancellationToken ct) => ConflictsAsync(state, suffix, false, caller, store, book, ct))
                .WithName("DownloadConflicts" + name).WithSummary($"The caller's conflicts as {name} (?state=open|cleared|all, as GET /api/v1/conflicts).")
                .Produces(StatusCodes.Status200OK, typeof(string), type).ProducesValidationProblem();
            group.MapGet($"/alerts.{suffix}", (string? state, CallerParty caller, IHubStore store, AgreementBook book, CancellationToken ct) => ConflictsAsync(state, suffix, true, caller, store, book, ct))
                .WithName("DownloadAlerts" + name).WithSummary($"The caller's live alerts (tactical and conformance conflicts) as {name} (?state=open|cleared|all).")
                .Produces(StatusCodes.Status200OK, typeof(string), type).ProducesValidationProblem();
            group.MapGet($"/intents.{suffix}", (string? from, string? to, CallerParty caller, IHubStore store, NeedToKnow needToKnow, CancellationToken ct) => IntentsAsync(from, to, suffix, caller, store, needToKnow, ct))
                .WithName("DownloadIntents" + name).WithSummary($"Every intent the caller may see, with its volumes, as {name} (?from=&to=, as GET /api/v1/intents).")
                .Produces(StatusCodes.Status200OK, typeof(string), type).ProducesValidationProblem();
        }
        return routes;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> KmlAsync(string? kinds, string? from, string? to, CallerParty caller,
        IHubStore store, NeedToKnow needToKnow, AgreementBook book, GroundDesk ground, LivePicture picture, IOptions<SurveillanceOptions> surveillance, HttpResponse response, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var wanted = ParseKinds(kinds, errors);
        var (fromTime, toTime) = QueryWindow.Parse(from, to, errors);
        if (errors.Count > 0)
        {
            return Problems.ValidationResult(errors);
        }
        var intents = wanted.Contains("intents") ? Downloads.Intents(await VisibleReads.IntentsAsync(caller, fromTime, toTime, store, needToKnow, ct).ConfigureAwait(false)) : [];
        var groundObjects = new List<GroundObjectRecord>();
        foreach (var (kind, plural) in new[] { (GroundStore.Site, "sites"), (GroundStore.Movement, "movements"), (GroundStore.Zone, "zones") })
        {
            if (wanted.Contains(plural))
            {
                groundObjects.AddRange((await VisibleReads.GroundAsync(caller, kind, ground, needToKnow, ct).ConfigureAwait(false))
                    .Where(g => Overlaps(g.ValidFrom, g.ValidTo, fromTime, toTime)));
            }
        }
        var conflicts = wanted.Contains("conflicts")
            ? [.. (await VisibleReads.ConflictsAsync(caller, null, store, book, ct).ConfigureAwait(false)).Where(c => Overlaps(c.DetectedAt, c.ClearedAt, fromTime, toTime))]
            : new List<ConflictView>();
        var tracks = wanted.Contains("tracks")
            ? [.. (await VisibleReads.TracksAsync(caller, picture, needToKnow, surveillance.Value.StaleAfterS, ct).ConfigureAwait(false))
                .Where(t => Overlaps(DateTimeOffset.FromUnixTimeMilliseconds((long)(t.TimeS * 1000)), null, fromTime, toTime))]
            : new List<Core.Surveillance.LiveTrack>();
        // Shown sites, movements and zones of other parties are disclosures, recorded as the GeoJSON lists record them.
        if (await ground.RecordDisclosureAsync(caller.Id, groundObjects, ct).ConfigureAwait(false) is { } receipt)
        {
            AuditReceiptHeader.Set(response, receipt);
        }
        var bytes = KmlExport.Write(new KmlExport.Content(intents, groundObjects, conflicts, tracks), $"Deconflict: what {caller.Id} may see");
        return TypedResults.File(bytes, KmlWriter.MediaType, "deconflict.kml");
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> AcoAsync(string? party, string? from, string? to, CallerParty caller,
        IHubStore store, NeedToKnow needToKnow, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (party is not null && !ObjectIds.IsValid(party))
        {
            errors["party"] = [ObjectIds.Rule];
        }
        var (fromTime, toTime) = QueryWindow.Parse(from, to, errors);
        if (errors.Count > 0)
        {
            return Problems.ValidationResult(errors);
        }
        var of = party ?? caller.Id;
        var rows = (await VisibleReads.IntentsAsync(caller, fromTime, toTime, store, needToKnow, ct).ConfigureAwait(false)).Where(r => r.Party == of).ToList();
        var message = AcoIntents.FromIntents(Downloads.Intents(rows), of, clock.GetUtcNow());
        return TypedResults.File(Encoding.UTF8.GetBytes(AcoWriter.Write(message)), "text/plain; charset=utf-8", "deconflict.aco");
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ConflictsAsync(string? state, string suffix, bool alertsOnly, CallerParty caller,
        IHubStore store, AgreementBook book, CancellationToken ct)
    {
        string? status = (state ?? "open") switch
        {
            "open" => "open",
            "cleared" => "cleared",
            "all" => null,
            _ => "invalid",
        };
        if (status == "invalid")
        {
            return Problems.ValidationResult(new Dictionary<string, string[]> { ["state"] = ["One of: open, cleared, all."] });
        }
        var views = await VisibleReads.ConflictsAsync(caller, status, store, book, ct).ConfigureAwait(false);
        if (alertsOnly)
        {
            views = [.. views.Where(v => v.Kind is LiveConflictSync.TacticalKind or LiveConflictSync.ConformanceKind)];
        }
        var name = alertsOnly ? "alerts" : "conflicts";
        return suffix == "csv"
            ? TypedResults.File(Downloads.ConflictsCsv(views), Downloads.CsvType + "; charset=utf-8", $"{name}.csv")
            : TypedResults.File(Downloads.ConflictsGeoJson(views), Downloads.GeoJsonType, $"{name}.geojson");
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> IntentsAsync(string? from, string? to, string suffix, CallerParty caller,
        IHubStore store, NeedToKnow needToKnow, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var (fromTime, toTime) = QueryWindow.Parse(from, to, errors);
        if (errors.Count > 0)
        {
            return Problems.ValidationResult(errors);
        }
        var intents = Downloads.Intents(await VisibleReads.IntentsAsync(caller, fromTime, toTime, store, needToKnow, ct).ConfigureAwait(false));
        return suffix == "csv"
            ? TypedResults.File(Downloads.IntentsCsv(intents), Downloads.CsvType + "; charset=utf-8", "intents.csv")
            : TypedResults.File(Downloads.IntentsGeoJson(intents), Downloads.GeoJsonType, "intents.geojson");
    }

    private static HashSet<string> ParseKinds(string? kinds, Dictionary<string, string[]> errors)
    {
        if (kinds is null)
        {
            return [.. Kinds];
        }
        var set = kinds.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = set.Where(k => !Kinds.Contains(k)).ToList();
        if (unknown.Count > 0 || set.Count == 0)
        {
            errors["kinds"] = [$"A comma-separated list of: {string.Join(", ", Kinds)}" + (unknown.Count > 0 ? $" (not: {string.Join(", ", unknown.Take(5))})." : ".")];
        }
        return set;
    }

    private static bool Overlaps(DateTimeOffset? start, DateTimeOffset? end, DateTimeOffset? from, DateTimeOffset? to) =>
        (to is null || start is null || start < to) && (from is null || end is null || end > from);
}
