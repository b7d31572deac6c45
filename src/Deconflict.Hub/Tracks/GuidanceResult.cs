namespace Deconflict.Hub.Tracks;

/// <summary>The bands computed for the aircraft of one alert episode (by its sequence number).</summary>
public sealed record GuidanceResult(long Sequence, IReadOnlyList<AircraftBands> Bands);
