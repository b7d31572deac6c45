using Deconflict.Core.Surveillance;
using Microsoft.Extensions.Options;

namespace Deconflict.Hub.Tracks;

/// <summary>The hub's one live air picture, fed by <c>POST /api/v1/tracks</c> and SBS-1 feeds, read by the detection cycle.</summary>
public sealed class LivePicture(IOptions<SurveillanceOptions> options, TimeProvider clock)
{
    public LiveTrackStore Store { get; } = new(options.Value.StaleAfterS, 1024);

    public TimeProvider Clock { get; } = clock;

    /// <summary>The hub clock as UNIX seconds.</summary>
    public double NowS => Clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
}
