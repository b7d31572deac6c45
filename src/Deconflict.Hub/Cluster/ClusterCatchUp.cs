using System.Text.Json;
using Deconflict.Hub.Agreements;
using Deconflict.Hub.Auth;
using Deconflict.Hub.Dss;
using Deconflict.Hub.Events;
using Deconflict.Hub.Intents;
using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Cluster;

/// <summary>
/// What this hub keeps in memory, brought up to date with another node's committed writes: each audit entry names
/// the object a write changed, which is read again from the database (never taken from the entry's content, so the
/// memory is exactly what is stored); the other node's events go to this node's event streams. Everything else the
/// hub serves is read from the database on each request and needs nothing.
/// </summary>
public sealed class ClusterCatchUp(IHubStore store, IntentDesk intents, AgreementBook book, KeyRevocations revocations, DssStore dss, HubEvents events)
    : IForeignWrites
{
    public async Task ApplyAsync(IReadOnlyList<ForeignEntry> entries, IReadOnlyList<EventRecord> foreignEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(foreignEvents);
        var intentIds = new SortedSet<string>(StringComparer.Ordinal);
        var agreementIds = new SortedSet<string>(StringComparer.Ordinal);
        var revokedKeys = new List<string>();
        var dssChanged = false;
        foreach (var e in entries)
        {
            // A DSS write may be about a hub object (a notification bumps the subscriptions' indexes of a hub intent).
            dssChanged |= e.Action.StartsWith("dss.", StringComparison.Ordinal);
            switch (e.ObjectType)
            {
                case "intent":
                    intentIds.Add(e.ObjectId);
                    break;
                case "agreement":
                    agreementIds.Add(e.ObjectId);
                    break;
                case "party" when e.Action == "key.revoke" && KeyIdOf(e.ContentJson) is { } keyId:
                    revokedKeys.Add(keyId);
                    break;
                case "party" when e.Action == "party.create":
                    // A party may come with an F3548 subject (the DSS maps tokens to parties in memory).
                    dssChanged = true;
                    break;
                case var t when t.StartsWith("dss_", StringComparison.Ordinal):
                    dssChanged = true;
                    if (t == "dss_operational_intent")
                    {
                        intentIds.Add(e.ObjectId);
                    }
                    break;
            }
        }
        await intents.RefreshAsync(intentIds, cancellationToken).ConfigureAwait(false);
        foreach (var id in agreementIds)
        {
            if (await store.GetAgreementAsync(id, cancellationToken).ConfigureAwait(false) is { } agreement)
            {
                book.Apply(agreement);
            }
        }
        if (dssChanged)
        {
            await dss.LoadAsync(cancellationToken).ConfigureAwait(false);
        }
        foreach (var keyId in revokedKeys)
        {
            revocations.Revoked(keyId);
        }
        foreach (var e in foreignEvents)
        {
            events.PublishForeign(e);
        }
    }

    private static string? KeyIdOf(string contentJson)
    {
        try
        {
            using var doc = JsonDocument.Parse(contentJson);
            return doc.RootElement.TryGetProperty("key_id", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
