using Deconflict.Core.Geodesy;
using Deconflict.Core.Surveillance;

namespace Deconflict.Core.Tests.Surveillance;

/// <summary>
/// Pairs of synthetic aircraft written into a real recording: straight flight through a meeting
/// point at a given time, reports every 10 s like the recording, altitudes in 25 ft steps and
/// vertical rates in 64 ft/min steps, level aircraft with ±64 ft/min of rate noise as real ones have.
/// </summary>
internal static class InjectedConflicts
{
    /// <summary>One aircraft's flight: at <c>MeetS</c> it is over the meeting point at <c>AltFt</c>.</summary>
    public sealed record Flight(string Id, double TrkDeg, double GsKt, double AltFt, double VsFpm);

    public sealed record Scenario(string Name, double MeetS, double LatDeg, double LonDeg, Flight A, Flight B, bool ShouldAlert);

    public static IEnumerable<PositionReport> Reports(Scenario s, int seed)
    {
        var random = new Random(seed);
        for (var t = s.MeetS - 900; t <= s.MeetS + 300; t += 10)
        {
            yield return Report(s, s.A, t, random);
            yield return Report(s, s.B, t, random);
        }
    }

    /// <summary>The first report time at which the two are within 5 NM (geodesic) and under 1000 ft: the loss of separation.</summary>
    public static double LossOfSeparationS(Scenario s)
    {
        var random = new Random(0);
        for (var t = s.MeetS - 900; t <= s.MeetS + 300; t += 10)
        {
            var a = Report(s, s.A, t, random);
            var b = Report(s, s.B, t, random);
            var d = Geodesic.Inverse(a.LatDeg, a.LonDeg, b.LatDeg, b.LonDeg).DistanceM / 1852;
            if (d < 5 && Math.Abs(a.AltFt - b.AltFt) < 1000)
            {
                return t;
            }
        }
        return double.NaN;
    }

    private static PositionReport Report(Scenario s, Flight f, double t, Random random)
    {
        var dt = t - s.MeetS;
        var distance = f.GsKt * 1852 / 3600 * dt;
        var p = Geodesic.Direct(s.LatDeg, s.LonDeg, distance >= 0 ? f.TrkDeg : f.TrkDeg + 180, Math.Abs(distance));
        var alt = f.AltFt + (f.VsFpm * dt / 60);
        var vs = f.VsFpm == 0 ? 64 * random.Next(-1, 2) : Math.Round(f.VsFpm / 64) * 64;
        return new PositionReport(f.Id, t, p.LatDeg, p.LonDeg, Math.Round(alt / 25) * 25, f.GsKt, f.TrkDeg, vs);
    }

    /// <summary>The scenarios of the issue, spread over the Swiss 4 h window among the real traffic.</summary>
    public static Scenario[] Standard(double startS) =>
    [
        new("crossing at the same level", startS + 1800, 47.0, 8.0,
            new("inj01a", 90, 450, 37000, 0), new("inj01b", 180, 430, 37000, 0), true),
        new("climbing through another's level", startS + 3600, 46.8, 7.5,
            new("inj02a", 270, 460, 36000, 0), new("inj02b", 0, 420, 36000, 2000), true),
        new("descending through another's level", startS + 5400, 47.2, 8.6,
            new("inj03a", 45, 440, 34000, 0), new("inj03b", 135, 430, 34000, -1500), true),
        new("level 500 ft apart", startS + 7200, 46.6, 9.0,
            new("inj04a", 100, 450, 35000, 0), new("inj04b", 280, 450, 35500, 0), true),
        new("climbing side by side under 1000 ft apart", startS + 9000, 47.1, 7.2,
            new("inj05a", 20, 440, 33000, 1500), new("inj05b", 35, 440, 33700, 1500), true),
        new("slow climb through another's level", startS + 10800, 46.9, 8.3,
            new("inj06a", 200, 450, 38000, 0), new("inj06b", 300, 430, 38000, 600), true),
        new("level on adjacent levels (separated)", startS + 12600, 47.3, 7.8,
            new("inj07a", 60, 450, 36000, 0), new("inj07b", 240, 450, 37000, 0), false),
    ];
}
