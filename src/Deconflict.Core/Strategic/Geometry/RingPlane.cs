using Deconflict.Core.Geodesy;
namespace Deconflict.Core.Strategic.Geometry;

/// <summary>
/// A polygon's ring in its own gnomonic plane (centred on the ring), where its great-circle edges are straight:
/// point containment there is exact on the sphere.
/// </summary>
internal sealed class RingPlane
{
    private readonly Gnomonic _plane;
    private readonly double[] _xy;
    private readonly double _cosCap;
    private readonly double _minX;
    private readonly double _maxX;
    private readonly double _minY;
    private readonly double _maxY;

    public RingPlane(Vec3[] ring, Vec3 centre, double capRad)
    {
        _plane = new Gnomonic(centre);
        _xy = new double[ring.Length * 2];
        _plane.Project(ring, _xy);
        _cosCap = Math.Cos(Math.Min(capRad, Math.PI / 2));
        (_minX, _maxX, _minY, _maxY) = (double.MaxValue, double.MinValue, double.MaxValue, double.MinValue);
        for (var i = 0; i < ring.Length; i++)
        {
            _minX = Math.Min(_minX, _xy[2 * i]);
            _maxX = Math.Max(_maxX, _xy[2 * i]);
            _minY = Math.Min(_minY, _xy[(2 * i) + 1]);
            _maxY = Math.Max(_maxY, _xy[(2 * i) + 1]);
        }
    }

    /// <summary>True when <paramref name="p"/> is inside the ring (boundary points may go either way).</summary>
    public bool Contains(Vec3 p)
    {
        if (_plane.Facing(p) < _cosCap)
        {
            return false;
        }
        var (x, y) = _plane.Project(p);
        return x >= _minX && x <= _maxX && y >= _minY && y <= _maxY && Planar.InRing(_xy, x, y);
    }
}
