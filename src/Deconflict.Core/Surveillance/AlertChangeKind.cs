namespace Deconflict.Core.Surveillance;

public enum AlertChangeKind
{
    Raised,
    LevelChanged,
    Cleared,
}
