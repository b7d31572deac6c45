namespace Deconflict.Hub.Dss;

/// <summary>
/// A USS calling the DSS, as its verified token says: <c>sub</c> (the USS, the F3548 <c>manager</c>), its scopes, and
/// the hub party it maps to (set by <see cref="DssAuthFilter"/>).
/// </summary>
public sealed record DssCaller(string Subject, IReadOnlySet<string> Scopes, string PartyId)
{
    public bool Has(string scope) => Scopes.Contains(scope);

    public static ValueTask<DssCaller?> BindAsync(HttpContext context, System.Reflection.ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(context.Features.Get<DssCaller>());
    }
}
