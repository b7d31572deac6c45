using Deconflict.Hub.Storage;

namespace Deconflict.Hub.Intents;

/// <summary>An alternative offered to <paramref name="Party"/> for its intent id, as stored until accepted or replaced.</summary>
public sealed record AlternativeOffer(string Party, string IntentId, string Alternative, long? BaseVersion, string GeoJson, DateTimeOffset OfferedAt);

/// <summary>The <c>intent_offers</c> table, read and written only inside a write transaction.</summary>
public static class AlternativeOffers
{
    /// <summary>Forgets the offers for (party, intent id), and the party's offers older than <paramref name="expiredBefore"/>.</summary>
    public static Task ClearAsync(IHubWriter w, string party, string intentId, DateTimeOffset expiredBefore)
    {
        ArgumentNullException.ThrowIfNull(w);
        return w.ExecuteAsync("DELETE FROM intent_offers WHERE party = @p AND (intent_id = @i OR offered_at < @cut)", ("@p", party), ("@i", intentId), ("@cut", expiredBefore));
    }

    public static Task SaveAsync(IHubWriter w, AlternativeOffer o)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(o);
        return w.ExecuteAsync(
            """
            INSERT INTO intent_offers (party, intent_id, alternative, base_version, geojson, offered_at) VALUES (@p, @i, @a, @v, @g, @at)
            ON CONFLICT (party, intent_id, alternative) DO UPDATE SET base_version = excluded.base_version, geojson = excluded.geojson, offered_at = excluded.offered_at
            """,
            ("@p", o.Party), ("@i", o.IntentId), ("@a", o.Alternative), ("@v", o.BaseVersion), ("@g", o.GeoJson), ("@at", o.OfferedAt));
    }

    public static async Task<AlternativeOffer?> GetAsync(IHubWriter w, string party, string intentId, string alternative)
    {
        ArgumentNullException.ThrowIfNull(w);
        await using var c = w.CreateCommand(
            "SELECT party, intent_id, alternative, base_version, geojson, offered_at FROM intent_offers WHERE party = @p AND intent_id = @i AND alternative = @a");
        c.With("@p", party).With("@i", intentId).With("@a", alternative);
        return await c.FirstAsync(r => new AlternativeOffer(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetInt64(3), r.GetString(4),
            Sql.Time(r.GetInt64(5))), CancellationToken.None).ConfigureAwait(false);
    }
}
