namespace Deconflict.Core.Hotline;

/// <summary>
/// A language-neutral message template: its id, typed parameters, and whether the recipient must acknowledge it
/// within the agreement's deadline. Its wording per language lives in the catalogue data files.
/// </summary>
public sealed record HotlineTemplate(string Id, bool NeedsAck, IReadOnlyList<HotlineParameter> Parameters)
{
    public HotlineParameter? Find(string name) => Parameters.FirstOrDefault(p => p.Name == name);
}
