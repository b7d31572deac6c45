using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Deconflict.Hub.OpenApi;

/// <summary>
/// Declares the error statuses an endpoint answers (all <c>application/problem+json</c>; 400 with the
/// <c>errors</c> map), so the OpenAPI document lists each one with its schema. What every endpoint of a kind
/// answers is declared once by <see cref="DeclareCommonProblems"/>: 401 on <c>/api/</c> paths (no or a dead
/// key), 400 for a path id the id rule refuses, 400/413 for a body.
/// </summary>
public static class ProblemStatuses
{
    public const string ContentType = "application/problem+json";

    /// <summary>The endpoint answers these statuses with a problem (400: validation problem naming the field).</summary>
    public static TBuilder Problems<TBuilder>(this TBuilder builder, params int[] statuses)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(b => Declare(b, statuses));
        return builder;
    }

    /// <summary>The endpoint answers <paramref name="status"/> with a problem whose extension members <typeparamref name="T"/> describes.</summary>
    public static TBuilder Problem<T, TBuilder>(this TBuilder builder, int status)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(b => b.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(T), [ContentType])));
        return builder;
    }

    /// <summary>
    /// The endpoint reads a body of type <typeparamref name="T"/> itself (to name the field at fault and bound its size).
    /// Documentation only: unlike <c>Accepts</c>, it refuses no request for its content type (the hub reads any).
    /// </summary>
    public static RouteHandlerBuilder AcceptsJson<T>(this RouteHandlerBuilder builder, string contentType = "application/json", params string[] more)
        where T : notnull
    {
        RequestSchemas.Add(typeof(T));
        return builder.WithMetadata(new RequestBodySchema(typeof(T), [contentType, .. more]));
    }

    /// <summary>The problems every endpoint under <paramref name="group"/> can answer whatever its handler does.</summary>
    public static RouteGroupBuilder DeclareCommonProblems(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        ((IEndpointConventionBuilder)group).Finally(b =>
        {
            var pattern = (b as RouteEndpointBuilder)?.RoutePattern;
            var common = new List<int>();
            if (pattern?.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            {
                common.Add(StatusCodes.Status401Unauthorized);
            }
            if (pattern?.Parameters.Any(p => p.Name.EndsWith("id", StringComparison.OrdinalIgnoreCase) && p.ParameterKind == RoutePatternParameterKind.Standard) == true)
            {
                common.Add(StatusCodes.Status400BadRequest);
            }
            if (b.Metadata.OfType<RequestBodySchema>().Any())
            {
                common.Add(StatusCodes.Status400BadRequest);
                common.Add(StatusCodes.Status413PayloadTooLarge);
            }
            Declare(b, [.. common.Distinct()]);
        });
        return group;
    }

    private static void Declare(EndpointBuilder b, int[] statuses)
    {
        foreach (var status in statuses)
        {
            if (b.Metadata.OfType<IProducesResponseTypeMetadata>().Any(m => m.StatusCode == status))
            {
                continue;
            }
            var schema = status == StatusCodes.Status400BadRequest ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails);
            b.Metadata.Add(new ProducesResponseTypeMetadata(status, schema, [ContentType]));
        }
    }
}
