using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic;

namespace Deconflict.Core.Tests.Strategic;

/// <summary>Terse construction of intents for geometry cases.</summary>
internal static class Build
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static Volume4D Volume(VolumeShape shape, double lower = 0, double upper = 5000, double startH = 0, double endH = 4) =>
        new(shape, lower, upper, T0.AddHours(startH), T0.AddHours(endH));

    public static OperationalIntent Intent(string id, string party, Volume4D volume, int priority = 0, IntentState state = IntentState.Accepted) =>
        new(id, party, state, priority, 1, [volume]);

    public static OperationalIntent Intent(string id, string party, VolumeShape shape, int priority = 0, IntentState state = IntentState.Accepted) =>
        Intent(id, party, Volume(shape), priority, state);

    public static CircleShape Circle(double lat, double lon, double radiusM) => new(new GeoPoint(lat, lon), radiusM);

    public static PolygonShape Polygon(params (double Lat, double Lon)[] vertices) => new([.. vertices.Select(v => new GeoPoint(v.Lat, v.Lon))]);

    public static CorridorShape Corridor(double halfWidthM, params (double Lat, double Lon)[] path) => new([.. path.Select(v => new GeoPoint(v.Lat, v.Lon))], halfWidthM);

    public static GeoPoint Offset(double lat, double lon, double azimuthDeg, double metres)
    {
        var d = Geodesic.Direct(lat, lon, azimuthDeg, metres);
        return new GeoPoint(d.LatDeg, d.LonDeg);
    }

    /// <summary>Conflicts of <paramref name="a"/> as a candidate against an index holding only <paramref name="b"/>.</summary>
    public static IReadOnlyList<StrategicConflict> Check(OperationalIntent a, OperationalIntent b, StrategicBuffers? buffers = null)
    {
        var index = new StrategicIndex();
        index.Upsert(b);
        return index.FindConflicts(a, buffers is { } x ? (_, _) => x : null);
    }

    public static bool Conflicts(VolumeShape a, VolumeShape b, StrategicBuffers? buffers = null)
    {
        var forward = Check(Intent("a", "p1", a), Intent("b", "p2", b), buffers).Count == 1;
        var backward = Check(Intent("b", "p2", b), Intent("a", "p1", a), buffers).Count == 1;
        forward.ShouldBe(backward, "the conflict rule is symmetric");
        return forward;
    }
}
