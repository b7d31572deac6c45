namespace Deconflict.Hub.Hotline;

/// <summary>
/// What a drafted proposal rests on: the aircraft asked to move (its owner and id), the manoeuvre's kind
/// (<c>altitude</c>: the nearest conflict-free flight level; <c>heading</c>: no level is free, the nearest conflict-free
/// track) and when the bands it was taken from were computed.
/// </summary>
public sealed record DraftBasis(string MoverParty, string MoverTrackId, string Manoeuvre, DateTimeOffset BandsComputedAt);
