using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace Deconflict.Core.Strategic.Geometry;

/// <summary>
/// Whether a planar ring (interleaved x, y; first vertex not repeated) crosses or touches itself anywhere but at
/// the shared vertex of consecutive edges, including consecutive edges folding back along each other. Decided by
/// NetTopologySuite's simplicity test (monotone-chain noding with robust predicates) instead of comparing every
/// pair of edges; with at most 2,000 vertices (ShapeRules.MaxVertices) it costs a few milliseconds.
/// </summary>
internal static class RingSimplicity
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(PrecisionModel.MaximumPreciseValue), 0);

    /// <summary>A point where the ring is not simple, or null when it is.</summary>
    public static (double X, double Y)? FindSelfIntersection(ReadOnlySpan<double> xy)
    {
        var n = xy.Length / 2;
        var coordinates = new Coordinate[n + 1];
        for (var i = 0; i < n; i++)
        {
            coordinates[i] = new Coordinate(xy[2 * i], xy[(2 * i) + 1]);
        }
        coordinates[n] = coordinates[0].Copy();
        var op = new IsSimpleOp(Factory.CreateLineString(coordinates));
        return op.IsSimple() ? null : op.NonSimpleLocation is { } c ? (c.X, c.Y) : (xy[0], xy[1]);
    }
}
