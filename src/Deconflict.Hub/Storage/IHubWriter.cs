using System.Data.Common;
using Deconflict.Hub.Access;

namespace Deconflict.Hub.Storage;

/// <summary>The operations available inside one write transaction of <see cref="IHubStore.WriteAsync{T}"/>.</summary>
public interface IHubWriter
{
    StoreDialect Dialect { get; }

    DateTimeOffset Now { get; }

    /// <summary>
    /// Runs <paramref name="action"/> after the commit, still inside the write serialisation, so in-memory
    /// indexes change in the same order as the database and before the next write is checked.
    /// </summary>
    void AfterCommit(Action action);

    /// <summary>
    /// State of the transaction shared by the writes committed in it (one, or several groupable ones, see
    /// <see cref="IHubStore.WriteGroupableAsync{T}"/>), created on first use and dropped with the transaction: what a
    /// write changed that a later write of the same transaction must see before the in-memory state follows.
    /// </summary>
    TState Shared<TState>(Func<TState> create)
        where TState : class;

    /// <summary>
    /// A command enlisted in the transaction, for tables added by other parts of the hub (<c>@name</c> parameters);
    /// it runs asynchronously, after the changes made before it.
    /// </summary>
    DbCommand CreateCommand(string sql);

    /// <summary>
    /// For a bulk import: from now on in this write every intent written is new (its (party, id) was found unstored
    /// inside this write), and the rows of intents, events and audit entries are streamed by binary <c>COPY</c> where
    /// the database has it (PostgreSQL), ahead of the write's other held-back statements; elsewhere nothing changes.
    /// </summary>
    void UseBulkInsert();

    /// <summary>
    /// A statement on a table added by other parts of the hub whose result is not needed (<c>@name</c> parameters):
    /// on PostgreSQL held back and sent with the next read or the commit, so it costs no round trip of its own.
    /// </summary>
    Task ExecuteAsync(string sql, params (string Name, object? Value)[] args);

    Task InsertPartyAsync(PartyRecord party);

    Task InsertKeyAsync(ApiKeyRecord key);

    /// <summary>Sets the admin's bounds on a party's intent priorities (null: the hub default).</summary>
    Task SetPriorityBoundsAsync(string partyId, int? min, int? max);

    /// <summary>A party, read inside the write (its priority bounds decide intent writes).</summary>
    Task<PartyRecord?> GetPartyAsync(string id);

    /// <summary>An intent of <paramref name="party"/>, read inside the write (reads that decide a write happen in it).</summary>
    Task<IntentRecord?> GetIntentAsync(string party, string id);

    /// <summary>
    /// Everything that decides a write of the intent (<paramref name="party"/>, <paramref name="id"/>), read together:
    /// the stored intent, the party, its conflict answers since <paramref name="probeSince"/> and the open conflicts of
    /// <paramref name="conflictKind"/> the intent is in.
    /// </summary>
    Task<IntentWriteReads> ReadIntentWriteAsync(string party, string id, DateTimeOffset probeSince, string conflictKind);

    /// <summary>Which of these (party, id) are stored intents (in any state), in one query.</summary>
    Task<IReadOnlySet<(string Party, string Id)>> ExistingIntentsAsync(IReadOnlyCollection<(string Party, string Id)> keys);

    /// <summary>Per victim: conflict answers <paramref name="prober"/> received since a time about its hidden intents, and the oldest one's time.</summary>
    Task<IReadOnlyList<(string Victim, int Count, DateTimeOffset Oldest)>> ProbeAnswersSinceAsync(string prober, DateTimeOffset since);

    /// <summary>Counts one conflict answer about <paramref name="victim"/>'s hidden intents given to <paramref name="prober"/> now.</summary>
    Task RecordProbeAnswerAsync(string prober, string victim);

    Task<bool> RevokeKeyAsync(string partyId, string keyId, DateTimeOffset at);

    Task UpsertAgreementAsync(AgreementRecord agreement);

    Task UpsertIntentAsync(IntentRecord intent);

    Task UpsertConflictAsync(ConflictRecord conflict);

    /// <summary>Open conflicts of a kind that involve an object.</summary>
    Task<IReadOnlyList<ConflictRecord>> OpenConflictsWithObjectAsync(string kind, ObjectRef obj);


    Task<ConflictRecord?> OpenConflictByPairKeyAsync(string pairKey);

    /// <summary>Appends an event; it is published to SSE subscribers once the transaction commits.</summary>
    Task<long> AppendEventAsync(string type, string objectId, string ownerParty, IReadOnlyList<string> parties, string dataJson);

    /// <summary>
    /// Appends one entry to the hash-chained, signed audit log and returns its receipt
    /// (<c>&lt;seq&gt;.&lt;hash hex&gt;.&lt;signature base64url&gt;</c>) for the <c>Audit-Receipt</c> header.
    /// </summary>
    Task<string> AppendAuditAsync(string actor, string action, string objectType, string objectId, IReadOnlyList<string> visibility, string contentJson);
}
