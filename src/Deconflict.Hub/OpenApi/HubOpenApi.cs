using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Deconflict.Hub.OpenApi;

/// <summary>
/// The hub's OpenAPI document (<c>/openapi/v1.json</c>): built from the endpoints' typed results and declared
/// problems; here only what no endpoint says itself: the title, the bearer scheme and which operations need no key.
/// </summary>
public static class HubOpenApi
{
    public const string DocumentName = "v1";

    /// <summary>Kept in backticks so renderers of the Markdown show the placeholder instead of taking it for a tag.</summary>
    public const string BearerDescription =
        "Send `Authorization: Bearer <key>` where `<key>` is a party's API key (`dcf_...`, shown once when the party or key is made) or the admin key. "
        + "Not needed for `/healthz`, `/readyz`, `/docs` and this document. A missing, malformed or revoked key: 401.";

    /// <summary>Paths answered without a key.</summary>
    private static readonly string[] OpenPaths = ["/healthz", "/readyz"];

    public static IServiceCollection AddHubOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, o =>
        {
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info.Title = "Deconflict hub";
                // No server URL: clients call the hub they were given, and the document is the same whichever address
                // served it (web/openapi.json is checked against it byte for byte).
                doc.Servers = [];
                doc.Info.Description = "The neutral hub: parties, agreements, operational intents, conflicts, live events, hotline, ground, audit. "
                    + "Every call but the health checks takes `Authorization: Bearer <key>`. Every error is `application/problem+json` "
                    + "with `title`, `status`, `detail` and, for validation, `errors` naming each field at fault.";
                doc.Components ??= new OpenApiComponents();
                doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                doc.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = BearerDescription,
                };
                doc.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", doc)] = [] }];
                return Task.CompletedTask;
            });
            // Times are written by UtcTimeConverter, which the schema generator cannot see through: RFC 3339 strings.
            o.AddSchemaTransformer((schema, context, _) =>
            {
                var type = context.JsonTypeInfo.Type;
                if (type == typeof(DateTimeOffset))
                {
                    schema.Type = JsonSchemaType.String;
                }
                else if (type == typeof(DateTimeOffset?))
                {
                    schema.Type = JsonSchemaType.String | JsonSchemaType.Null;
                }
                return Task.CompletedTask;
            });
            o.AddSchemaTransformer(RequestSchemas.OptionalNullablesAsync);
            o.AddSchemaTransformer(SchemaExamples.AddAsync);
            o.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestBodySchema>().FirstOrDefault() is { } body
                    && operation.RequestBody?.Content?.Values.FirstOrDefault() is { } generated && operation.RequestBody is OpenApiRequestBody request)
                {
                    // An XML body (KML) is a document of its own format, not the JSON schema.
                    request.Content = body.ContentTypes.ToDictionary(c => c, c => new OpenApiMediaType
                    {
                        Schema = c.EndsWith("xml", StringComparison.Ordinal)
                            ? new OpenApiSchema { Type = JsonSchemaType.String, Description = "A KML 2.2 document: Placemarks with Polygon or LineString, altitudes and a TimeSpan." }
                            : generated.Schema,
                    });
                    request.Required = true;
                }
                if (OpenPaths.Contains("/" + context.Description.RelativePath?.TrimStart('/'), StringComparer.Ordinal))
                {
                    operation.Security = [];
                }
                return Task.CompletedTask;
            });
        });
}
