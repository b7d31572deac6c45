using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Deconflict.Hub.OpenApi;

/// <summary>
/// A reply streamed as NDJSON (<c>application/x-ndjson</c>), one <typeparamref name="TLine"/> per line, written page by
/// page by <see cref="_write"/> so a long export never sits in memory; the OpenAPI document shows the line's schema.
/// </summary>
public sealed class NdjsonStream<TLine> : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    public const string MediaType = "application/x-ndjson";

    private readonly Func<HttpResponse, CancellationToken, Task> _write;

    public NdjsonStream(Func<HttpResponse, CancellationToken, Task> write) => _write = write;

    public int? StatusCode => StatusCodes.Status200OK;

    public string? ContentType => MediaType;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.ContentType = MediaType;
        return _write(httpContext.Response, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(TLine), [MediaType]));
    }
}
