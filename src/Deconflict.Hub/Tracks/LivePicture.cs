using Deconflict.Core.Surveillance;
using Microsoft.Extensions.Options;

namespace Deconflict.Hub.Tracks;

/// <summary>
/// The hub's one live air picture, fed by <c>POST /api/v1/tracks</c> and the SBS-1 and ASTERIX feeds, read by the
/// detection cycle, and its recent past (<see cref="History"/>) for the console's time cursor and debriefs.
/// </summary>
public sealed class LivePicture(IOptions<SurveillanceOptions> options, TimeProvider clock)
{
    public LiveTrackStore Store { get; } = new(options.Value.StaleAfterS, 1024);

    public TrackHistory History { get; } = new(options.Value.HistoryIntervalS, options.Value.HistoryRetentionS, options.Value.HistoryMaxSamples);

    public TimeProvider Clock { get; } = clock;

    private readonly List<TrackAssociator> _associators = [];

    /// <summary>The hub clock as UNIX seconds.</summary>
    public double NowS => Clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

    /// <summary>
    /// Takes reports of <paramref name="party"/> into the picture and records each updated track in the history;
    /// <paramref name="updated"/>, when given, receives the state of every track a report updated, in report order.
    /// </summary>
    public void Upsert(ReadOnlySpan<PositionReport> reports, string party, Span<UpsertResult> results = default, List<LiveTrack>? updated = null)
    {
        var taken = results.IsEmpty ? new UpsertResult[reports.Length] : results;
        Store.UpsertAll(reports, party, taken);
        History.Trim(NowS);
        for (var k = 0; k < reports.Length; k++)
        {
            if (taken[k] is UpsertResult.Added or UpsertResult.Updated && Store.TryGet(party, reports[k].Id, out var track))
            {
                History.Record(track);
                updated?.Add(track);
            }
        }
    }

    /// <summary>Registers a feed's associator, to be reconciled before each detection cycle.</summary>
    public void AddAssociator(TrackAssociator associator)
    {
        lock (_associators)
        {
            _associators.Add(associator);
        }
    }

    /// <summary>Reconciles every feed's associations with the picture as it is at <paramref name="nowS"/>.</summary>
    public void ReconcileAssociations(double nowS)
    {
        lock (_associators)
        {
            foreach (var a in _associators)
            {
                a.Reconcile(nowS);
            }
        }
    }
}
