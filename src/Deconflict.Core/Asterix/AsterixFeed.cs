using System.Globalization;
using Deconflict.Core.Surveillance;

namespace Deconflict.Core.Asterix;

/// <summary>
/// Turns ASTERIX datagrams into position reports. A target with an ICAO address becomes the track
/// named by that address (six lower-case hex digits, as SBS-1 and REST reports name it), so the
/// same aircraft from CAT021, CAT062, CAT048, SBS-1 or the API is one track. Without an address a
/// system or radar track is named by its source and track number (<c>trk-SAC-SIC-N</c>), unless an
/// <see cref="Associator"/> finds it to be an aircraft the party's picture already holds.
/// Times of day become UNIX times on the day that puts them nearest a reference time: the
/// capture time of the packet, the receiving clock, or the previous report's time for raw files,
/// so midnight is crossed as it should be. Simulated and test targets, targets without a
/// position, and CAT048 plots from a radar whose position is not configured are dropped and
/// counted. Not thread-safe: one feed per source.
/// </summary>
public sealed class AsterixFeed
{
    private readonly AsterixDecoder _decoder = new();
    private readonly List<AsterixTarget> _targets = [];
    private readonly Dictionary<int, string> _addressIds = [];
    private readonly Dictionary<long, string> _trackIds = [];
    private double _lastTimeS = double.NaN;

    /// <param name="radars">Radar positions by (SAC, SIC), for CAT048 plots.</param>
    /// <param name="clock">For a live feed, the receiving clock (UNIX seconds), used to find the day of each time of day.</param>
    /// <param name="startDayS">For a raw file with no capture times: UNIX time of the UTC midnight its first report falls after.</param>
    public AsterixFeed(IReadOnlyDictionary<(int Sac, int Sic), RadarSite>? radars = null, Func<double>? clock = null, double startDayS = 0)
    {
        Radars = radars ?? new Dictionary<(int, int), RadarSite>();
        Clock = clock;
        StartDayS = startDayS;
    }

    public IReadOnlyDictionary<(int Sac, int Sic), RadarSite> Radars { get; }

    public Func<double>? Clock { get; }

    public double StartDayS { get; }

    /// <summary>
    /// Associates targets without an ICAO address (CAT048 plots, CAT062 tracks without I062/380) with the party's
    /// tracks by position and time; null leaves each of them a track of its own (<c>trk-SAC-SIC-N</c>).
    /// </summary>
    public TrackAssociator? Associator { get; init; }

    public AsterixStats Stats => _decoder.Stats;

    /// <summary>Targets dropped: simulated or test, no position or time, no way to name them (an unnumbered plot that fits no track), or a plot from an unknown radar.</summary>
    public long Dropped { get; private set; }

    /// <summary>Position reports produced.</summary>
    public long Reports { get; private set; }

    /// <summary>Decodes one datagram received or captured at <paramref name="referenceTimeS"/> (NaN: the clock, or the previous report).</summary>
    public void Push(ReadOnlySpan<byte> datagram, double referenceTimeS, List<PositionReport> output)
    {
        _targets.Clear();
        _decoder.Decode(datagram, _targets);
        foreach (var t in _targets)
        {
            if (TryReport(t, referenceTimeS, out var report))
            {
                Reports++;
                output.Add(report);
            }
            else
            {
                Dropped++;
            }
        }
    }

    /// <summary>Reads every datagram of a recording, lazily.</summary>
    public IEnumerable<PositionReport> ReadReports(CaptureFile file)
    {
        var reports = new List<PositionReport>(256);
        foreach (var d in file.Datagrams())
        {
            reports.Clear();
            Push(d.Payload.Span, d.TimeS, reports);
            foreach (var r in reports)
            {
                yield return r;
            }
        }
    }

    private bool TryReport(in AsterixTarget t, double referenceTimeS, out PositionReport report)
    {
        report = default;
        if (t.SimulatedOrTest || !t.HasPosition || double.IsNaN(t.TimeOfDayS))
        {
            return false;
        }
        double lat = t.LatDeg, lon = t.LonDeg;
        if (double.IsNaN(lat))
        {
            if (!Radars.TryGetValue((t.Sac, t.Sic), out var radar))
            {
                return false;
            }
            (lat, lon) = radar.ToWgs84(t.RhoNm, t.ThetaDeg, t.FlightLevelFt);
        }
        var addressed = t.Address >= 0 && t.AddressIsIcao;
        var id = Name(t);
        if (id is null && (addressed || Associator is null))
        {
            return false;
        }
        var timeS = ResolveTime(t.TimeOfDayS, referenceTimeS);
        var vs = double.IsNaN(t.VsFpm) ? t.GeometricVsFpm : t.VsFpm;
        report = new PositionReport(id ?? "", timeS, lat, lon, t.FlightLevelFt, t.GsKt, t.TrkDeg, vs, Callsign: t.Callsign);
        if (!addressed && Associator is not null)
        {
            // No address to name the aircraft: find it among the party's tracks by position and time.
            id = Associator.Associate(new SourceTrack(t.Category, t.Sac, t.Sic, t.TrackNumber), id, report);
            if (id is null)
            {
                return false;
            }
            report = report with { Id = id };
        }
        return true;
    }

    private string? Name(in AsterixTarget t)
    {
        if (t.Address >= 0 && t.AddressIsIcao)
        {
            if (!_addressIds.TryGetValue(t.Address, out var id))
            {
                id = t.Address.ToString("x6", CultureInfo.InvariantCulture);
                _addressIds[t.Address] = id;
            }
            return id;
        }
        if (t.TrackNumber >= 0)
        {
            var key = ((long)t.Category << 40) | ((long)(t.Sac & 0xFF) << 32) | ((long)(t.Sic & 0xFF) << 24) | (uint)t.TrackNumber;
            if (!_trackIds.TryGetValue(key, out var id))
            {
                id = string.Create(CultureInfo.InvariantCulture, $"trk-{t.Sac}-{t.Sic}-{t.TrackNumber}");
                _trackIds[key] = id;
            }
            return id;
        }
        return null;
    }

    private double ResolveTime(double timeOfDayS, double referenceTimeS)
    {
        var reference = !double.IsNaN(referenceTimeS) ? referenceTimeS
            : Clock is not null ? Clock()
            : !double.IsNaN(_lastTimeS) ? _lastTimeS
            : StartDayS + timeOfDayS;
        var t = (Math.Floor(reference / 86400) * 86400) + timeOfDayS;
        if (t - reference > 43200)
        {
            t -= 86400;
        }
        else if (reference - t > 43200)
        {
            t += 86400;
        }
        _lastTimeS = t;
        return t;
    }
}
