using Deconflict.Core.Strategic;

namespace Deconflict.Core.Utm;

/// <summary>
/// An ASTM F3548-21 <c>Volume4D</c> as a USS states it: an outline (a polygon of great-circle edges or a geodesic
/// circle), an altitude band in metres above the WGS-84 ellipsoid and a UTC window. Each part may be absent in an
/// area of interest; an absent part is unbounded (an absent outline is the whole Earth).
/// </summary>
public sealed record UtmVolume(VolumeShape? Shape, double? AltLowerM, double? AltUpperM, DateTimeOffset? TimeStart, DateTimeOffset? TimeEnd)
{
    public const double FeetPerMetre = 1 / 0.3048;

    /// <summary>True when outline, band and window are all given (what an operational intent's extent needs).</summary>
    public bool IsBounded => Shape is not null && AltLowerM is not null && AltUpperM is not null && TimeStart is not null && TimeEnd is not null;

    /// <summary>The hub's 4D volume for a bounded extent: the same outline, the band in feet, the same window.</summary>
    public Volume4D ToVolume4D()
    {
        if (!IsBounded)
        {
            throw new InvalidOperationException("only a bounded extent has a 4D volume");
        }
        return new Volume4D(Shape!, AltLowerM!.Value * FeetPerMetre, AltUpperM!.Value * FeetPerMetre, TimeStart!.Value, TimeEnd!.Value);
    }
}
