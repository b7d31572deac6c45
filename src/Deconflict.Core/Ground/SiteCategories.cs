namespace Deconflict.Core.Ground;

/// <summary>The usual kinds of sites and movements in humanitarian notification (OCHA HNS scope); other short words are accepted too.</summary>
public static class SiteCategories
{
    public static IReadOnlySet<string> Sites { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "health", "hospital", "clinic", "school", "office", "warehouse", "water", "shelter", "camp", "distribution", "infrastructure", "other",
    };

    public static IReadOnlySet<string> Movements { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "convoy", "evacuation", "staff", "supplies", "medical", "other",
    };
}
