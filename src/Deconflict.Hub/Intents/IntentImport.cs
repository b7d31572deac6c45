using System.Data.Common;
using System.Globalization;
using Deconflict.Core.Strategic;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Intents;

/// <summary>
/// A bulk import of new intents, one transaction per batch: which (party, id) are stored is read once per batch
/// inside it; an intent already stored, named again later in the import, or refused by a blocking conflict is
/// skipped; every other one gets its strategic check (against the index and the batch's earlier intents), its
/// conflicts, event and own audit entry, exactly as a PUT would store them. Rows go by binary <c>COPY</c> on
/// PostgreSQL. A bad intent stops the import before its batch is written, naming it; earlier batches stay stored.
/// </summary>
internal static class IntentImport
{
    public static async Task<int> RunAsync(IntentDesk desk, IHubStore store, IReadOnlyList<OperationalIntent> intents, int batchSize,
        IProgress<int>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(intents);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var stored = 0;
        var seen = new HashSet<(string Party, string Id)>();
        for (var i = 0; i < intents.Count; i += batchSize)
        {
            var first = i;
            var batch = new List<(int Position, OperationalIntent Intent)>();
            for (var j = i; j < Math.Min(i + batchSize, intents.Count); j++)
            {
                var intent = intents[j] ?? throw Bad(j, null, "intent", "missing", first, batchSize, intents.Count, stored);
                // A duplicate within the import is the same (party, id) again: only its first occurrence is a candidate.
                if (seen.Add((intent.Party, intent.Id)))
                {
                    batch.Add((j, intent));
                }
            }
            try
            {
                stored += await store.WriteAsync(async w =>
                {
                    await CheckAsync(w, batch, first, batchSize, intents.Count, stored).ConfigureAwait(false);
                    var existing = await w.ExistingIntentsAsync([.. batch.Select(x => (x.Intent.Party, x.Intent.Id))]).ConfigureAwait(false);
                    w.UseBulkInsert();
                    var count = 0;
                    foreach (var (_, intent) in batch)
                    {
                        if (existing.Contains((intent.Party, intent.Id)))
                        {
                            continue;
                        }
                        var next = intent with { Version = 1, State = IntentState.Accepted };
                        // Later intents of the batch are checked against earlier ones (staged until the commit).
                        var found = desk.FindConflicts(w, next);
                        if (found.Any(c => c.Blocking))
                        {
                            continue;
                        }
                        // Never stored, so in no stored conflict yet.
                        await desk.SaveAsync(w, next, found, "intent.create", []).ConfigureAwait(false);
                        count++;
                    }
                    return count;
                }, ct).ConfigureAwait(false);
            }
            catch (DbException e)
            {
                throw new IntentImportException(
                    $"The database refused the batch of intents {Range(first, batchSize, intents.Count)}: {e.Message}. Nothing of that batch was stored; "
                    + $"the {stored.ToString("N0", CultureInfo.InvariantCulture)} intents stored by earlier batches stay.", first, null, null, e);
            }
            progress?.Report(Math.Min(i + batchSize, intents.Count));
        }
        return stored;
    }

    /// <summary>Every intent of the batch is whole and its party registered, before anything of the batch is written.</summary>
    private static async Task CheckAsync(IHubWriter w, List<(int Position, OperationalIntent Intent)> batch, int first, int batchSize, int total, int stored)
    {
        var parties = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (position, intent) in batch)
        {
            if (string.IsNullOrWhiteSpace(intent.Id))
            {
                throw Bad(position, intent, "id", "empty", first, batchSize, total, stored);
            }
            if (string.IsNullOrWhiteSpace(intent.Party))
            {
                throw Bad(position, intent, "party", "empty", first, batchSize, total, stored);
            }
            if (intent.Volumes.Count == 0)
            {
                throw Bad(position, intent, "volumes", "none", first, batchSize, total, stored);
            }
            if (!parties.TryGetValue(intent.Party, out var known))
            {
                parties[intent.Party] = known = await w.GetPartyAsync(intent.Party).ConfigureAwait(false) is not null;
            }
            if (!known)
            {
                throw Bad(position, intent, "party", "not a registered party", first, batchSize, total, stored);
            }
        }
    }

    private static IntentImportException Bad(int position, OperationalIntent? intent, string field, string problem, int first, int batchSize, int total, int stored) =>
        new($"Intent {(position + 1).ToString("N0", CultureInfo.InvariantCulture)} of the import"
            + (intent is null ? "" : $" ('{intent.Id}' of party '{intent.Party}')")
            + $": {field}: {problem}. Nothing of its batch (intents {Range(first, batchSize, total)}) was stored; "
            + $"the {stored.ToString("N0", CultureInfo.InvariantCulture)} intents stored by earlier batches stay.",
            position, intent?.Id, field);

    private static string Range(int first, int batchSize, int total) =>
        $"{(first + 1).ToString("N0", CultureInfo.InvariantCulture)}–{Math.Min(first + batchSize, total).ToString("N0", CultureInfo.InvariantCulture)}";
}
