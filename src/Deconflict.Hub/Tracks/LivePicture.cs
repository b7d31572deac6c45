using Deconflict.Core.Surveillance;
using Microsoft.Extensions.Options;

namespace Deconflict.Hub.Tracks;

/// <summary>The hub's one live air picture, fed by <c>POST /api/v1/tracks</c> and SBS-1 feeds, read by the detection cycle.</summary>
public sealed class LivePicture(IOptions<SurveillanceOptions> options, TimeProvider clock)
{
    public LiveTrackStore Store { get; } = new(options.Value.StaleAfterS, 1024);

    public TimeProvider Clock { get; } = clock;

    private readonly List<TrackAssociator> _associators = [];

    /// <summary>The hub clock as UNIX seconds.</summary>
    public double NowS => Clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

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
