namespace Deconflict.Core.Surveillance;

/// <summary>
/// Alert levels by time to predicted loss of separation, in the manner of DO-365 (preventive,
/// corrective, warning). Ordered: a higher value is more urgent.
/// </summary>
public enum AlertLevel
{
    None = 0,

    /// <summary>Loss of separation predicted within the caution time (default 300 s): plan a resolution.</summary>
    Caution = 1,

    /// <summary>Loss of separation predicted within the warning time (default 60 s), or already lost: act now.</summary>
    Warning = 2,
}
