namespace Deconflict.Core.Strategic;

/// <summary>
/// A conflict between two intents of different parties. The overlap fields span every conflicting pair of
/// volumes: the period and altitude band in which the two (buffered) volumes coincide.
/// <paramref name="Blocking"/> is set when intent 2's priority is equal to or higher than intent 1's
/// (intent 1 being the candidate when there is one).
/// </summary>
public sealed record StrategicConflict(string IntentId1, string IntentId2, string Party1, string Party2, DateTimeOffset OverlapStart, DateTimeOffset OverlapEnd, double OverlapLowerFt, double OverlapUpperFt, bool Blocking);
