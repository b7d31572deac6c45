namespace Deconflict.Core.Tactical.Bands;

/// <summary>
/// One aircraft of a conflicting pair as the proposal rule weighs it: its owner, its id, the priority of the
/// intent it flies (null when it flies none, or the intent is not known) and its guidance bands.
/// </summary>
public sealed record ManoeuvreCandidate(string Party, string TrackId, int? Priority, OwnshipBands Bands);
