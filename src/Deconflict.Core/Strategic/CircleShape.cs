using Deconflict.Core.Geodesy;

namespace Deconflict.Core.Strategic;

/// <summary>Every point within <paramref name="RadiusM"/> metres (geodesic) of the centre.</summary>
public sealed record CircleShape(GeoPoint Centre, double RadiusM) : VolumeShape;
