using System.Globalization;
using System.Runtime.InteropServices;

namespace Deconflict.Core.Surveillance;

/// <summary>
/// Merges the separate SBS-1 messages of each ICAO address (MSG,1 callsign, MSG,3 position and
/// altitude, MSG,4 ground speed, track and vertical rate) into full <see cref="PositionReport"/>s.
/// A report is produced for every position message, and for every velocity message once a recent
/// position is known (the position keeps its own time, so nothing is moved by guesswork). Values
/// older than <see cref="MaxAgeS"/> are not carried into a report. State is one struct per aircraft
/// in a dictionary: no allocation per message once an aircraft is known.
/// </summary>
public sealed class SbsTrackMerger(double maxAgeS = 30)
{
    private readonly Dictionary<int, AircraftState> _aircraft = [];

    /// <summary>How old a position, altitude or velocity may be and still be combined with a newer message.</summary>
    public double MaxAgeS { get; } = maxAgeS;

    /// <summary>Aircraft with merge state.</summary>
    public int Count => _aircraft.Count;

    /// <summary>Applies one message received at <paramref name="timeS"/>; true when it completes a report.</summary>
    public bool Apply(in SbsMessage message, double timeS, out PositionReport report)
    {
        report = default;
        ref var s = ref CollectionsMarshal.GetValueRefOrAddDefault(_aircraft, message.Icao, out var exists);
        if (!exists)
        {
            s.Id = message.Icao.ToString("x6", CultureInfo.InvariantCulture);
            s.PositionTimeS = s.AltTimeS = s.VelocityTimeS = double.NegativeInfinity;
            s.LatDeg = s.LonDeg = s.AltFt = s.GsKt = s.TrkDeg = s.VsFpm = double.NaN;
        }
        s.LastSeenS = timeS;
        switch (message.TransmissionType)
        {
            case 1:
                if (message.Callsign is { } cs && !string.Equals(cs, s.Callsign, StringComparison.Ordinal))
                {
                    s.Callsign = cs;
                }
                return false;
            case 3:
                if (!double.IsNaN(message.AltFt))
                {
                    s.AltFt = message.AltFt;
                    s.AltTimeS = timeS;
                }
                if (double.IsNaN(message.LatDeg) || timeS < s.PositionTimeS)
                {
                    return false;
                }
                s.LatDeg = message.LatDeg;
                s.LonDeg = message.LonDeg;
                s.PositionTimeS = timeS;
                break;
            case 4:
                if (timeS < s.VelocityTimeS)
                {
                    return false;
                }
                s.GsKt = message.GsKt;
                s.TrkDeg = message.TrkDeg;
                s.VsFpm = double.IsNaN(message.VsFpm) && timeS - s.VelocityTimeS <= MaxAgeS ? s.VsFpm : message.VsFpm;
                s.VelocityTimeS = timeS;
                if (double.IsNaN(s.LatDeg) || timeS - s.PositionTimeS > MaxAgeS)
                {
                    return false;
                }
                break;
            default:
                return false;
        }
        var at = s.PositionTimeS;
        var alt = at - s.AltTimeS <= MaxAgeS ? s.AltFt : double.NaN;
        var fresh = Math.Abs(at - s.VelocityTimeS) <= MaxAgeS;
        report = new PositionReport(s.Id, at, s.LatDeg, s.LonDeg, alt,
            fresh ? s.GsKt : double.NaN, fresh ? s.TrkDeg : double.NaN, fresh ? s.VsFpm : double.NaN, null, s.Callsign);
        return true;
    }

    /// <summary>Forgets aircraft not heard from since <paramref name="nowS"/> − <paramref name="maxSilenceS"/>; returns how many.</summary>
    public int Prune(double nowS, double maxSilenceS)
    {
        var removed = 0;
        foreach (var (icao, state) in _aircraft)
        {
            if (nowS - state.LastSeenS > maxSilenceS)
            {
                _aircraft.Remove(icao);
                removed++;
            }
        }
        return removed;
    }

    private struct AircraftState
    {
        public string Id;
        public string? Callsign;
        public double LastSeenS;
        public double PositionTimeS;
        public double LatDeg;
        public double LonDeg;
        public double AltTimeS;
        public double AltFt;
        public double VelocityTimeS;
        public double GsKt;
        public double TrkDeg;
        public double VsFpm;
    }
}
