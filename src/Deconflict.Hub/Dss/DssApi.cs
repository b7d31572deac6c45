using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using S = Deconflict.Hub.Dss.DssScopes;

namespace Deconflict.Hub.Dss;

/// <summary>
/// The ASTM F3548-21 DSS under <c>/dss/v1/</c> (paths, bodies and status codes as utm.yaml), and the USS endpoint
/// the hub serves for its own intents (<c>/uss/v1/operational_intents/{entityid}</c>). Each endpoint takes the scopes
/// utm.yaml lists for it.
/// </summary>
public static class DssApi
{
    public static IEndpointRouteBuilder MapDssApi(this IEndpointRouteBuilder routes)
    {
        var dss = routes.MapGroup("/dss/v1").WithTags("F3548 DSS");
        var oir = dss.MapGroup("/operational_intent_references");
        Guard(oir.MapPost("/query", QueryOirAsync), S.StrategicCoordination, S.ConformanceMonitoring);
        Guard(oir.MapGet("/{entityid}", GetOirAsync), S.StrategicCoordination, S.ConformanceMonitoring);
        Guard(oir.MapPut("/{entityid}", CreateOirAsync), S.StrategicCoordination, S.ConformanceMonitoring);
        Guard(oir.MapPut("/{entityid}/{ovn}", UpdateOirAsync), S.StrategicCoordination, S.ConformanceMonitoring);
        Guard(oir.MapDelete("/{entityid}/{ovn}", DeleteOirAsync), S.StrategicCoordination, S.ConformanceMonitoring);

        var cr = dss.MapGroup("/constraint_references");
        Guard(cr.MapPost("/query", QueryConstraints), S.ConstraintManagement, S.ConstraintProcessing);
        Guard(cr.MapGet("/{entityid}", GetConstraint), S.ConstraintManagement, S.ConstraintProcessing);
        Guard(cr.MapPut("/{entityid}", CreateConstraintAsync), S.ConstraintManagement);
        Guard(cr.MapPut("/{entityid}/{ovn}", UpdateConstraintAsync), S.ConstraintManagement);
        Guard(cr.MapDelete("/{entityid}/{ovn}", DeleteConstraintAsync), S.ConstraintManagement);

        var sub = dss.MapGroup("/subscriptions");
        Guard(sub.MapPost("/query", QuerySubscriptions), S.ConstraintProcessing, S.StrategicCoordination);
        Guard(sub.MapGet("/{subscriptionid}", GetSubscription), S.ConstraintProcessing, S.StrategicCoordination);
        Guard(sub.MapPut("/{subscriptionid}", CreateSubscriptionAsync), S.ConstraintProcessing, S.StrategicCoordination);
        Guard(sub.MapPut("/{subscriptionid}/{version}", UpdateSubscriptionAsync), S.ConstraintProcessing, S.StrategicCoordination);
        Guard(sub.MapDelete("/{subscriptionid}/{version}", DeleteSubscriptionAsync), S.ConstraintProcessing, S.StrategicCoordination);

        Guard(dss.MapPost("/reports", ReportAsync), S.ConstraintManagement, S.ConstraintProcessing, S.StrategicCoordination, S.ConformanceMonitoring, S.AvailabilityArbitration);
        Guard(dss.MapGet("/uss_availability/{uss_id}", GetAvailability), S.AvailabilityArbitration, S.StrategicCoordination, S.ConformanceMonitoring);
        Guard(dss.MapPut("/uss_availability/{uss_id}", SetAvailabilityAsync), S.AvailabilityArbitration);

        Guard(routes.MapGet("/uss/v1/operational_intents/{entityid}", GetDetailsAsync).WithTags("F3548 USS"), S.StrategicCoordination);
        return routes;
    }

    private static void Guard(RouteHandlerBuilder endpoint, params string[] anyOf) => endpoint.AddEndpointFilter(new DssAuthFilter(anyOf));

    private static string Self(HttpRequest r) => $"{r.Scheme}://{r.Host}{r.PathBase}";

    private static async Task<JsonHttpResult<JsonObject>> QueryOirAsync(DssCaller caller, HttpRequest request, OperationalIntentDesk desk, TimeProvider clock, CancellationToken ct) =>
        (await desk.QueryAsync(caller, await DssJsonRead.BodyAsync(request, ct).ConfigureAwait(false), Self(request), clock.GetUtcNow(), ct).ConfigureAwait(false)).ToResult();

    private static async Task<JsonHttpResult<JsonObject>> GetOirAsync(string entityid, DssCaller caller, HttpRequest request, OperationalIntentDesk desk, CancellationToken ct) =>
        (await desk.GetAsync(caller, entityid, Self(request), ct).ConfigureAwait(false)).ToResult();

    private static async Task<JsonHttpResult<JsonObject>> CreateOirAsync(string entityid, DssCaller caller, HttpRequest request, OperationalIntentDesk desk, CancellationToken ct) =>
        (await desk.PutAsync(caller, entityid, null, await DssJsonRead.BodyAsync(request, ct).ConfigureAwait(false), Self(request), ct).ConfigureAwait(false)).ToResult();

    private static async Task<JsonHttpResult<JsonObject>> UpdateOirAsync(string entityid, string ovn, DssCaller caller, HttpRequest request, OperationalIntentDesk desk, CancellationToken ct) =>
        (await desk.PutAsync(caller, entityid, ovn, await DssJsonRead.BodyAsync(request, ct).ConfigureAwait(false), Self(request), ct).ConfigureAwait(false)).ToResult();

    private static async Task<JsonHttpResult<JsonObject>> DeleteOirAsync(string entityid, string ovn, DssCaller caller, OperationalIntentDesk desk, CancellationToken ct) =>
        (await desk.DeleteAsync(caller, entityid, ovn, ct).ConfigureAwait(false)).ToResult();

    private static async Task<JsonHttpResult<JsonObject>> QueryConstraints(DssCaller caller, HttpRequest request, ConstraintDesk desk, TimeProvider clock, CancellationToken ct) =>
        desk.Query(caller, await DssJsonRead.BodyAsync(request, ct).ConfigureAwait(false), clock.GetUtcNow()).ToResult();

    private static JsonHttpResult<JsonObject> GetConstraint(string entityid, DssCaller caller, ConstraintDesk desk) => desk.Get(caller, entityid).ToResult();

    private static async Task<JsonHttpResult<JsonObject>> CreateConstraintAsync(string entityid, DssCaller caller, HttpRequest request, ConstraintDesk desk, CancellationToken ct) =>
        (await desk.PutAsync(caller, entityid, null, await DssJsonRead.BodyAsync(request, ct).ConfigureAwait(false), ct).ConfigureAwait(false)).ToResult();

    private static async Task<JsonHttpResult<JsonObject>> UpdateConstraintAsync(string entityid, string ovn, DssCaller caller, HttpRequest request, ConstraintDesk desk, CancellationToken ct) =>
        (await desk.PutAsync(caller, entityid, ovn, await DssJsonRead.BodyAsync(request, ct).ConfigureAwait(false), ct).ConfigureAwait(false)).ToResult();

    private static async Task<JsonHttpResult<JsonObject>> DeleteConstraintAsync(string entityid, string ovn, DssCaller caller, ConstraintDesk desk, CancellationToken ct) =>
        (await desk.DeleteAsync(caller, entityid, ovn, ct).ConfigureAwait(false)).ToResult();

    private static async Task<JsonHttpResult<JsonObject>> QuerySubscriptions(DssCaller caller, HttpRequest request, SubscriptionDesk desk, TimeProvider clock, CancellationToken ct) =>
        desk.Query(caller, await DssJsonRead.BodyAsync(request, ct).ConfigureAwait(false), clock.GetUtcNow()).ToResult();

    private static JsonHttpResult<JsonObject> GetSubscription(string subscriptionid, DssCaller caller, SubscriptionDesk desk) => desk.Get(caller, subscriptionid).ToResult();

    private static async Task<JsonHttpResult<JsonObject>> CreateSubscriptionAsync(string subscriptionid, DssCaller caller, HttpRequest request, SubscriptionDesk desk, CancellationToken ct) =>
        (await desk.PutAsync(caller, subscriptionid, null, await DssJsonRead.BodyAsync(request, ct).ConfigureAwait(false), Self(request), ct).ConfigureAwait(false)).ToResult();

    private static async Task<JsonHttpResult<JsonObject>> UpdateSubscriptionAsync(string subscriptionid, string version, DssCaller caller, HttpRequest request, SubscriptionDesk desk, CancellationToken ct) =>
        (await desk.PutAsync(caller, subscriptionid, version, await DssJsonRead.BodyAsync(request, ct).ConfigureAwait(false), Self(request), ct).ConfigureAwait(false)).ToResult();

    private static async Task<JsonHttpResult<JsonObject>> DeleteSubscriptionAsync(string subscriptionid, string version, DssCaller caller, SubscriptionDesk desk, CancellationToken ct) =>
        (await desk.DeleteAsync(caller, subscriptionid, version, ct).ConfigureAwait(false)).ToResult();

    private static async Task<JsonHttpResult<JsonObject>> ReportAsync(DssCaller caller, HttpRequest request, AvailabilityDesk desk, CancellationToken ct) =>
        (await desk.ReportAsync(caller, await DssJsonRead.BodyAsync(request, ct).ConfigureAwait(false), ct).ConfigureAwait(false)).ToResult();

    private static JsonHttpResult<JsonObject> GetAvailability(string uss_id, DssCaller caller, AvailabilityDesk desk) => desk.Get(uss_id).ToResult();

    private static async Task<JsonHttpResult<JsonObject>> SetAvailabilityAsync(string uss_id, DssCaller caller, HttpRequest request, AvailabilityDesk desk, CancellationToken ct) =>
        (await desk.SetAsync(caller, uss_id, await DssJsonRead.BodyAsync(request, ct).ConfigureAwait(false), ct).ConfigureAwait(false)).ToResult();

    private static async Task<JsonHttpResult<JsonObject>> GetDetailsAsync(string entityid, DssCaller caller, HttpRequest request, HubIntentReferences hub, CancellationToken ct)
    {
        var id = DssIds.Check(entityid, "entityid");
        return await hub.FindAsync(id, caller.PartyId, ct).ConfigureAwait(false) is { } h
            ? DssReply.Ok(new JsonObject { ["operational_intent"] = hub.Details(h, Self(request)) }).ToResult()
            : DssReply.NotFound($"The hub manages no operational intent {id} that this USS may see.").ToResult();
    }
}
