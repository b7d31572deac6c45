using Deconflict.Core.Surveillance;

namespace Deconflict.Hub.Cluster.Grains;

/// <summary>How a <see cref="PositionReport"/> (a Core type, which knows nothing of Orleans) travels between nodes.</summary>
[GenerateSerializer]
public struct PositionReportSurrogate
{
    [Id(0)] public string Id;
    [Id(1)] public double TimeS;
    [Id(2)] public double LatDeg;
    [Id(3)] public double LonDeg;
    [Id(4)] public double AltFt;
    [Id(5)] public double GsKt;
    [Id(6)] public double TrkDeg;
    [Id(7)] public double VsFpm;
    [Id(8)] public string? IntentId;
    [Id(9)] public string? Callsign;
}

[RegisterConverter]
public sealed class PositionReportConverter : IConverter<PositionReport, PositionReportSurrogate>
{
    public PositionReport ConvertFromSurrogate(in PositionReportSurrogate s) =>
        new(s.Id, s.TimeS, s.LatDeg, s.LonDeg, s.AltFt, s.GsKt, s.TrkDeg, s.VsFpm, s.IntentId, s.Callsign);

    public PositionReportSurrogate ConvertToSurrogate(in PositionReport r) => new()
    {
        Id = r.Id,
        TimeS = r.TimeS,
        LatDeg = r.LatDeg,
        LonDeg = r.LonDeg,
        AltFt = r.AltFt,
        GsKt = r.GsKt,
        TrkDeg = r.TrkDeg,
        VsFpm = r.VsFpm,
        IntentId = r.IntentId,
        Callsign = r.Callsign,
    };
}
