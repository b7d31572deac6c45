namespace Deconflict.Hub.Storage;

/// <summary>
/// What decides an intent write, read together inside its transaction (one round trip where the database batches):
/// the stored intent, its party (priority bounds), the party's conflict answers in the probe window, and the open
/// strategic conflicts the intent is in.
/// </summary>
public sealed record IntentWriteReads(
    IntentRecord? Intent,
    PartyRecord? Party,
    IReadOnlyList<(string Victim, int Count, DateTimeOffset Oldest)> ProbeAnswers,
    IReadOnlyList<ConflictRecord> OpenConflicts);
