using System.Text.Json;
using System.Text.Json.Nodes;
using Deconflict.Hub.Json;

namespace Deconflict.Hub.Ground;

/// <summary>Ground objects as replied: the stored Feature plus version and, for sites, the acknowledgement state the viewer may know.</summary>
public static class GroundViews
{
    /// <summary>
    /// The Feature for <paramref name="viewer"/>. The owner of a site sees every acknowledgement and which notified
    /// parties have not acknowledged the current version; another party sees only whether it acknowledged.
    /// </summary>
    public static JsonObject Feature(GroundObjectRecord o, string viewer, IReadOnlyList<SiteAckRecord> acks, IReadOnlyList<string> notified)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(acks);
        ArgumentNullException.ThrowIfNull(notified);
        var node = JsonNode.Parse(o.GeoJson)!.AsObject();
        var props = node["properties"]!.AsObject();
        props["version"] = o.Version;
        props["updated_at"] = UtcTimeConverter.Format(o.UpdatedAt);
        if (o.Kind != GroundStore.Site)
        {
            return node;
        }
        if (o.Party == viewer)
        {
            var current = acks.Where(a => a.Version == o.Version).Select(a => a.PartyId).ToHashSet(StringComparer.Ordinal);
            props["acknowledgements"] = JsonSerializer.SerializeToNode(
                acks.Select(a => new SiteAckView(a.SiteId, a.PartyId, a.Version, a.AckedAt, a.Version == o.Version)).ToList(), HubJson.Options);
            props["notified_parties"] = JsonSerializer.SerializeToNode(notified, HubJson.Options);
            props["pending_acknowledgement"] = JsonSerializer.SerializeToNode(notified.Where(p => !current.Contains(p)).ToList(), HubJson.Options);
        }
        else
        {
            props["acknowledged"] = acks.Any(a => a.PartyId == viewer && a.Version == o.Version);
        }
        return node;
    }

    public static JsonObject Collection(IEnumerable<JsonObject> features) =>
        new() { ["type"] = "FeatureCollection", ["features"] = new JsonArray([.. features]) };
}
