using System.Text.Json;
using Deconflict.Hub.Access;
using Deconflict.Hub.Ground;
using Deconflict.Hub.Intents;
using Deconflict.Hub.Tracks;

namespace Deconflict.Hub.Storage;

/// <summary>
/// Conflicts stored before objects carried their owner name bare ids. At start, each is rewritten with (kind, party,
/// id) for every object and its pair key, and its members indexed, so nothing already accepted is lost: ids were
/// unique then, and the parties of a conflict are stored in the order of its objects (deduplicated when one party
/// owns both). A row that cannot be resolved keeps what can be known and is reported, never stopping the start.
/// </summary>
public static partial class ConflictIdentityBackfill
{
    public static async Task RunAsync(IHubStore store, ILogger logger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        // Only rows written before conflict_members existed lack members: the start-up read stays small.
        var legacy = (await store.QueryAsync(
                $"SELECT {Rows.Conflict} FROM conflicts c WHERE NOT EXISTS (SELECT 1 FROM conflict_members m WHERE m.conflict_id = c.id)",
                Rows.ToConflict, ct).ConfigureAwait(false))
            .Where(c => c.Objects.Any(o => o.Kind.Length == 0)).ToList();
        if (legacy.Count == 0)
        {
            return;
        }
        await store.WriteAsync(async w =>
        {
            foreach (var c in legacy)
            {
                var (objects, key) = await ResolveAsync(store, c, ct).ConfigureAwait(false);
                await using (var update = w.CreateCommand("UPDATE conflicts SET objects_json = @o, pair_key = @k WHERE id = @id"))
                {
                    update.With("@o", Sql.ToJsonRefs(objects)).With("@k", key).With("@id", c.Id);
                    await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }
                foreach (var o in objects.Distinct())
                {
                    await using var insert = w.CreateCommand(
                        "INSERT INTO conflict_members (conflict_id, kind, party, object_id) VALUES (@c, @k, @p, @o) ON CONFLICT DO NOTHING");
                    insert.With("@c", c.Id).With("@k", o.Kind).With("@p", o.Party).With("@o", o.Id);
                    await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }
                if (objects.Any(o => o.Party.Length == 0))
                {
                    LogUnresolved(logger, c.Id);
                }
            }
            return 0;
        }, ct).ConfigureAwait(false);
        LogBackfilled(logger, legacy.Count);
    }

    private static async Task<(ObjectRef[] Objects, string Key)> ResolveAsync(IHubStore store, ConflictRecord c, CancellationToken ct)
    {
        var ids = c.Objects.Select(o => o.Id).ToArray();
        string? source = null;
        string? objectKind = null;
        if (c.Kind == GroundConflicts.Kind)
        {
            using var detail = JsonDocument.Parse(c.DetailJson);
            source = detail.RootElement.TryGetProperty("source", out var s) ? s.GetString() : null;
            objectKind = detail.RootElement.TryGetProperty("object_kind", out var k) ? k.GetString() : null;
        }
        var objects = new ObjectRef[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            var kind = c.Kind switch
            {
                StrategicConflictSync.Kind => ObjectRef.Intent,
                LiveConflictSync.TacticalKind => ObjectRef.Track,
                LiveConflictSync.ConformanceKind => i == 0 ? ObjectRef.Track : ObjectRef.Intent,
                _ => i == 0 ? (source == "strike" ? ObjectRef.Strike : ObjectRef.Intent) : objectKind ?? ObjectRef.Site,
            };
            var party = c.Parties.Count == ids.Length ? c.Parties[i]
                : c.Parties.Count == 1 ? c.Parties[0]
                : c.Kind == LiveConflictSync.ConformanceKind && i < 2 ? c.Parties[0]
                : null;
            if (party is null && kind == ObjectRef.Intent && await store.FindIntentsByIdAsync(ids[i], ct).ConfigureAwait(false) is [var only])
            {
                party = only.Party;
            }
            objects[i] = new ObjectRef(kind, party ?? "", ids[i]);
        }
        var key = c.Kind switch
        {
            StrategicConflictSync.Kind when objects.Length == 2 => ObjectRef.KeyOf(c.Kind, [.. objects.Order(Comparer<ObjectRef>.Create(ObjectRef.Compare))]),
            GroundConflicts.Kind when objects.Length == 2 => GroundConflicts.PairKey(source ?? "", objects[0], objects[1]),
            LiveConflictSync.ConformanceKind when objects.Length >= 2 => ObjectRef.KeyOf(c.Kind, objects[0], objects[1]),
            _ => ObjectRef.KeyOf(c.Kind, objects),
        };
        return (objects, key);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Named the objects of {Count} earlier conflicts by kind, owner and id")]
    private static partial void LogBackfilled(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conflict {Id}: the owner of an object could not be determined; it stays on record without one")]
    private static partial void LogUnresolved(ILogger logger, string id);
}
