using System.Text.Json.Nodes;
using Deconflict.Core.Utm;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Dss;

/// <summary>
/// The subscribers a change must be told to: every live subscription (the caller's own too) whose extent meets the
/// changed entity's old or new extents and that asked for that kind of entity. Each one's notification index goes up
/// by one in the same write; the reply groups them by <c>uss_base_url</c>.
/// </summary>
public static class DssSubscribers
{
    public static async Task<JsonArray> NotifyAsync(IHubWriter w, DssState state, IReadOnlyList<UtmVolume> extents, bool operationalIntents,
        IReadOnlyDictionary<string, DssSubscription>? staged = null, IReadOnlySet<string>? removed = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(state);
        var subscriptions = state.Subscriptions.Values
            .Select(s => staged is not null && staged.TryGetValue(s.Id, out var changed) ? changed : s)
            .Concat(staged?.Values.Where(s => !state.Subscriptions.ContainsKey(s.Id)) ?? [])
            .Where(s => removed?.Contains(s.Id) != true && s.TimeEnd > w.Now && (operationalIntents ? s.NotifyForOperationalIntents : s.NotifyForConstraints))
            .Where(s => UtmOverlap.Intersects([s.Extent], extents))
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        var byUrl = new SortedDictionary<string, JsonArray>(StringComparer.Ordinal);
        foreach (var s in subscriptions)
        {
            var next = s with { NotificationIndex = s.NotificationIndex + 1 };
            await DssStore.UpsertAsync(w, next).ConfigureAwait(false);
            w.AfterCommit(() => state.Subscriptions[next.Id] = next);
            if (!byUrl.TryGetValue(s.UssBaseUrl, out var list))
            {
                byUrl[s.UssBaseUrl] = list = [];
            }
            list.Add(new JsonObject { ["subscription_id"] = s.Id, ["notification_index"] = next.NotificationIndex });
        }
        return new JsonArray([.. byUrl.Select(kv => (JsonNode)new JsonObject { ["subscriptions"] = kv.Value, ["uss_base_url"] = kv.Key })]);
    }
}
