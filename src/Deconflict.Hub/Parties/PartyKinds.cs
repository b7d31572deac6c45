namespace Deconflict.Hub.Parties;

/// <summary>The kinds of party the hub knows.</summary>
public static class PartyKinds
{
    public static readonly IReadOnlyList<string> All = ["state", "coalition", "humanitarian", "operator", "observer"];
}
