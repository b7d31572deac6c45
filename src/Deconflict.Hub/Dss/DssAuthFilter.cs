namespace Deconflict.Hub.Dss;

/// <summary>
/// Guards one DSS endpoint: a verified token (else 401) carrying one of the endpoint's scopes (else 403), its subject
/// mapped to a hub party; the handler then takes <see cref="DssCaller"/>. A <see cref="DssInputException"/> from the
/// handler becomes 400 naming the field. Every refusal is an F3548 <c>ErrorResponse</c>.
/// </summary>
public sealed class DssAuthFilter(IReadOnlyList<string> anyOf) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var tokens = http.RequestServices.GetRequiredService<DssTokens>();
        var check = await tokens.CheckAsync(http.Request.Headers.Authorization.ToString()).ConfigureAwait(false);
        if (check.Problem is not null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return DssReply.Error(StatusCodes.Status401Unauthorized, check.Problem).ToResult();
        }
        if (!anyOf.Any(check.Scopes.Contains))
        {
            return DssReply.Forbidden($"The access token needs one of the scopes {string.Join(", ", anyOf)} for this endpoint.").ToResult();
        }
        var party = await http.RequestServices.GetRequiredService<DssParties>().PartyOfAsync(check.Subject!, http.RequestAborted).ConfigureAwait(false);
        http.Features.Set(new DssCaller(check.Subject!, check.Scopes, party));
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
