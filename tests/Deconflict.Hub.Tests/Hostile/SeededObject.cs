namespace Deconflict.Hub.Tests.Hostile;

/// <summary>
/// Something seeded into the hub (an intent, site, movement, zone, strike, track, thread, message, agreement,
/// conflict, key, escalation contact) with the distinctive values that betray it, and the callers that may learn them.
/// </summary>
public sealed record SeededObject(string Kind, string Owner, string Id, IReadOnlyList<Marker> Markers, IReadOnlySet<string> KnownTo)
{
    public override string ToString() => $"{Kind} '{Id}' of {Owner}";
}
