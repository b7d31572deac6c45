namespace Deconflict.Hub.Agreements;

/// <summary>What one party shares with another: everything, only its objects in conflict with the other, or nothing.</summary>
public enum Sharing
{
    None,
    ConflictsOnly,
    Full,
}
