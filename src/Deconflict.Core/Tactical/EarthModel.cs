namespace Deconflict.Core.Tactical;

/// <summary>
/// How the detector flattens the Earth for one pair. Both place the pair in the tangent plane at its
/// midpoint and rotate both velocities into that frame; they differ only in the radius that turns angles
/// into distances. Where they disagree the pair sits within a fraction of a percent of a threshold.
/// </summary>
public enum EarthModel
{
    /// <summary>
    /// DAIDALUS's sphere of radius 6,366,707 m (one nautical mile per minute of arc), the model of the
    /// reference implementation and of DO-365 alerting: the default, so results agree with it to rounding.
    /// </summary>
    DaidalusSphere,

    /// <summary>WGS-84 radii of curvature at the pair's midpoint (meridional northwards, prime vertical eastwards).</summary>
    Wgs84Midpoint,
}
