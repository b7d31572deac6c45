namespace Deconflict.Core.Strategic;

/// <summary>
/// The directions in which an alternative moves an intent. Lateral directions are relative to each corridor's
/// path, from its first position to its last: <see cref="Left"/> is to the left of an aircraft flying it.
/// </summary>
public enum AlternativeKind
{
    /// <summary>Every window later by the same whole number of time steps.</summary>
    Delay,

    /// <summary>Every window earlier.</summary>
    Advance,

    /// <summary>Every band higher, same thickness.</summary>
    Above,

    /// <summary>Every band lower, same thickness.</summary>
    Below,

    /// <summary>Every corridor (route or orbit) moved sideways, to the left of its path.</summary>
    Left,

    /// <summary>Every corridor moved to the right of its path.</summary>
    Right,
}
