namespace Deconflict.Core.Tactical.Bands;

/// <summary>
/// An aircraft in the ownship's tangent plane: position (m east, m north, m altitude) and velocity (m/s).
/// </summary>
internal readonly record struct PlaneState(double X, double Y, double Z, double Vx, double Vy, double Vz)
{
    /// <summary>Straight-line state <paramref name="t"/> seconds later.</summary>
    public PlaneState At(double t) => new(X + (Vx * t), Y + (Vy * t), Z + (Vz * t), Vx, Vy, Vz);

    public double GroundSpeed => Math.Sqrt((Vx * Vx) + (Vy * Vy));

    /// <summary>Track, radians clockwise from north, in [0, 2π).</summary>
    public double Track
    {
        get
        {
            var a = Math.Atan2(Vx, Vy);
            return a < 0 ? a + (2 * Math.PI) : a;
        }
    }
}
