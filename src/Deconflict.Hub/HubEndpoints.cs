using Deconflict.Hub.Agreements;
using Deconflict.Hub.Audit;
using Deconflict.Hub.Conflicts;
using Deconflict.Hub.Dss;
using Deconflict.Hub.Events;
using Deconflict.Hub.Ground;
using Deconflict.Hub.Health;
using Deconflict.Hub.Hotline;
using Deconflict.Hub.Intents;
using Deconflict.Hub.Parties;
using Deconflict.Hub.Tracks;

namespace Deconflict.Hub;

/// <summary>Every API the hub serves. To add one: a <c>static class XxxApi</c> with <c>MapXxxApi</c>, and one line here.</summary>
public static class HubEndpoints
{
    public static IEndpointRouteBuilder MapHubApis(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthApi();
        routes.MapPartiesApi();
        routes.MapAgreementsApi();
        routes.MapOperationalIntentsApi();
        routes.MapConflictsApi();
        routes.MapEventsApi();
        routes.MapTracksApi();
        routes.MapAuditApi();
        routes.MapHotlineApi();
        routes.MapGroundApi();
        routes.MapStrikesApi();
        routes.MapTransparencyApi();
        routes.MapDssApi();
        return routes;
    }
}
