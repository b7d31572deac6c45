using Deconflict.Core.Surveillance;

namespace Deconflict.Cli.Replay;

/// <summary>Keeps one position per aircraft every <paramref name="intervalS"/> seconds of recording time, to draw the tracks faintly on the report's map.</summary>
internal sealed class TrackSampler(double intervalS = 30)
{
    private readonly Dictionary<string, double> _last = new(StringComparer.Ordinal);

    public Dictionary<string, List<(double Lat, double Lon)>> Tracks { get; } = new(StringComparer.Ordinal);

    public void Add(PositionReport r)
    {
        if (_last.TryGetValue(r.Id, out var last) && r.TimeS - last < intervalS)
        {
            return;
        }
        _last[r.Id] = r.TimeS;
        if (!Tracks.TryGetValue(r.Id, out var points))
        {
            Tracks[r.Id] = points = [];
        }
        points.Add((r.LatDeg, r.LonDeg));
    }
}
