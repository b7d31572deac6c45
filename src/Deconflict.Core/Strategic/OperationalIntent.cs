namespace Deconflict.Core.Strategic;

/// <summary>
/// A party's declared operation: one or more 4D volumes it intends to occupy. Two intents of different
/// parties conflict when some pair of their volumes overlaps in area, altitude and time.
/// </summary>
/// <param name="Id">Unique identifier of the intent.</param>
/// <param name="Party">The declaring party.</param>
/// <param name="State">Lifecycle state; Ended intents never conflict.</param>
/// <param name="Priority">Ordinal priority, larger wins; a conflict blocks a candidate when the other's priority is equal or higher.</param>
/// <param name="Version">Bumped by the hub on every change.</param>
/// <param name="Volumes">At least one volume.</param>
public sealed record OperationalIntent(string Id, string Party, IntentState State, int Priority, long Version, IReadOnlyList<Volume4D> Volumes);
