using Microsoft.AspNetCore.Http.Metadata;

namespace Deconflict.Hub.OpenApi;

/// <summary>
/// The body an endpoint reads itself, for its OpenAPI description (see <see cref="ProblemStatuses.AcceptsJson{T}"/>).
/// As <see cref="IAcceptsMetadata"/> it names the type but no content type, so routing refuses no request for its
/// content type (the hub reads any, and names the field at fault); <see cref="ContentTypes"/> are set on the
/// document's request body by <see cref="HubOpenApi"/>.
/// </summary>
public sealed record RequestBodySchema(Type Type, IReadOnlyList<string> ContentTypes) : IAcceptsMetadata
{
    IReadOnlyList<string> IAcceptsMetadata.ContentTypes => [];

    Type? IAcceptsMetadata.RequestType => Type;

    bool IAcceptsMetadata.IsOptional => false;
}
