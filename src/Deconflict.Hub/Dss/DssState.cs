using System.Collections.Concurrent;
using Deconflict.Core.Utm;

namespace Deconflict.Hub.Dss;

/// <summary>
/// What the DSS holds, in memory for area queries: loaded from the store at start and changed only after a write
/// commits (inside the write serialisation, so every write sees the state of the one before it).
/// </summary>
public sealed class DssState
{
    public ConcurrentDictionary<string, DssOperationalIntent> OperationalIntents { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, DssConstraint> Constraints { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, DssSubscription> Subscriptions { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, DssAvailability> Availability { get; } = new(StringComparer.Ordinal);

    /// <summary>Token subject → hub party.</summary>
    public ConcurrentDictionary<string, string> Subjects { get; } = new(StringComparer.Ordinal);

    /// <summary>Hub parties that speak through the DSS (their intents are deconflicted with each other by OVN keys).</summary>
    public bool IsUssParty(string party) => Subjects.Values.Contains(party, StringComparer.Ordinal);

    public string AvailabilityOf(string uss) => Availability.TryGetValue(uss, out var a) ? a.Availability : "Unknown";

    public IEnumerable<DssOperationalIntent> IntentsIn(IReadOnlyList<UtmVolume> area, DateTimeOffset now) =>
        OperationalIntents.Values.Where(o => o.TimeEnd > now && UtmOverlap.Intersects(o.Extents, area)).OrderBy(o => o.Id, StringComparer.Ordinal);

    public IEnumerable<DssConstraint> ConstraintsIn(IReadOnlyList<UtmVolume> area, DateTimeOffset now) =>
        Constraints.Values.Where(c => c.TimeEnd > now && UtmOverlap.Intersects(c.Extents, area)).OrderBy(c => c.Id, StringComparer.Ordinal);

    public IEnumerable<DssSubscription> SubscriptionsIn(IReadOnlyList<UtmVolume> area, DateTimeOffset now) =>
        Subscriptions.Values.Where(s => s.TimeEnd > now && UtmOverlap.Intersects([s.Extent], area)).OrderBy(s => s.Id, StringComparer.Ordinal);

    public IReadOnlyList<string> DependentsOf(string subscriptionId) =>
        [.. OperationalIntents.Values.Where(o => o.SubscriptionId == subscriptionId).Select(o => o.Id).Order(StringComparer.Ordinal)];
}
