using Deconflict.Core.Geodesy;

namespace Deconflict.Core.Strategic.Geometry;

/// <summary>
/// A shape reduced to a core (a point, a path of arcs or a closed ring of arcs) plus a radius: a circle is its
/// centre grown by the radius, a corridor its path grown by the half-width, a polygon its ring with radius 0.
/// Two shapes then overlap exactly when their cores are closer than the sum of the radii (the geodesic
/// distance is a length metric), except two polygons, which must share interior. Holds unit vectors and
/// a bounding cap for fast rejection.
/// </summary>
internal sealed class PreparedShape
{
    /// <summary>Conservative ratio bounds between an ellipsoidal geodesic distance and <see cref="SphereRadiusM"/> × central angle.</summary>
    public const double SphereRadiusM = 6_367_000;
    public const double LowRatio = 0.9945;
    public const double HighRatio = 1.0055;

    private PreparedShape(ShapeCore core, IReadOnlyList<GeoPoint> geo, double radiusM)
    {
        Core = core;
        Geo = geo;
        Points = new Vec3[geo.Count];
        for (var i = 0; i < Points.Length; i++)
        {
            Points[i] = Vec3.FromGeo(geo[i]);
        }
        RadiusM = radiusM;
        CoreCentre = Points.Length == 1 ? Points[0] : ShapeRules.Centroid(Points);
        var coreAngle = 0.0;
        foreach (var p in Points)
        {
            coreAngle = Math.Max(coreAngle, Vec3.Angle(CoreCentre, p));
        }
        // Arcs bow away from the chord; on a cap the vertices bound everything between them, plus a hair.
        CoreCapRad = (coreAngle * (1 + 1e-9)) + 1e-12;
        CapRad = CoreCapRad + AngleAtMost(radiusM);
        Plane = core == ShapeCore.Ring ? new RingPlane(Points, CoreCentre, CoreCapRad) : null;
        ArcCaps = BuildArcCaps();
    }

    /// <summary>
    /// Per arc of the core (one entry for a point core), six numbers: the bounding cap's centre (x, y, z), its
    /// angular radius, and that radius's cosine and sine. Computed once here, since every pair test reads them.
    /// </summary>
    public double[] ArcCaps { get; }

    /// <summary>For a polygon, its ring in its own gnomonic plane for containment tests.</summary>
    public RingPlane? Plane { get; }

    public ShapeCore Core { get; }

    public IReadOnlyList<GeoPoint> Geo { get; }

    public Vec3[] Points { get; }

    public double RadiusM { get; }

    public Vec3 CoreCentre { get; }

    /// <summary>Angular radius of a cap around <see cref="CoreCentre"/> holding the core.</summary>
    public double CoreCapRad { get; }

    /// <summary>Angular radius of a cap around <see cref="CoreCentre"/> holding the whole shape.</summary>
    public double CapRad { get; }

    /// <summary>Number of arcs of the core: ring edges for a polygon, path legs for a corridor, none for a circle.</summary>
    public int SegmentCount => Core switch
    {
        ShapeCore.Ring => Points.Length,
        ShapeCore.Path => Points.Length - 1,
        _ => 0,
    };

    private double[] BuildArcCaps()
    {
        var p = Points;
        var n = Math.Max(1, SegmentCount);
        var caps = new double[n * 6];
        for (var i = 0; i < n; i++)
        {
            Vec3 mid;
            double half;
            if (SegmentCount == 0)
            {
                (mid, half) = (p[0], 0);
            }
            else
            {
                var s0 = p[i];
                var s1 = p[(i + 1) % p.Length];
                mid = (s0 + s1).Normalized();
                half = (Math.Max(Vec3.Angle(mid, s0), Vec3.Angle(mid, s1)) * (1 + 1e-9)) + 1e-12;
            }
            var (sin, cos) = Math.SinCos(Math.Min(Math.PI, half));
            caps[i * 6] = mid.X;
            caps[(i * 6) + 1] = mid.Y;
            caps[(i * 6) + 2] = mid.Z;
            caps[(i * 6) + 3] = half;
            caps[(i * 6) + 4] = cos;
            caps[(i * 6) + 5] = sin;
        }
        return caps;
    }

    /// <summary>An upper bound of the central angle subtended by a geodesic distance.</summary>
    public static double AngleAtMost(double metres) => metres / (LowRatio * SphereRadiusM);

    public static PreparedShape From(VolumeShape shape) => shape switch
    {
        PolygonShape p => new PreparedShape(ShapeCore.Ring, p.Vertices, 0),
        CircleShape c => new PreparedShape(ShapeCore.Point, [c.Centre], c.RadiusM),
        CorridorShape c => new PreparedShape(ShapeCore.Path, c.Path, c.HalfWidthM),
        _ => throw new ArgumentException($"unknown shape {shape.GetType().Name}", nameof(shape)),
    };
}
