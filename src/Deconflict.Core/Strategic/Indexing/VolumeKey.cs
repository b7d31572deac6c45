using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic.Geometry;

namespace Deconflict.Core.Strategic.Indexing;

/// <summary>
/// What a neighbour search needs of a held volume before any geometry, packed in one array for locality:
/// its intent and party, and its bounding cap (centre, cosine and sine of the angular radius).
/// </summary>
internal readonly struct VolumeKey
{
    public VolumeKey(int intent, int party, PreparedShape shape)
    {
        Intent = intent;
        Party = party;
        Centre = shape.CoreCentre;
        CapRad = shape.CapRad;
        CosCap = Math.Cos(Math.Min(Math.PI, shape.CapRad));
        SinCap = Math.Sin(Math.Min(Math.PI, shape.CapRad));
    }

    public int Intent { get; }

    public int Party { get; }

    public Vec3 Centre { get; }

    public double CapRad { get; }

    public double CosCap { get; }

    public double SinCap { get; }

    /// <summary>
    /// False only when the cap of radius <paramref name="capRad"/> (cosine/sine given) around <paramref name="centre"/>
    /// is certainly disjoint from this cap: conservative by a small margin.
    /// </summary>
    public bool CapsMayMeet(Vec3 centre, double capRad, double cos, double sin)
    {
        if (capRad + CapRad >= Math.PI)
        {
            return true;
        }
        // cos(a + b) = cos a cos b - sin a sin b; the caps meet when the centres are closer than a + b.
        return centre.Dot(Centre) >= (cos * CosCap) - (sin * SinCap) - 1e-12;
    }
}
