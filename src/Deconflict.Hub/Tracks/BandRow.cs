namespace Deconflict.Hub.Tracks;

/// <summary>One band: [lower, upper] in its kind's units, region <c>NONE</c>, <c>NEAR</c> or <c>RECOVERY</c>.</summary>
public sealed record BandRow(double Lower, double Upper, string Region);
