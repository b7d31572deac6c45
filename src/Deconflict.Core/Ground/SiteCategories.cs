namespace Deconflict.Core.Ground;

/// <summary>The kinds of sites and movements the humanitarian notification system takes (OCHA HNS scope).</summary>
public static class SiteCategories
{
    public static IReadOnlySet<string> Sites { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "health", "school", "office", "warehouse", "water", "shelter", "camp", "distribution", "infrastructure", "other",
    };

    public static IReadOnlySet<string> Movements { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "convoy", "evacuation", "staff", "supplies", "medical", "other",
    };
}
