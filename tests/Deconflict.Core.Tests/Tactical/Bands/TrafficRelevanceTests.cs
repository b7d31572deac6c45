using CsCheck;
using Deconflict.Core.Tactical.Bands;

namespace Deconflict.Core.Tests.Tactical.Bands;

/// <summary>
/// The traffic a kind's search leaves out must be traffic no manoeuvre of that kind brings inside the cylinder:
/// an intruder placed inside the cylinder around the ownship at some time t along a random manoeuvre must be kept,
/// with a window that contains t.
/// </summary>
public class TrafficRelevanceTests
{
    private const double HorizonS = 302;
    private static readonly Cylinder Detector = new(5 * Units.NmToM, 1000 * Units.FtToM);

    private static readonly Gen<PlaneState> Own = Gen.Select(Gen.Double[1_000, 15_000], Gen.Double[40, 360], Gen.Double[0, 2 * Math.PI], Gen.Double[-30, 30],
        (z, gs, trk, vz) => new PlaneState(0, 0, z, gs * Math.Sin(trk), gs * Math.Cos(trk), vz));

    // The intruder's state at time t: inside the cylinder around the ownship's, any velocity.
    private static readonly Gen<(double R, double Bearing, double Dz, double Gs, double Trk, double Vz)> Offset =
        Gen.Select(Gen.Double[0, 0.999], Gen.Double[0, 2 * Math.PI], Gen.Double[-0.999, 0.999], Gen.Double[0, 360], Gen.Double[0, 2 * Math.PI], Gen.Double[-30, 30]);

    private static readonly Gen<(int Direction, double ManoeuvreS, double T)> Manoeuvre =
        Gen.Select(Gen.Int[0, 1].Select(i => (2 * i) - 1), Gen.Double[0, 200], Gen.Double[0, HorizonS]);

    [Fact]
    public void Every_aircraft_a_turn_can_reach_is_kept_with_the_time_in_its_window() =>
        Gen.Select(Own, Offset, Manoeuvre).Sample((own, offset, m) =>
        {
            var omega = 3 * Units.DegToRad;
            var at = m.T <= m.ManoeuvreS
                ? OwnshipTrajectories.Turn(own, m.Direction, omega, m.T)
                : OwnshipTrajectories.Turn(own, m.Direction, omega, m.ManoeuvreS).At(m.T - m.ManoeuvreS);
            Check(TrafficRelevance.ForTurns(own, [IntruderAt0(at, offset, m.T)], Detector, HorizonS), m.T);
        }, iter: 5_000);

    [Fact]
    public void Every_aircraft_a_speed_change_can_reach_is_kept_with_the_time_in_its_window() =>
        Gen.Select(Own, Offset, Manoeuvre).Sample((own, offset, m) =>
        {
            const double accel = 2;
            var fastest = Math.Max(own.GroundSpeed, 360);
            var limit = m.Direction < 0 ? own.GroundSpeed / accel : (fastest - own.GroundSpeed) / accel;
            var u = Math.Min(m.ManoeuvreS, limit);
            var at = m.T <= u
                ? OwnshipTrajectories.GroundSpeedChange(own, m.Direction, accel, m.T)
                : OwnshipTrajectories.GroundSpeedChange(own, m.Direction, accel, u).At(m.T - u);
            Check(TrafficRelevance.ForSpeedChanges(own, [IntruderAt0(at, offset, m.T)], Detector, HorizonS, fastest), m.T);
        }, iter: 5_000);

    [Fact]
    public void Every_aircraft_a_vertical_manoeuvre_can_reach_is_kept_with_the_time_in_its_window() =>
        Gen.Select(Own, Offset, Manoeuvre).Sample((own, offset, m) =>
        {
            var accel = 0.25 * Units.G;
            var at = m.T <= m.ManoeuvreS
                ? OwnshipTrajectories.VerticalSpeedChange(own, m.Direction, accel, m.T)
                : OwnshipTrajectories.VerticalSpeedChange(own, m.Direction, accel, m.ManoeuvreS).At(m.T - m.ManoeuvreS);
            Check(TrafficRelevance.ForVerticalManoeuvres(own, [IntruderAt0(at, offset, m.T)], Detector, HorizonS), m.T);
        }, iter: 5_000);

    [Fact]
    public void Aircraft_on_a_level_1100_ft_away_are_left_out_of_turns_and_speed_changes()
    {
        var own = new PlaneState(0, 0, 10_000, 0, 230, 0);
        PlaneState[] traffic = [own with { X = 3_000, Z = 10_000 + (1100 * Units.FtToM) }];
        TrafficRelevance.ForTurns(own, traffic, Detector, HorizonS).Count.ShouldBe(0);
        TrafficRelevance.ForSpeedChanges(own, traffic, Detector, HorizonS, 360).Count.ShouldBe(0);
        // A vertical manoeuvre does reach it, throughout.
        var vertical = TrafficRelevance.ForVerticalManoeuvres(own, traffic, Detector, HorizonS);
        vertical.Count.ShouldBe(1);
        vertical.Overlaps(0, 0, HorizonS).ShouldBeTrue();
    }

    private static PlaneState IntruderAt0(in PlaneState ownAtT, (double R, double Bearing, double Dz, double Gs, double Trk, double Vz) o, double t)
    {
        var (sin, cos) = Math.SinCos(o.Bearing);
        var atT = new PlaneState(ownAtT.X + (o.R * Detector.D * sin), ownAtT.Y + (o.R * Detector.D * cos), ownAtT.Z + (o.Dz * Detector.H),
            o.Gs * Math.Sin(o.Trk), o.Gs * Math.Cos(o.Trk), o.Vz);
        Detector.Violation(ownAtT, atT).ShouldBeTrue();
        return atT.At(-t);
    }

    private static void Check(ReachableTraffic kept, double t)
    {
        kept.Count.ShouldBe(1);
        kept.Overlaps(0, t, t).ShouldBeTrue($"window [{kept.FromS[0]}, {kept.ToS[0]}] misses {t}");
    }
}
