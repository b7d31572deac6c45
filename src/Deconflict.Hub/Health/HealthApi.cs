using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Health;

/// <summary><c>/healthz</c> (process up) and <c>/readyz</c> (storage answers); no key needed.</summary>
public static class HealthApi
{
    public sealed record HealthStatus(string Status);

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", () => TypedResults.Ok(new HealthStatus("ok")))
            .WithTags("Health").WithName("Health").WithSummary("The process is up.");
        routes.MapGet("/readyz", async Task<IResult> (IHubStore store, CancellationToken ct) =>
                await store.PingAsync(ct).ConfigureAwait(false)
                    ? TypedResults.Ok(new HealthStatus("ok"))
                    : TypedResults.Problem(detail: "The database does not answer.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready"))
            .WithTags("Health").WithName("Ready").WithSummary("Storage is reachable.");
        return routes;
    }
}
