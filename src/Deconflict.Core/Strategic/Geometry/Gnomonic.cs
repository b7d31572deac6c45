using Deconflict.Core.Geodesy;
namespace Deconflict.Core.Strategic.Geometry;

/// <summary>
/// The gnomonic projection of the unit sphere from a centre: every great circle maps to a straight line, so
/// containment and crossing of great-circle arcs become exact planar predicates. Valid for the hemisphere in
/// front of the centre; callers keep their shapes well inside it.
/// </summary>
internal readonly struct Gnomonic
{
    private readonly Vec3 _centre;
    private readonly Vec3 _east;
    private readonly Vec3 _north;

    public Gnomonic(Vec3 centre)
    {
        _centre = centre.Normalized();
        // Any axis not parallel to the centre gives a frame; choose the pole unless we sit on it.
        var pole = Math.Abs(_centre.Z) < 0.9 ? new Vec3(0, 0, 1) : new Vec3(1, 0, 0);
        _east = pole.Cross(_centre).Normalized();
        _north = _centre.Cross(_east);
    }

    public Vec3 Centre => _centre;

    /// <summary>Cosine of the angle between the centre and <paramref name="p"/>; must be positive to project.</summary>
    public double Facing(Vec3 p) => p.Dot(_centre);

    public (double X, double Y) Project(Vec3 p)
    {
        var d = p.Dot(_centre);
        return (p.Dot(_east) / d, p.Dot(_north) / d);
    }

    public void Project(ReadOnlySpan<Vec3> points, Span<double> xy)
    {
        for (var i = 0; i < points.Length; i++)
        {
            var p = points[i];
            var d = p.Dot(_centre);
            xy[2 * i] = p.Dot(_east) / d;
            xy[(2 * i) + 1] = p.Dot(_north) / d;
        }
    }

    /// <summary>The point on the sphere that projects to (x, y).</summary>
    public Vec3 Unproject(double x, double y) => (_centre + (x * _east) + (y * _north)).Normalized();
}
