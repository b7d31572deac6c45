namespace Deconflict.Core.Strategic.Geometry;

/// <summary>What a shape is grown from: a point (circle), a path (corridor) or a closed ring (polygon).</summary>
internal enum ShapeCore
{
    Point,
    Path,
    Ring,
}
