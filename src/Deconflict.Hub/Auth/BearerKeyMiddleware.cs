using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Auth;

/// <summary>
/// Requires <c>Authorization: Bearer &lt;key&gt;</c> on every <c>/api/</c> path. The key row is read on every
/// request, so a revoked key fails at once (no cache outlives a revoke).
/// </summary>
public sealed class BearerKeyMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IHubStore store, AdminKey admin)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(admin);
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        var caller = await AuthenticateAsync(context, store, admin).ConfigureAwait(false);
        if (caller is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Problems.Unauthorized("A valid API key is required: Authorization: Bearer <key>.").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }
        context.Features.Set(caller);
        await next(context).ConfigureAwait(false);
    }

    private static async Task<CallerParty?> AuthenticateAsync(HttpContext context, IHubStore store, AdminKey admin)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var presented = header[scheme.Length..].Trim();
        if (presented.Length is 0 or > 512)
        {
            return null;
        }
        if (admin.Matches(presented))
        {
            return CallerParty.Admin;
        }
        if (!ApiKeys.TryParse(presented, out var keyId, out var secret))
        {
            return null;
        }
        var key = await store.GetKeyAsync(keyId, context.RequestAborted).ConfigureAwait(false);
        if (key is null || key.RevokedAt is not null || !ApiKeys.Matches(secret, key.SecretHash))
        {
            return null;
        }
        return new CallerParty(key.PartyId, key.KeyId, false);
    }
}
