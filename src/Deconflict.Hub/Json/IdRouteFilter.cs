namespace Deconflict.Hub.Json;

/// <summary>
/// Applies <see cref="ObjectIds"/> to every id in a request path (<c>{id}</c>, <c>{key_id}</c>, ...) before any
/// handler runs: an id that could not have been stored is a 400 naming the path parameter, never a lookup.
/// </summary>
public sealed class IdRouteFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        foreach (var (name, value) in context.HttpContext.Request.RouteValues)
        {
            if (name.EndsWith("id", StringComparison.OrdinalIgnoreCase) && value is string id && !ObjectIds.IsValid(id))
            {
                return ValueTask.FromResult<object?>(Problems.Validation(name, ObjectIds.Rule));
            }
        }
        return next(context);
    }
}
