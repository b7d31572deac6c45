using System.Runtime.InteropServices;
using Deconflict.Core.Surveillance;
using Deconflict.Hub.Events;
using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Tracks;

/// <summary>
/// What a surveillance feed (SBS-1, ASTERIX) does with the reports it decodes for one party: they enter the live
/// picture as that party's tracks, each aircraft is published as a <c>track</c> event at most once a second while
/// someone listens, and they are accounted for by one <c>tracks.feed</c> audit entry per interval carrying the digest
/// of the reports taken meanwhile, so a feed is accountable like <c>POST /api/v1/tracks</c> without an entry per line.
/// Not thread-safe: one per feed connection or socket.
/// </summary>
public sealed class FeedIntake(LivePicture picture, IHubStore store, HubEvents events, Cluster.IHubCluster cluster, string party, string source, double auditIntervalS)
    : IDisposable
{
    private readonly Dictionary<string, double> _published = new(StringComparer.Ordinal);
    private readonly TrackReportDigest _taken = new();
    private double _accountedAt = picture.NowS;

    public string Party { get; } = party;

    public string Source { get; } = source;

    /// <summary>Reports taken into the picture so far.</summary>
    public long Taken { get; private set; }

    public void Take(List<PositionReport> reports)
    {
        if (reports.Count == 0)
        {
            return;
        }
        picture.Upsert(CollectionsMarshal.AsSpan(reports), Party);
        cluster.Relay(Party, reports);
        Publish(reports);
        foreach (var r in reports)
        {
            _taken.Add(r);
        }
        Taken += reports.Count;
    }

    /// <summary>Writes the audit entry when the interval has passed since the last one.</summary>
    public async Task AccountIfDueAsync(CancellationToken ct)
    {
        if (picture.NowS - _accountedAt >= auditIntervalS)
        {
            await AccountAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>One audit entry for the reports taken since the last one (none when nothing was taken).</summary>
    public async Task AccountAsync(CancellationToken ct)
    {
        _accountedAt = picture.NowS;
        if (_taken.Count == 0)
        {
            return;
        }
        var content = HubJson.Serialize(new
        {
            source = Source,
            reports = _taken.Count,
            first_t = TracksApi.UtcTime(_taken.FirstS),
            last_t = TracksApi.UtcTime(_taken.LastS),
            reports_sha256 = _taken.Finish(),
        });
        await store.WriteAsync(w => w.AppendAuditAsync(Party, "tracks.feed", "tracks", Party, [Party], content), ct).ConfigureAwait(false);
    }

    public void Dispose() => _taken.Dispose();

    private void Publish(List<PositionReport> reports)
    {
        if (events.SubscriberCount == 0)
        {
            return;
        }
        var now = picture.NowS;
        foreach (var r in reports)
        {
            if (_published.TryGetValue(r.Id, out var last) && now - last < 1)
            {
                continue;
            }
            _published[r.Id] = now;
            if (picture.Store.TryGet(Party, r.Id, out var track))
            {
                events.PublishTransient("track", track.Id, Party, [], HubJson.Serialize(TracksApi.ToView(track)));
            }
        }
        if (_published.Count > 100_000)
        {
            _published.Clear();
        }
    }
}
