using System.Text;
using Deconflict.Core.Ground;
using Deconflict.Hub.Access;
using Deconflict.Hub.Auth;
using Deconflict.Hub.Json;
using Deconflict.Hub.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deconflict.Hub.Ground;

/// <summary>
/// Humanitarian notification: sites (with acknowledgements), movements and declared zones of operations. Others'
/// objects are seen under the hub's one visibility rule (opt-in: only parties the owner shares with), and every
/// reply that shows another party's object is recorded in the audit log.
/// </summary>
public static class GroundApi
{
    public static IEndpointRouteBuilder MapGroundApi(this IEndpointRouteBuilder routes)
    {
        foreach (var (kind, plural, tag) in new[] { (GroundStore.Site, "sites", "Ground: sites"), (GroundStore.Movement, "movements", "Ground: movements"), (GroundStore.Zone, "zones", "Ground: zones") })
        {
            var group = routes.MapGroup("/api/v1/" + plural).WithTags(tag);
            var title = char.ToUpperInvariant(kind[0]) + kind[1..];
            group.MapPut("/{id}", (string id, CallerParty caller, HttpRequest request, GroundDesk desk, CancellationToken ct) => PutAsync(kind, id, caller, request, desk, ct))
                .WithName("Put" + title).WithSummary(PutSummary(kind))
                .AcceptsJson<GroundFeatureSchema>("application/geo+json", "application/json").Problems(StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict);
            group.MapGet("/{id}", (string id, string? party, CallerParty caller, HttpResponse response, GroundDesk desk, CancellationToken ct) => GetAsync(kind, id, party, caller, response, desk, ct))
                .WithName("Get" + title).WithSummary($"The {kind} as a GeoJSON Feature: the caller's own, else ?party='s, else the only one with that id it may see (404 when it may not see it).")
                .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
            group.MapGet("/", (CallerParty caller, HttpResponse response, GroundDesk desk, NeedToKnow n, CancellationToken ct) => ListAsync(kind, caller, response, desk, n, ct))
                .WithName("List" + title + "s").WithSummary($"Every live {kind} the caller may see, as a FeatureCollection.");
            group.MapDelete("/{id}", (string id, CallerParty caller, HttpResponse response, GroundDesk desk, CancellationToken ct) => WithdrawAsync(kind, id, caller, response, desk, ct))
                .WithName("Withdraw" + title).WithSummary($"Withdraw the {kind} (204); only its owner may.")
                .Problems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
            if (kind == GroundStore.Site)
            {
                group.MapPost("/{id}/ack", AckAsync).WithName("AcknowledgeSite")
                    .WithSummary("Record that the calling party received the current version of the site's notification.")
                    .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
            }
        }
        return routes;
    }

    private static string PutSummary(string kind) => kind switch
    {
        GroundStore.Site => "Notify (201) or re-notify (200) a site: Feature with Point (+radius_m) or Polygon, category, valid_from, valid_to, organisation, notes.",
        GroundStore.Movement => "Notify (201) or change (200) a movement: LineString route, half_width_m, valid_from, valid_to, category.",
        _ => "Declare (201) or change (200) a zone of operations: Polygon, valid_from, valid_to.",
    };

    private static async Task<Results<Created<GroundWritten>, Ok<GroundWritten>, HubProblem>> PutAsync(string kind, string id, CallerParty caller, HttpRequest request, GroundDesk desk, CancellationToken ct)
    {
        if (caller.PartyId is null)
        {
            return Problems.Forbidden("Ground objects are notified by parties, not the admin.");
        }
        var body = await JsonBody.ReadTextAsync(request, ct).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        var json = body.Value!;
        GroundOutcome outcome;
        try
        {
            outcome = kind switch
            {
                GroundStore.Site => await desk.PutSiteAsync(caller, GroundGeoJson.ReadSite(json, id, caller.PartyId), ct).ConfigureAwait(false),
                GroundStore.Movement => await desk.PutMovementAsync(caller, GroundGeoJson.ReadMovement(json, id, caller.PartyId), ct).ConfigureAwait(false),
                _ => await desk.PutZoneAsync(caller, GroundGeoJson.ReadZone(json, id, caller.PartyId), ct).ConfigureAwait(false),
            };
        }
        catch (GroundFormatException e)
        {
            return e.Property == "properties.party" ? Problems.Forbidden(e.Message) : Problems.Validation(e.Property, e.Message);
        }
        return Written<GroundWritten>(kind, outcome, request.HttpContext.Response, $"/api/v1/{kind}s/{Uri.EscapeDataString(id)}");
    }

    private static async Task<Results<GeoJsonText<GroundFeatureSchema>, HubProblem>> GetAsync(string kind, string id, string? party, CallerParty caller, HttpResponse response, GroundDesk desk, CancellationToken ct)
    {
        if (party is not null && !ObjectIds.IsValid(party))
        {
            return Problems.Validation("party", ObjectIds.Rule);
        }
        var o = await desk.ResolveAsync(caller, kind, id, party, ct).ConfigureAwait(false);
        if (o is null)
        {
            return Problems.NotFound("The " + kind);
        }
        var acks = kind == GroundStore.Site ? await desk.Ground.AcksAsync(o.Party, id, ct).ConfigureAwait(false) : [];
        var notified = kind == GroundStore.Site && o.Party == caller.PartyId ? await desk.NotifiedPartiesAsync(o.Party, ct).ConfigureAwait(false) : [];
        var feature = GroundViews.Feature(o, caller.Id, acks, notified);
        if (await desk.RecordDisclosureAsync(caller.Id, [o], ct).ConfigureAwait(false) is { } receipt)
        {
            AuditReceiptHeader.Set(response, receipt);
        }
        response.Headers.ETag = "\"" + o.Version + "\"";
        return new GeoJsonText<GroundFeatureSchema>(feature.ToJsonString());
    }

    private static async Task<GeoJsonText<GroundCollectionSchema>> ListAsync(string kind, CallerParty caller, HttpResponse response, GroundDesk desk, NeedToKnow needToKnow, CancellationToken ct)
    {
        if (caller.PartyId is null)
        {
            return new GeoJsonText<GroundCollectionSchema>(GroundViews.Collection([]).ToJsonString());
        }
        var visible = await Exports.VisibleReads.GroundAsync(caller, kind, desk, needToKnow, ct).ConfigureAwait(false);
        var acks = kind == GroundStore.Site ? (await desk.Ground.AllAcksAsync(ct).ConfigureAwait(false)).ToLookup(a => (a.SiteParty, a.SiteId)) : null;
        var notified = kind == GroundStore.Site ? await desk.NotifiedPartiesAsync(caller.PartyId, ct).ConfigureAwait(false) : [];
        var features = visible.Select(o => GroundViews.Feature(o, caller.PartyId, acks is null ? [] : acks[(o.Party, o.Id)].ToList(), notified)).ToList();
        if (await desk.RecordDisclosureAsync(caller.PartyId, visible, ct).ConfigureAwait(false) is { } receipt)
        {
            AuditReceiptHeader.Set(response, receipt);
        }
        return new GeoJsonText<GroundCollectionSchema>(GroundViews.Collection(features).ToJsonString());
    }

    private static async Task<Results<NoContent, HubProblem>> WithdrawAsync(string kind, string id, CallerParty caller, HttpResponse response, GroundDesk desk, CancellationToken ct)
    {
        var outcome = await desk.WithdrawAsync(caller, kind, id, ct).ConfigureAwait(false);
        if (outcome.Kind != GroundOutcomeKind.Ended)
        {
            return Refusal(kind, outcome);
        }
        Receipt(outcome, response);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<SiteAckView>, HubProblem>> AckAsync(string id, string? party, CallerParty caller, HttpResponse response, GroundDesk desk, CancellationToken ct) =>
        party is not null && !ObjectIds.IsValid(party)
            ? Problems.Validation("party", ObjectIds.Rule)
            : Changed<SiteAckView>(GroundStore.Site, await desk.AcknowledgeAsync(caller, id, party, ct).ConfigureAwait(false), response);


    /// <summary>The reply for a ground write that creates (201 at <paramref name="location"/>) or changes (200) an object (shared with the strikes API).</summary>
    public static Results<Created<T>, Ok<T>, HubProblem> Written<T>(string what, GroundOutcome outcome, HttpResponse response, string location)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Kind switch
        {
            GroundOutcomeKind.Created => Receipt(outcome, response, TypedResults.Created(location, (T)outcome.Body!)),
            GroundOutcomeKind.Changed => Receipt(outcome, response, TypedResults.Ok((T)outcome.Body!)),
            _ => Refusal(what, outcome),
        };
    }

    /// <summary>The reply for a ground write that only ever creates (a strike report: 201 at <paramref name="location"/>).</summary>
    public static Results<Created<T>, HubProblem> Reported<T>(string what, GroundOutcome outcome, HttpResponse response, string location)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Kind == GroundOutcomeKind.Created
            ? Receipt(outcome, response, TypedResults.Created(location, (T)outcome.Body!))
            : Refusal(what, outcome);
    }

    /// <summary>The reply for a ground write that changes something and answers what it is now (200; an ending with a body too).</summary>
    public static Results<Ok<T>, HubProblem> Changed<T>(string what, GroundOutcome outcome, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Kind is GroundOutcomeKind.Changed or GroundOutcomeKind.Ended && outcome.Body is T body
            ? Receipt(outcome, response, TypedResults.Ok(body))
            : Refusal(what, outcome);
    }

    private static TResult Receipt<TResult>(GroundOutcome outcome, HttpResponse response, TResult result)
    {
        Receipt(outcome, response);
        return result;
    }

    private static void Receipt(GroundOutcome outcome, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (outcome.Receipt is { Length: > 0 } receipt)
        {
            AuditReceiptHeader.Set(response, receipt);
        }
    }

    /// <summary>The problem for a ground outcome that wrote nothing.</summary>
    public static HubProblem Refusal(string what, GroundOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Kind switch
        {
            GroundOutcomeKind.NotFound => Problems.NotFound("The " + what),
            GroundOutcomeKind.Forbidden => Problems.Forbidden(outcome.Detail ?? $"The {what} belongs to another party."),
            GroundOutcomeKind.Invalid => Problems.Validation(outcome.Field ?? "body", outcome.Detail ?? "Invalid."),
            _ => Problems.Conflict(outcome.Detail ?? "Conflict.", new Dictionary<string, object?>
            {
                ["errors"] = new Dictionary<string, string[]> { [outcome.Field ?? "body"] = [outcome.Detail ?? "Conflict."] },
            }),
        };
    }
}
