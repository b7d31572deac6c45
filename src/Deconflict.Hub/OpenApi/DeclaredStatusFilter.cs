using Microsoft.AspNetCore.Http.Metadata;

namespace Deconflict.Hub.OpenApi;

/// <summary>
/// With <c>Hub:CheckDeclaredStatuses</c> on (the test suites turn it on), fails every reply whose status the
/// endpoint's OpenAPI description does not list, so the document cannot fall behind what the handlers answer.
/// Off, it adds nothing to the request path.
/// </summary>
public static class DeclaredStatusFilter
{
    public const string Setting = "Hub:CheckDeclaredStatuses";

    public static EndpointFilterDelegate Factory(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.ApplicationServices.GetRequiredService<IConfiguration>().GetValue<bool>(Setting))
        {
            return next;
        }
        return async invocation =>
        {
            var result = await next(invocation).ConfigureAwait(false);
            if (StatusOf(result) is { } status)
            {
                var endpoint = invocation.HttpContext.GetEndpoint();
                var declared = endpoint?.Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>() ?? [];
                if (!declared.Any(m => m.StatusCode == status))
                {
                    throw new InvalidOperationException(
                        $"{endpoint?.DisplayName} answered {status}, a status its OpenAPI description does not declare ({string.Join(", ", declared.Select(d => d.StatusCode))}).");
                }
            }
            return result;
        };
    }

    private static int? StatusOf(object? result)
    {
        while (result is INestedHttpResult nested and not IStatusCodeHttpResult { StatusCode: not null })
        {
            result = nested.Result;
        }
        return result switch
        {
            IStatusCodeHttpResult { StatusCode: { } s } => s,
            IContentTypeHttpResult => StatusCodes.Status200OK,
            _ => null,
        };
    }
}
