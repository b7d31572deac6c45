using System.Data.Common;
using Deconflict.Hub.Access;

namespace Deconflict.Hub.Storage;

/// <summary>
/// The hub's durable state. Reads are plain queries; every change goes through <see cref="WriteAsync{T}"/>:
/// one serialised database transaction in which the change, its events and its audit entry are written
/// together, so a 2xx reply means all three are on disk. Events appended in the transaction are published
/// to <see cref="Events.HubEvents"/> after the commit.
/// </summary>
public interface IHubStore
{
    StoreDialect Dialect { get; }

    /// <summary>Applies pending migrations (ordered by file name) for this dialect.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>True when the database answers a trivial query.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one transaction, serialised with every other write.</summary>
    Task<T> WriteAsync<T>(Func<IHubWriter, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="WriteAsync{T}"/> for a write that may share its transaction with other groupable writes waiting
    /// next to it (group commit: one commit for several). Each is run in order with its own writer, events, audit
    /// entry and receipt; in-memory changes still follow only the commit, so a write must find what earlier writes of
    /// its transaction changed through <see cref="IHubWriter.Shared{TState}"/>. When any of them fails, the
    /// transaction is rolled back and each is run again on its own, so one failure loses no other write.
    /// </summary>
    Task<T> WriteGroupableAsync<T>(Func<IHubWriter, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Opens a connection for read queries written by other parts of the hub (portable SQL, <c>@name</c> parameters).</summary>
    Task<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken);

    Task<PartyRecord?> GetPartyAsync(string id, CancellationToken cancellationToken);

    Task<PartyRecord?> FindPartyByNameAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<PartyRecord>> ListPartiesAsync(CancellationToken cancellationToken);

    Task<ApiKeyRecord?> GetKeyAsync(string keyId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKeyRecord>> ListKeysAsync(string partyId, CancellationToken cancellationToken);

    Task<AgreementRecord?> GetAgreementAsync(string id, CancellationToken cancellationToken);

    /// <summary>Agreements the party is part of, or all when <paramref name="partyId"/> is null.</summary>
    Task<IReadOnlyList<AgreementRecord>> ListAgreementsAsync(string? partyId, CancellationToken cancellationToken);

    /// <summary>The intent <paramref name="id"/> of <paramref name="party"/> (ids are unique per party only).</summary>
    Task<IntentRecord?> GetIntentAsync(string party, string id, CancellationToken cancellationToken);

    /// <summary>Every party's intent with this id (at most one per party).</summary>
    Task<IReadOnlyList<IntentRecord>> FindIntentsByIdAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every party's intents with any of these ids, in one query per few hundred ids.</summary>
    Task<IReadOnlyList<IntentRecord>> FindIntentsByIdsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    Task<IReadOnlyList<IntentRecord>> ListIntentsAsync(IntentQuery query, CancellationToken cancellationToken);

    Task<long> CountLiveIntentsAsync(CancellationToken cancellationToken);

    Task<ConflictRecord?> GetConflictAsync(string id, CancellationToken cancellationToken);

    /// <summary>Conflicts the party is part of (all parties when null); status null = any.</summary>
    Task<IReadOnlyList<ConflictRecord>> ListConflictsAsync(string? partyId, string? status, CancellationToken cancellationToken);

    /// <summary>Every object (of any party, by kind, owner and id) in an open conflict that <paramref name="partyId"/> is part of.</summary>
    Task<IReadOnlySet<ObjectRef>> ObjectsInOpenConflictsAsync(string partyId, CancellationToken cancellationToken);


    Task<IReadOnlyList<EventRecord>> ReadEventsAsync(long afterSequence, int limit, CancellationToken cancellationToken);

    Task<long> LastEventSequenceAsync(CancellationToken cancellationToken);

    /// <summary>The oldest and newest stored event sequences (0, 0 when there are none): older ones were pruned.</summary>
    Task<(long Oldest, long Newest)> EventSpanAsync(CancellationToken cancellationToken);
}
