using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;

namespace Deconflict.Hub.OpenApi;

/// <summary>
/// A GeoJSON reply (<c>application/geo+json</c>) built as text (the stored document, or one assembled with
/// <c>System.Text.Json.Nodes</c>); <typeparamref name="TSchema"/> is the record whose schema the document follows,
/// so the OpenAPI document describes the reply although no <typeparamref name="TSchema"/> is serialized.
/// </summary>
public sealed class GeoJsonText<TSchema> : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    public const string MediaType = "application/geo+json";

    private readonly ContentHttpResult _content;

    public GeoJsonText(string json) => _content = TypedResults.Text(json, MediaType, Encoding.UTF8);

    public int? StatusCode => StatusCodes.Status200OK;

    public string? ContentType => _content.ContentType;

    public Task ExecuteAsync(HttpContext httpContext) => _content.ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(TSchema), [MediaType]));
    }
}
