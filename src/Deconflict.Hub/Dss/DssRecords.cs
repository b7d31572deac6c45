using Deconflict.Core.Utm;

namespace Deconflict.Hub.Dss;

/// <summary>An operational intent reference held by the DSS; <see cref="Party"/> is the hub party of its manager.</summary>
public sealed record DssOperationalIntent(
    string Id, string Manager, string Party, string State, long Version, string Ovn, string UssBaseUrl, string? SubscriptionId,
    IReadOnlyList<UtmVolume> Extents, DateTimeOffset UpdatedAt)
{
    public DateTimeOffset TimeStart => Extents.Min(e => e.TimeStart!.Value);

    public DateTimeOffset TimeEnd => Extents.Max(e => e.TimeEnd!.Value);
}

/// <summary>A constraint reference held by the DSS.</summary>
public sealed record DssConstraint(
    string Id, string Manager, string Party, long Version, string Ovn, string UssBaseUrl, IReadOnlyList<UtmVolume> Extents, DateTimeOffset UpdatedAt)
{
    public DateTimeOffset TimeStart => Extents.Min(e => e.TimeStart!.Value);

    public DateTimeOffset TimeEnd => Extents.Max(e => e.TimeEnd!.Value);
}

/// <summary>A subscription: one Volume4D (with both times set by the DSS), what it is notified of, and where.</summary>
public sealed record DssSubscription(
    string Id, string Manager, string Version, long NotificationIndex, string UssBaseUrl, bool NotifyForOperationalIntents,
    bool NotifyForConstraints, bool Implicit, UtmVolume Extent, DateTimeOffset UpdatedAt)
{
    public DateTimeOffset TimeStart => Extent.TimeStart!.Value;

    public DateTimeOffset TimeEnd => Extent.TimeEnd!.Value;
}

/// <summary>A USS's availability as arbitrated through the DSS.</summary>
public sealed record DssAvailability(string Uss, string Availability, string Version);
