using Deconflict.Hub.Agreements;
using Deconflict.Hub.Audit;
using Deconflict.Hub.Cluster;
using Deconflict.Hub.Conflicts;
using Deconflict.Hub.Dss;
using Deconflict.Hub.Events;
using Deconflict.Hub.Exports;
using Deconflict.Hub.Ground;
using Deconflict.Hub.Health;
using Deconflict.Hub.Hotline;
using Deconflict.Hub.Intents;
using Deconflict.Hub.Json;
using Deconflict.Hub.OpenApi;
using Deconflict.Hub.Parties;
using Deconflict.Hub.Tracks;
using Deconflict.Hub.WebConsole;

namespace Deconflict.Hub;

/// <summary>Every API the hub serves. To add one: a <c>static class XxxApi</c> with <c>MapXxxApi</c>, and one line here.</summary>
public static class HubEndpoints
{
    public static IEndpointRouteBuilder MapHubApis(this IEndpointRouteBuilder root)
    {
        // One id rule for every path parameter of every API; the problems every endpoint can answer declared once;
        // in tests, every reply's status checked against what the endpoint declares.
        var routes = root.MapGroup("").DeclareCommonProblems()
            .AddEndpointFilterFactory(DeclaredStatusFilter.Factory).AddEndpointFilter<IdRouteFilter>();
        routes.MapHealthApi();
        routes.MapClusterApi();
        routes.MapPartiesApi();
        routes.MapSessionApi();
        routes.MapPartyPrioritiesApi();
        routes.MapAgreementsApi();
        routes.MapOperationalIntentsApi();
        routes.MapIntentCheckApi();
        routes.MapIntentAlternativesApi();
        routes.MapConflictsApi();
        routes.MapEventsApi();
        routes.MapTracksApi();
        routes.MapAuditApi();
        routes.MapHotlineApi();
        routes.MapGroundApi();
        routes.MapStrikesApi();
        routes.MapTransparencyApi();
        routes.MapExportApi();
        routes.MapAcoImportApi();
        // F3548 has its own id rules (UUIDs, OVNs) and error bodies.
        root.MapDssApi();
        return root;
    }
}
