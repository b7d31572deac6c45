using Deconflict.Core.Surveillance;
using Deconflict.Hub.Cluster.Grains;
using Deconflict.Hub.Events;
using Deconflict.Hub.Json;
using Deconflict.Hub.Tracks;

namespace Deconflict.Hub.Cluster;

/// <summary>
/// This node's live picture as the other nodes reach it: reports another node accepted (and checked) for a party are
/// taken in as that party's, and shown on this node's event streams like reports made here.
/// </summary>
public sealed class PictureReceiver(LivePicture picture, HubEvents events) : IPictureObserver
{
    public Task Reports(string party, PositionReport[] reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var updated = new List<LiveTrack>(reports.Length);
        picture.Upsert(reports, party, updated: updated);
        if (events.SubscriberCount > 0)
        {
            foreach (var track in updated)
            {
                events.PublishTransient("track", track.Id, party, [], HubJson.Serialize(TracksApi.ToView(track)));
            }
        }
        return Task.CompletedTask;
    }
}
