namespace Deconflict.Core.Surveillance;

/// <summary>
/// One predicted loss of separation between two tracks seen in a detection cycle, with the
/// times relative to the cycle's instant, both aircraft's positions at that instant and, when
/// known, the point (midway between the two) where separation is predicted to be lost, and the
/// DO-365 alert level computed in that cycle (0 when not classified).
/// </summary>
public readonly record struct AlertObservation(
    string Id1,
    string Id2,
    string? Party1,
    string? Party2,
    double TInS,
    double TOutS,
    double TCpaS,
    double HCpaNm,
    double VCpaFt,
    double Lat1Deg,
    double Lon1Deg,
    double Alt1Ft,
    double Lat2Deg,
    double Lon2Deg,
    double Alt2Ft,
    double LosLatDeg = double.NaN,
    double LosLonDeg = double.NaN,
    int Do365Level = 0);
