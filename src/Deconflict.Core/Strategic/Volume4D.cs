namespace Deconflict.Core.Strategic;

/// <summary>
/// A 2D shape swept over an altitude band (feet above mean sea level, lower &lt; upper) and a UTC time
/// window (start &lt; end). Bands and windows are half-open in effect: touching ones do not overlap.
/// </summary>
public sealed record Volume4D(VolumeShape Shape, double AltLowerFt, double AltUpperFt, DateTimeOffset TimeStart, DateTimeOffset TimeEnd);
