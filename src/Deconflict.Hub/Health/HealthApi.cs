using Deconflict.Hub.Storage;
using Deconflict.Hub.Json;
using Deconflict.Hub.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deconflict.Hub.Health;

/// <summary><c>/healthz</c> (process up) and <c>/readyz</c> (storage answers); no key needed.</summary>
public static class HealthApi
{
    public sealed record HealthStatus(string Status);

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", () => TypedResults.Ok(new HealthStatus("ok")))
            .WithTags("Health").WithName("Health").WithSummary("The process is up.");
        routes.MapGet("/readyz", async Task<Results<Ok<HealthStatus>, HubProblem>> (IHubStore store, CancellationToken ct) =>
                await store.PingAsync(ct).ConfigureAwait(false)
                    ? TypedResults.Ok(new HealthStatus("ok"))
                    : Problems.Unavailable("The database does not answer."))
            .WithTags("Health").WithName("Ready").WithSummary("Storage is reachable.").Problems(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }
}
