namespace Deconflict.Hub.Dss;

/// <summary>What verifying a bearer token came to: the subject and scopes, or why it was refused.</summary>
public sealed record DssTokenCheck(string? Subject, IReadOnlySet<string> Scopes, string? Problem)
{
    public static DssTokenCheck Refused(string problem) => new(null, new HashSet<string>(), problem);
}
