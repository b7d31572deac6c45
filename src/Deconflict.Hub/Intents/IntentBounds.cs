using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic;

namespace Deconflict.Hub.Intents;

/// <summary>
/// A generous longitude/latitude box and time span around an intent's volumes, stored as columns so that
/// <c>GET /api/v1/intents?bbox=&amp;from=&amp;to=</c> filters in SQL. The box pads circles and corridors by their
/// radius and polygons a little for great-circle edges bulging poleward; it is a listing filter, never a conflict test.
/// </summary>
public readonly record struct IntentBounds(double MinLon, double MinLat, double MaxLon, double MaxLat, DateTimeOffset TimeStart, DateTimeOffset TimeEnd)
{
    private const double MetresPerDegree = 111_000;

    public static IntentBounds Of(OperationalIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        double minLon = 180, minLat = 90, maxLon = -180, maxLat = -90;
        var start = DateTimeOffset.MaxValue;
        var end = DateTimeOffset.MinValue;
        foreach (var v in intent.Volumes)
        {
            start = v.TimeStart < start ? v.TimeStart : start;
            end = v.TimeEnd > end ? v.TimeEnd : end;
            var (points, padM) = v.Shape switch
            {
                CircleShape c => ((IReadOnlyList<GeoPoint>)[c.Centre], c.RadiusM),
                CorridorShape c => (c.Path, c.HalfWidthM),
                PolygonShape p => (p.Vertices, 1_000.0),
                _ => ((IReadOnlyList<GeoPoint>)[], 0.0),
            };
            foreach (var p in points)
            {
                var dLat = padM * 1.01 / MetresPerDegree + (v.Shape is PolygonShape ? 0.5 : 0);
                var cos = Math.Max(Math.Cos(p.LatDeg * Math.PI / 180), 0.01);
                var dLon = padM * 1.01 / (MetresPerDegree * cos);
                minLat = Math.Min(minLat, p.LatDeg - dLat);
                maxLat = Math.Max(maxLat, p.LatDeg + dLat);
                minLon = Math.Min(minLon, p.LonDeg - dLon);
                maxLon = Math.Max(maxLon, p.LonDeg + dLon);
            }
        }
        if (intent.Volumes.Count == 0)
        {
            return new IntentBounds(0, 0, 0, 0, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        }
        return new IntentBounds(Math.Max(minLon, -180), Math.Max(minLat, -90), Math.Min(maxLon, 180), Math.Min(maxLat, 90), start, end);
    }
}
