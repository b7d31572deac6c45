using System.Text.Json;
using Deconflict.Core.Coordinates;
using Deconflict.Hub.Access;
using Deconflict.Hub.Auth;
using Deconflict.Hub.Json;
using Deconflict.Hub.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deconflict.Hub.Ground;

/// <summary>Strike reports (position as lat/lon or MGRS) and the designation of intents as fire/strike areas.</summary>
public static class StrikesApi
{
    public static IEndpointRouteBuilder MapStrikesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/strikes").WithTags("Ground: strikes");
        group.MapPost("/", ReportAsync).WithName("ReportStrike")
            .WithSummary("Report a strike {intent_id, lat_deg, lon_deg | mgrs, t, radius_m?}: checked against notified sites, active movements and the party's declared zones (201).")
            .AcceptsJson<StrikeBody>().Problems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapGet("/{id}", GetAsync).WithName("GetStrike").WithSummary("A strike the caller may see, with its assessment.").Problems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        var intents = routes.MapGroup("/api/v1/intents").WithTags("Ground: strikes");
        intents.MapPut("/{id}/fire-area", (string id, CallerParty caller, HttpResponse response, StrikeDesk desk, CancellationToken ct) => MarkAsync(id, true, caller, response, desk, ct))
            .WithName("MarkFireArea").WithSummary("Designate the caller's intent as a fire/strike area: its volumes are checked against notified sites and movements (ground conflicts).")
            .Problems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        intents.MapDelete("/{id}/fire-area", (string id, CallerParty caller, HttpResponse response, StrikeDesk desk, CancellationToken ct) => MarkAsync(id, false, caller, response, desk, ct))
            .WithName("ClearFireArea").WithSummary("Withdraw the fire/strike-area designation; its ground conflicts clear.")
            .Problems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Created<StrikeView>, HubProblem>> ReportAsync(CallerParty caller, HttpRequest request, StrikeDesk desk, CancellationToken ct)
    {
        if (caller.PartyId is null)
        {
            return Problems.Forbidden("Strikes are reported by parties, not the admin.");
        }
        var read = await JsonBody.ReadAsync<StrikeBody>(request, ct).ConfigureAwait(false);
        if (read.Problem is not null)
        {
            return read.Problem;
        }
        var b = read.Value!;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(b.IntentId))
        {
            errors["intent_id"] = ["The intent the strike is made under is required."];
        }
        if (b.T is null)
        {
            errors["t"] = ["The strike time (RFC 3339 UTC) is required."];
        }
        double lat = 0, lon = 0;
        if (b.Mgrs is not null)
        {
            if (b.LatDeg is not null || b.LonDeg is not null)
            {
                errors["mgrs"] = ["Give either mgrs or lat_deg/lon_deg, not both."];
            }
            else if (!Mgrs.TryParse(b.Mgrs, out var position, out var problem))
            {
                errors["mgrs"] = [problem];
            }
            else
            {
                (lat, lon) = position;
            }
        }
        else
        {
            if (b.LatDeg is not { } la || !double.IsFinite(la) || la is < -90 or > 90)
            {
                errors["lat_deg"] = ["A latitude in -90..90 (or mgrs instead of lat_deg/lon_deg) is required."];
            }
            else
            {
                lat = la;
            }
            if (b.LonDeg is not { } lo || !double.IsFinite(lo) || lo is < -180 or > 180)
            {
                errors["lon_deg"] = ["A longitude in -180..180 (or mgrs instead of lat_deg/lon_deg) is required."];
            }
            else
            {
                lon = lo;
            }
        }
        if (b.RadiusM is { } r && (!double.IsFinite(r) || r < 0 || r > 50_000))
        {
            errors["radius_m"] = ["An effects radius in metres, 0..50000."];
        }
        if (b.Id is { } id && !ObjectIds.IsValid(id))
        {
            errors["id"] = [ObjectIds.Rule];
        }
        if (b.IntentId is { Length: > 0 } intentId && !ObjectIds.IsValid(intentId))
        {
            errors["intent_id"] = [ObjectIds.Rule];
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        var strikeId = b.Id ?? "st-" + Guid.CreateVersion7().ToString("N")[..20];
        var outcome = await desk.ReportAsync(caller, strikeId, b.IntentId!, lat, lon, b.T!.Value, b.RadiusM ?? 0, ct).ConfigureAwait(false);
        return GroundApi.Reported<StrikeView>("strike", outcome, request.HttpContext.Response, $"/api/v1/strikes/{Uri.EscapeDataString(strikeId)}");
    }

    /// <summary>A strike: the caller's own, else ?party='s, else the only one with that id the caller may see; its hits as the caller may see them.</summary>
    private static async Task<Results<Ok<StrikeView>, HubProblem>> GetAsync(string id, string? party, CallerParty caller, GroundStore ground, NeedToKnow needToKnow, CancellationToken ct)
    {
        if (party is not null && !ObjectIds.IsValid(party))
        {
            return Problems.Validation("party", ObjectIds.Rule);
        }
        var visible = await needToKnow.VisibleByIdAsync(caller, party, p => ground.GetStrikeAsync(p, id, ct),
            () => ground.FindStrikesByIdAsync(id, ct), s => new ObjectRef(ObjectRef.Strike, s.Party, s.Id), ct).ConfigureAwait(false);
        if (visible.Count != 1)
        {
            return Problems.NotFound("The strike");
        }
        var seen = await needToKnow.ConflictObjectsAsync(caller.Id, ct).ConfigureAwait(false);
        var full = JsonSerializer.Deserialize<StrikeView>(visible[0].AssessmentJson, HubJson.Options)!;
        return TypedResults.Ok(StrikeViews.For(full, caller.Id, o => needToKnow.CanSee(caller.Id, o, seen)));
    }


    private static async Task<Results<Ok<FireAreaView>, HubProblem>> MarkAsync(string id, bool mark, CallerParty caller, HttpResponse response, StrikeDesk desk, CancellationToken ct) =>
        GroundApi.Changed<FireAreaView>("intent", await desk.MarkFireAreaAsync(caller, id, mark, ct).ConfigureAwait(false), response);
}
