using System.Text.Json.Nodes;

namespace Deconflict.Hub.Dss;

/// <summary>
/// F3548 views of what the DSS holds, built for one reader: the OVN of a reference only for its manager, the
/// manager's availability from arbitration.
/// </summary>
public static class DssViews
{
    /// <summary>Stands for "no subscription" where utm.yaml requires an id.</summary>
    public const string NoSubscription = "00000000-0000-4000-8000-000000000000";

    public static JsonObject Reference(DssOperationalIntent o, string reader, DssState state)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(state);
        var r = new JsonObject
        {
            ["id"] = o.Id,
            ["manager"] = o.Manager,
            ["uss_availability"] = state.AvailabilityOf(o.Manager),
            ["version"] = o.Version,
            ["state"] = o.State,
            ["time_start"] = DssWire.Time(o.TimeStart),
            ["time_end"] = DssWire.Time(o.TimeEnd),
            ["uss_base_url"] = o.UssBaseUrl,
            ["subscription_id"] = o.SubscriptionId ?? NoSubscription,
        };
        if (o.Manager == reader)
        {
            r["ovn"] = o.Ovn;
        }
        return r;
    }

    public static JsonObject Reference(DssConstraint c, string reader, DssState state)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(state);
        var r = new JsonObject
        {
            ["id"] = c.Id,
            ["manager"] = c.Manager,
            ["uss_availability"] = state.AvailabilityOf(c.Manager),
            ["version"] = c.Version,
            ["time_start"] = DssWire.Time(c.TimeStart),
            ["time_end"] = DssWire.Time(c.TimeEnd),
            ["uss_base_url"] = c.UssBaseUrl,
        };
        if (c.Manager == reader)
        {
            r["ovn"] = c.Ovn;
        }
        return r;
    }

    public static JsonObject Subscription(DssSubscription s, IReadOnlyList<string> dependents)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(dependents);
        return new JsonObject
        {
            ["id"] = s.Id,
            ["version"] = s.Version,
            ["notification_index"] = s.NotificationIndex,
            ["time_start"] = DssWire.Time(s.TimeStart),
            ["time_end"] = DssWire.Time(s.TimeEnd),
            ["uss_base_url"] = s.UssBaseUrl,
            ["notify_for_operational_intents"] = s.NotifyForOperationalIntents,
            ["notify_for_constraints"] = s.NotifyForConstraints,
            ["implicit_subscription"] = s.Implicit,
            ["dependent_operational_intents"] = new JsonArray([.. dependents.Select(d => (JsonNode)JsonValue.Create(d))]),
        };
    }

    public static JsonArray Array(IEnumerable<JsonObject> items) => new([.. items.Cast<JsonNode>()]);
}
