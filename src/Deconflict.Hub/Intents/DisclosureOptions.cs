using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Deconflict.Hub.Intents;

/// <summary>
/// How much the strategic check may tell a party about intents it may not see, bound from the <c>Disclosure</c>
/// configuration section (and <c>DECONFLICT_PROBE_BUDGET</c>): a budget of conflict answers per pair of parties
/// per window, and the default bounds of a party's priorities (the admin sets them per party).
/// </summary>
public sealed class DisclosureOptions
{
    /// <summary>Conflict answers one party may receive about another's hidden intents per <see cref="ProbeWindow"/>; 0 = no limit.</summary>
    [Range(0, 1_000_000_000)]
    public int ProbeBudget { get; set; } =
        int.TryParse(Environment.GetEnvironmentVariable("DECONFLICT_PROBE_BUDGET"), NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : 10;

    /// <summary>The sliding window of <see cref="ProbeBudget"/>.</summary>
    public TimeSpan ProbeWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Lowest priority a party may declare unless the admin set its own bounds.</summary>
    public int DefaultPriorityMin { get; set; } = -1000;

    /// <summary>Highest priority a party may declare unless the admin set its own bounds.</summary>
    public int DefaultPriorityMax { get; set; } = 1000;
}
