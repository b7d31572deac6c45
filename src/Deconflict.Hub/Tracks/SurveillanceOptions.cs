using System.ComponentModel.DataAnnotations;
using Deconflict.Core.Surveillance;

namespace Deconflict.Hub.Tracks;

/// <summary>Settings of live surveillance, bound from the <c>Surveillance</c> configuration section.</summary>
public sealed class SurveillanceOptions
{
    /// <summary>Seconds between detection cycles.</summary>
    [Range(0.05, 60)]
    public double CycleS { get; set; } = 1;

    /// <summary>A track without a report for this long leaves the live picture.</summary>
    [Range(1, 3600)]
    public double StaleAfterS { get; set; } = 60;

    /// <summary>Caution when loss of separation is predicted within this many seconds.</summary>
    [Range(0, 3600)]
    public double CautionS { get; set; } = 300;

    /// <summary>Warning when loss of separation is predicted within this many seconds.</summary>
    [Range(0, 3600)]
    public double WarningS { get; set; } = 60;

    /// <summary>Cycles a weaker condition must hold before an alert is lowered or cleared.</summary>
    [Range(1, 1000)]
    public int HoldCycles { get; set; } = 3;

    /// <summary>Seconds a weaker condition must hold before an alert is lowered or cleared.</summary>
    [Range(0, 3600)]
    public double HoldS { get; set; } = 10;

    /// <summary>Classify each tactical alert with the DO-365B alert levels (preventive, corrective, warning) besides the cylinder's.</summary>
    public bool Do365Levels { get; set; } = true;

    /// <summary>DO-365 hysteresis: a level is reported when computed in at least M of the last N cycles.</summary>
    [Range(1, 64)]
    public int Do365M { get; set; } = 2;

    [Range(1, 64)]
    public int Do365N { get; set; } = 4;

    /// <summary>DO-365 hysteresis: seconds a raised level is kept before it may be lowered.</summary>
    [Range(0, 600)]
    public double Do365PersistenceS { get; set; } = 4;

    /// <summary>The DO-365 options for the alert tracker, or null when levels are off.</summary>
    public Do365HysteresisOptions? Do365Hysteresis() => Do365Levels
        ? new Do365HysteresisOptions { M = Do365M, N = Do365N, PersistenceS = Do365PersistenceS, ResetS = Math.Max(5, 5 * CycleS) }
        : null;

    /// <summary>Track history: least seconds of report time between two kept samples of one track.</summary>
    [Range(0, 3600)]
    public double HistoryIntervalS { get; set; } = 10;

    /// <summary>Track history: seconds a sample is kept (default 24 h).</summary>
    [Range(60, 604_800)]
    public double HistoryRetentionS { get; set; } = 86_400;

    /// <summary>Track history: most samples kept in all (the oldest go first).</summary>
    [Range(1, 100_000_000)]
    public int HistoryMaxSamples { get; set; } = 2_000_000;

    /// <summary>Compute guidance bands for both aircraft of each tactical alert and carry them in its detail (<c>bands</c>).</summary>
    public bool Bands { get; set; } = true;

    /// <summary>
    /// An alert's bands are recomputed when it is raised or changes level, otherwise at most once per this many seconds
    /// (bands cost about 100 ms an aircraft).
    /// </summary>
    [Range(1, 3600)]
    public double BandsRefreshS { get; set; } = 10;

    /// <summary>At most this many alerts' bands are computed in one batch (one batch runs at a time, on one thread).</summary>
    [Range(1, 1000)]
    public int BandsBatchAlerts { get; set; } = 8;

    /// <summary>How far a report's time may lie ahead of the hub's clock (clock skew), seconds.</summary>
    [Range(0, 3600)]
    public double MaxFutureS { get; set; } = 30;

    /// <summary>Conformance: horizontal tolerance around an intent's volumes, metres.</summary>
    [Range(0, 100_000)]
    public double ConformanceHorizontalM { get; set; } = 926;

    /// <summary>Conformance: vertical tolerance, feet.</summary>
    [Range(0, 10_000)]
    public double ConformanceVerticalFt { get; set; } = 200;

    /// <summary>An SBS-1 (BaseStation) feed to connect to, <c>HOST:PORT</c>; empty = none.</summary>
    public string? SbsFeed { get; set; }

    /// <summary>The id (or else the name) of the party the SBS feed's aircraft belong to.</summary>
    public string? SbsParty { get; set; }

    /// <summary>First reconnection delay of the SBS client, doubled after each failure up to <see cref="SbsMaxBackoffS"/>.</summary>
    [Range(0.01, 60)]
    public double SbsInitialBackoffS { get; set; } = 0.5;

    [Range(0.01, 3600)]
    public double SbsMaxBackoffS { get; set; } = 30;

    /// <summary>
    /// The SBS feed's reports are accounted for by one <c>tracks.feed</c> audit entry per this many seconds of
    /// connection (and one when the connection ends), carrying the digest of the reports taken meanwhile.
    /// </summary>
    [Range(1, 86_400)]
    public double SbsAuditIntervalS { get; set; } = 60;

    /// <summary>A feed silent for this long is treated as dropped and reconnected.</summary>
    [Range(1, 3600)]
    public double SbsSilenceS { get; set; } = 60;

    /// <summary>ASTERIX sources to listen to (<see cref="AsterixSource"/>: <c>udp://ADDRESS:PORT?iface=IP&amp;party=ID&amp;name=NAME</c>).</summary>
    public List<string> AsterixSources { get; set; } = [];

    /// <summary>The id (or else the name) of the party of ASTERIX sources that name none.</summary>
    public string? AsterixParty { get; set; }

    /// <summary>Radar positions for CAT048 plots, each <c>SAC/SIC=LAT,LON[,HEIGHT_FT]</c>.</summary>
    public List<string> AsterixRadars { get; set; } = [];

    /// <summary>ASTERIX reports are accounted for by one <c>tracks.feed</c> audit entry per source and this many seconds.</summary>
    [Range(1, 86_400)]
    public double AsterixAuditIntervalS { get; set; } = 60;

    /// <summary>Associate ASTERIX targets without an ICAO address with the party's tracks by position and time.</summary>
    public bool Association { get; set; } = true;

    /// <summary>Association: horizontal gate at age 0, NM (<see cref="TrackAssociationOptions.GateNm"/>).</summary>
    [Range(0.001, 10)]
    public double AssociationGateNm { get; set; } = 0.5;

    /// <summary>Association: horizontal gate growth with the candidate's age, kt.</summary>
    [Range(0, 1000)]
    public double AssociationGateGrowthKt { get; set; } = 100;

    /// <summary>Association: vertical gate at age 0, ft.</summary>
    [Range(1, 5000)]
    public double AssociationGateFt { get; set; } = 300;

    /// <summary>Association: vertical gate growth with the candidate's age, ft/min.</summary>
    [Range(0, 20_000)]
    public double AssociationGateGrowthFpm { get; set; } = 2000;

    /// <summary>Association: largest velocity difference for a new association, kt.</summary>
    [Range(1, 2000)]
    public double AssociationVelocityGateKt { get; set; } = 100;

    /// <summary>Association: a track last updated longer ago than this is no candidate for a new association, s.</summary>
    [Range(0.1, 600)]
    public double AssociationMaxAgeS { get; set; } = 20;

    /// <summary>Association: an established association holds within this many times the gates.</summary>
    [Range(1, 10)]
    public double AssociationHoldFactor { get; set; } = 2;

    /// <summary>Association: two candidates closer in normalised distance than this are ambiguous and neither is taken.</summary>
    [Range(0, 10)]
    public double AssociationAmbiguityMargin { get; set; } = 0.5;

    /// <summary>The association gates, or null when association is off.</summary>
    public TrackAssociationOptions? TrackAssociation() => Association
        ? new TrackAssociationOptions
        {
            GateNm = AssociationGateNm,
            GateGrowthKt = AssociationGateGrowthKt,
            GateFt = AssociationGateFt,
            GateGrowthFpm = AssociationGateGrowthFpm,
            VelocityGateKt = AssociationVelocityGateKt,
            MaxAgeS = AssociationMaxAgeS,
            HoldFactor = AssociationHoldFactor,
            AmbiguityMargin = AssociationAmbiguityMargin,
        }
        : null;
}
