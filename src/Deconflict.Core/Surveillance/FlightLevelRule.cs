namespace Deconflict.Core.Surveillance;

/// <summary>
/// When two level aircraft are separated by their flight levels, whatever the detector predicts
/// from noisy vertical rates and quantised altitudes. Mode C/S altitude comes in 25 ft (or 100 ft)
/// steps and ADS-B vertical rate in 64 ft/min steps, so two aircraft cruising on adjacent levels
/// 1000 ft apart are reported 950–1050 ft apart with rates of ±64 ft/min, and a cylinder detector
/// extrapolating those rates predicts a loss of separation that will not happen.
/// <para>
/// A pair is separated by this rule when each aircraft is <em>level</em> (|vertical rate| at most
/// <see cref="LevelRateFpm"/>), each sits <em>on a level</em> (within <see cref="ToleranceFt"/> of
/// a multiple of <see cref="LevelStepFt"/>), and the two levels are at least the pair's vertical
/// minimum apart. Climbing or descending aircraft, and aircraft off their level by more than the
/// tolerance, are never filtered.
/// </para>
/// <para>
/// Defaults: levels every 500 ft (IFR levels every 1000 ft and VFR levels at the 500s, ICAO Annex 2
/// Appendix 3; so a pair "level" 500 ft apart is never filtered under a 1000 ft minimum). Tolerance
/// 100 ft: RVSM airworthiness requires an automatic altitude control holding ±65 ft in level flight
/// (ICAO Doc 9574; FAA AC 91-85), plus one 25 ft altitude quantum, plus the few feet the snapshot's
/// extrapolation adds between report and cycle; ATC itself treats an aircraft as maintaining its
/// level within ±200 ft (ICAO Doc 4444 §8.5.5.1), so this is the stricter reading. Level rate
/// 300 ft/min: above the ±64–256 ft/min noise of level aircraft (99.1 % of the Swiss-day reports
/// within 90 ft of a 1000-ft level report at most 320 ft/min, 95.8 % at most 64) and below any
/// deliberate level change, which is flown at 500 ft/min or more (ICAO Doc 8168 asks for 500 to
/// 1500 ft/min over the last 1000 ft before the cleared level).
/// </para>
/// </summary>
public sealed record FlightLevelRule(double LevelStepFt = 500, double ToleranceFt = 100, double LevelRateFpm = 300, double HeldS = 30)
{
    public static FlightLevelRule Default { get; } = new();

    public bool IsValid => HeldS >= 0 && double.IsFinite(HeldS) && LevelStepFt > 0 && double.IsFinite(LevelStepFt) && ToleranceFt >= 0 && ToleranceFt < LevelStepFt / 2
        && LevelRateFpm >= 0 && double.IsFinite(LevelRateFpm);

    /// <summary>
    /// The level an aircraft holds, or NaN when it climbs, descends or is off every level by more
    /// than the tolerance. It is level when its reported rate is at most <see cref="LevelRateFpm"/>
    /// or its reported altitude has held within 100 ft for <see cref="HeldS"/> (a mean rate under
    /// 200 ft/min, seen in the altitudes whatever noise the rate carries: turbulence makes level
    /// aircraft report ±300–800 ft/min while their altitude does not move).
    /// </summary>
    public double LevelOf(double altFt, double vsFpm, double altitudeHeldS = 0)
    {
        if (double.IsNaN(altFt) || (Math.Abs(double.IsNaN(vsFpm) ? 0 : vsFpm) > LevelRateFpm && !(altitudeHeldS >= HeldS)))
        {
            return double.NaN;
        }
        var level = Math.Round(altFt / LevelStepFt) * LevelStepFt;
        return Math.Abs(altFt - level) <= ToleranceFt ? level : double.NaN;
    }

    /// <summary>Whether both aircraft hold levels at least <paramref name="verticalMinimumFt"/> apart.</summary>
    public bool Separates(double alt1Ft, double vs1Fpm, double alt2Ft, double vs2Fpm, double verticalMinimumFt,
        double altitude1HeldS = 0, double altitude2HeldS = 0)
    {
        var l1 = LevelOf(alt1Ft, vs1Fpm, altitude1HeldS);
        var l2 = LevelOf(alt2Ft, vs2Fpm, altitude2HeldS);
        // A small epsilon: levels are multiples of the step, so 1000 - 1000 must not fail on rounding.
        return !double.IsNaN(l1) && !double.IsNaN(l2) && Math.Abs(l1 - l2) >= verticalMinimumFt - 1e-6;
    }
}
