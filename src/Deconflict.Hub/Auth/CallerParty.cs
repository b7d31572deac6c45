using System.Reflection;

namespace Deconflict.Hub.Auth;

/// <summary>
/// Who is calling, as established by <see cref="BearerKeyMiddleware"/>: a party (by one of its keys) or the admin.
/// Endpoints take it as a parameter.
/// </summary>
public sealed record CallerParty(string? PartyId, string? KeyId, bool IsAdmin)
{
    public static readonly CallerParty Admin = new(null, null, true);

    /// <summary>The party id; the admin is no party and gets an empty string that matches nothing.</summary>
    public string Id => PartyId ?? "";

    public static ValueTask<CallerParty?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(context.Features.Get<CallerParty>());
    }
}
