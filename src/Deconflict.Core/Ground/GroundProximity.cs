using Deconflict.Core.Geodesy;
using Deconflict.Core.Strategic;
using Deconflict.Core.Strategic.Geometry;

namespace Deconflict.Core.Ground;

/// <summary>
/// The ground checks. Whether a strike reaches a protected object is decided with the strategic overlap test
/// (exact ellipsoidal geodesics near the threshold): the strike is a circle of its effects radius, a point site a
/// circle of its protection radius, a polygon site its outline plus margin, a movement its route corridor. So a
/// strike hits when the geodesic distance is below protection radius + strike radius, with no second copy of
/// the geometry.
/// </summary>
public static class GroundProximity
{
    /// <summary>Whether two horizontal shapes come closer than <paramref name="bufferM"/> (touching areas count).</summary>
    public static bool Reaches(VolumeShape a, VolumeShape b, double bufferM)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return ShapeOverlap.Overlaps(PreparedShape.From(a), PreparedShape.From(b), bufferM) || ContainsPoint(a, b) || ContainsPoint(b, a);
    }

    /// <summary>Distance in metres from a point to the core of a shape: a circle's centre, a corridor's path, a polygon's outline (0 inside).</summary>
    public static double DistanceToCoreM(VolumeShape shape, GeoPoint p) => shape switch
    {
        CircleShape c => Geodesic.Inverse(p.LatDeg, p.LonDeg, c.Centre.LatDeg, c.Centre.LonDeg).DistanceM,
        CorridorShape k => VolumeProximity.HorizontalDistanceOutsideM(k with { HalfWidthM = 0 }, p.LatDeg, p.LonDeg),
        _ => VolumeProximity.HorizontalDistanceOutsideM(shape, p.LatDeg, p.LonDeg),
    };

    /// <summary>Assesses a strike against notified sites, movements and its own party's declared zones.</summary>
    public static StrikeAssessment Assess(StrikeReport strike, IEnumerable<HumanitarianSite> sites, IEnumerable<GroundMovement> movements, IEnumerable<OperationsZone> zones)
    {
        ArgumentNullException.ThrowIfNull(strike);
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(movements);
        ArgumentNullException.ThrowIfNull(zones);
        var effects = new CircleShape(strike.Position, strike.RadiusM);
        var hits = new List<GroundHit>();
        foreach (var s in sites)
        {
            if (s.IsActiveAt(strike.Time) && Reaches(effects, s.Area, s.MarginM))
            {
                hits.Add(new GroundHit(GroundObjectKind.Site, s.Id, s.Organisation, DistanceToCoreM(s.Area, strike.Position)));
            }
        }
        foreach (var m in movements)
        {
            if (m.IsActiveAt(strike.Time) && Reaches(effects, m.Route, 0))
            {
                hits.Add(new GroundHit(GroundObjectKind.Movement, m.Id, m.Party, DistanceToCoreM(m.Route, strike.Position)));
            }
        }
        var inside = new List<string>();
        double? nearest = null;
        foreach (var z in zones)
        {
            if (z.Party != strike.Party || !z.IsActiveAt(strike.Time))
            {
                continue;
            }
            var outside = VolumeProximity.HorizontalDistanceOutsideM(z.Area, strike.Position.LatDeg, strike.Position.LonDeg);
            if (outside <= 0)
            {
                inside.Add(z.Id);
            }
            nearest = nearest is null ? outside : Math.Min(nearest.Value, outside);
        }
        hits.Sort((a, b) => a.DistanceM.CompareTo(b.DistanceM));
        return new StrikeAssessment(hits, inside.Count > 0, inside, inside.Count > 0 ? 0 : nearest);
    }

    /// <summary>
    /// Sites and movements that a fire/strike intent's volumes reach while both are valid (altitude does not matter:
    /// what is fired lands on the ground).
    /// </summary>
    public static IReadOnlyList<GroundHit> FireAreaHits(OperationalIntent intent, IEnumerable<HumanitarianSite> sites, IEnumerable<GroundMovement> movements)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(movements);
        var hits = new List<GroundHit>();
        if (intent.State == IntentState.Ended)
        {
            return hits;
        }
        var prepared = intent.Volumes.Select(v => (v, PreparedShape.From(v.Shape))).ToList();
        foreach (var s in sites)
        {
            var area = PreparedShape.From(s.Area);
            if (prepared.Any(x => GroundTime.Overlaps(s.ValidFrom, s.ValidTo, x.v.TimeStart, x.v.TimeEnd) && ShapeOverlap.Overlaps(x.Item2, area, s.MarginM)))
            {
                hits.Add(new GroundHit(GroundObjectKind.Site, s.Id, s.Organisation, 0));
            }
        }
        foreach (var m in movements)
        {
            var route = PreparedShape.From(m.Route);
            if (prepared.Any(x => GroundTime.Overlaps(m.ValidFrom, m.ValidTo, x.v.TimeStart, x.v.TimeEnd) && ShapeOverlap.Overlaps(x.Item2, route, 0)))
            {
                hits.Add(new GroundHit(GroundObjectKind.Movement, m.Id, m.Party, 0));
            }
        }
        return hits;
    }

    // Two polygons without buffer need shared interior in the strategic test; a strike point (radius 0) inside a
    // polygon site is caught there already. This only covers a zero-radius circle exactly on a polygon's vertex.
    private static bool ContainsPoint(VolumeShape area, VolumeShape point) =>
        point is CircleShape { RadiusM: 0 } c && area is PolygonShape && VolumeProximity.HorizontalDistanceOutsideM(area, c.Centre.LatDeg, c.Centre.LonDeg) <= 0;
}
