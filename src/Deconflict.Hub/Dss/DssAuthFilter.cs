namespace Deconflict.Hub.Dss;

/// <summary>
/// Guards one DSS endpoint: a verified token (else 401) carrying one of the endpoint's scopes (else 403), its subject
/// mapped to a hub party; the handler's <see cref="DssCaller"/> argument then carries the party. A <see cref="DssInputException"/> from the
/// handler becomes 400 naming the field. Every refusal is an F3548 <c>ErrorResponse</c>.
/// </summary>
public sealed class DssAuthFilter(IReadOnlyList<string> anyOf) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var index = -1;
        for (var i = 0; i < context.Arguments.Count && index < 0; i++)
        {
            index = context.Arguments[i] is DssCaller ? i : -1;
        }
        if (index < 0 || context.Arguments[index] is not DssCaller caller || caller.Refusal is not null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return DssReply.Error(StatusCodes.Status401Unauthorized, (index < 0 ? null : (context.Arguments[index] as DssCaller)?.Refusal) ?? "An access token is required.").ToResult();
        }
        if (!anyOf.Any(caller.Scopes.Contains))
        {
            return DssReply.Forbidden($"The access token needs one of the scopes {string.Join(", ", anyOf)} for this endpoint.").ToResult();
        }
        var party = await http.RequestServices.GetRequiredService<DssParties>().PartyOfAsync(caller.Subject, http.RequestAborted).ConfigureAwait(false);
        context.Arguments[index] = caller with { PartyId = party };
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (DssInputException e)
        {
            return DssReply.BadRequest(e.Message).ToResult();
        }
    }
}
