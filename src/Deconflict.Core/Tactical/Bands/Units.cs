namespace Deconflict.Core.Tactical.Bands;

/// <summary>Unit factors at the edges of the bands code (SI inside).</summary>
internal static class Units
{
    public const double FtToM = 0.3048;
    public const double NmToM = 1852;
    public const double KtToMps = 1852.0 / 3600;
    public const double FpmToMps = 0.3048 / 60;
    public const double G = 9.80665;
    public const double DegToRad = Math.PI / 180;
}
