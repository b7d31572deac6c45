namespace Deconflict.Hub.Dss;

/// <summary>
/// A USS calling the DSS, as its bearer token says: <c>sub</c> (the USS, the F3548 <c>manager</c>), its scopes, the
/// hub party it maps to (set by <see cref="DssAuthFilter"/> once the scopes pass), or why the token was refused.
/// </summary>
public sealed record DssCaller(string Subject, IReadOnlySet<string> Scopes, string PartyId, string? Refusal = null)
{
    public bool Has(string scope) => Scopes.Contains(scope);

    /// <summary>Binds the caller from the Authorization header; a bad token still binds, with its refusal, for the filter to answer.</summary>
    public static async ValueTask<DssCaller?> BindAsync(HttpContext context, System.Reflection.ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var check = await context.RequestServices.GetRequiredService<DssTokens>().CheckAsync(context.Request.Headers.Authorization.ToString()).ConfigureAwait(false);
        return new DssCaller(check.Subject ?? "", check.Scopes, "", check.Problem);
    }
}
