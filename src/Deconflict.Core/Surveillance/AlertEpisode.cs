namespace Deconflict.Core.Surveillance;

/// <summary>
/// One alert between two tracks from the cycle it was raised to the cycle it cleared. Times are
/// absolute (UNIX seconds). The predicted loss-of-separation window is the latest prediction made
/// while the conflict was being detected. <see cref="Id1"/> sorts before <see cref="Id2"/> (ordinal).
/// </summary>
public sealed class AlertEpisode
{
    internal AlertEpisode(long sequence, in AlertObservation o, double timeS, AlertLevel level)
    {
        Sequence = sequence;
        Id1 = o.Id1;
        Id2 = o.Id2;
        Party1 = o.Party1;
        Party2 = o.Party2;
        RaisedS = timeS;
        Level = MaxLevel = level;
        RaisedLat1Deg = o.Lat1Deg;
        RaisedLon1Deg = o.Lon1Deg;
        RaisedAlt1Ft = o.Alt1Ft;
        RaisedLat2Deg = o.Lat2Deg;
        RaisedLon2Deg = o.Lon2Deg;
        RaisedAlt2Ft = o.Alt2Ft;
        Refresh(o, timeS);
    }

    /// <summary>Episode number, unique within one tracker.</summary>
    public long Sequence { get; }

    public string Id1 { get; }

    public string Id2 { get; }

    public string? Party1 { get; }

    public string? Party2 { get; }

    public double RaisedS { get; }

    public AlertLevel Level { get; internal set; }

    /// <summary>The most urgent level the episode reached.</summary>
    public AlertLevel MaxLevel { get; internal set; }

    public double LosStartS { get; private set; }

    public double LosEndS { get; private set; }

    public double CpaS { get; private set; }

    public double HCpaNm { get; private set; }

    public double VCpaFt { get; private set; }

    /// <summary>The last cycle in which the detector reported the conflict.</summary>
    public double LastSeenS { get; private set; }

    /// <summary>When the episode cleared; NaN while it is active.</summary>
    public double ClearedS { get; internal set; } = double.NaN;

    public bool IsActive => double.IsNaN(ClearedS);

    public double RaisedLat1Deg { get; }

    public double RaisedLon1Deg { get; }

    public double RaisedAlt1Ft { get; }

    public double RaisedLat2Deg { get; }

    public double RaisedLon2Deg { get; }

    public double RaisedAlt2Ft { get; }

    /// <summary>Where separation is predicted to be lost (midway between the two aircraft), by the latest prediction; NaN when unknown.</summary>
    public double LosLatDeg { get; private set; } = double.NaN;

    public double LosLonDeg { get; private set; } = double.NaN;

    /// <summary>Positions at the latest detection (for displays).</summary>
    public (double Lat1Deg, double Lon1Deg, double Alt1Ft, double Lat2Deg, double Lon2Deg, double Alt2Ft) Latest { get; private set; }

    /// <summary>The DO-365 alert level after its hysteresis (0 none, 1 preventive, 2 corrective, 3 warning); 0 when not classified.</summary>
    public int Do365Level { get; internal set; }

    /// <summary>Whether the episode is classified with DO-365 levels at all.</summary>
    public bool Do365Classified => Do365 is not null;

    /// <summary>The highest DO-365 level the episode reached.</summary>
    public int MaxDo365Level { get; internal set; }

    // Hysteresis state.
    internal Do365Hysteresis? Do365 { get; set; }

    internal int ObservedDo365 { get; set; }

    internal long SeenCycle { get; set; } = -1;

    internal AlertLevel ObservedLevel { get; set; }

    internal int WeakerCycles { get; set; }

    internal double WeakerSinceS { get; set; } = double.NaN;

    internal void Refresh(in AlertObservation o, double timeS)
    {
        LosStartS = timeS + o.TInS;
        LosEndS = timeS + o.TOutS;
        CpaS = timeS + o.TCpaS;
        HCpaNm = o.HCpaNm;
        VCpaFt = o.VCpaFt;
        LastSeenS = timeS;
        if (!double.IsNaN(o.LosLatDeg))
        {
            (LosLatDeg, LosLonDeg) = (o.LosLatDeg, o.LosLonDeg);
        }
        Latest = (o.Lat1Deg, o.Lon1Deg, o.Alt1Ft, o.Lat2Deg, o.Lon2Deg, o.Alt2Ft);
    }
}
