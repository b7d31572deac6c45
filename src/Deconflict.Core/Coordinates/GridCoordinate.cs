namespace Deconflict.Core.Coordinates;

/// <summary>
/// A UTM or UPS grid position on WGS-84. <see cref="Zone"/> 1–60 is a UTM zone; 0 means UPS (the polar caps).
/// Eastings and northings in metres including the false origin (UTM: 500 000 m E, 10 000 000 m N in the south;
/// UPS: 2 000 000 m both).
/// </summary>
public readonly record struct GridCoordinate(int Zone, bool Northern, double EastingM, double NorthingM)
{
    public bool IsUps => Zone == 0;
}
