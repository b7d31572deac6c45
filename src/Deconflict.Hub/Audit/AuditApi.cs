using System.Data.Common;
using System.Globalization;
using System.Text;
using Deconflict.Core.Audit;
using Deconflict.Hub.Auth;
using Deconflict.Hub.Json;
using Deconflict.Hub.Storage;
using Deconflict.Hub.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deconflict.Hub.Audit;

/// <summary>
/// The tamper-evident log, for any party to take away and check offline with <c>deconflict audit verify</c>:
/// the hub's Ed25519 public key, and the log as NDJSON in which entries the caller may not see are reduced to their
/// sequence, hashes and signature (so the chain still verifies and nothing of them is revealed).
/// </summary>
public static class AuditApi
{
    private const int PageSize = 1000;
    private const string Columns =
        "seq, time, actor, action, object_type, object_id, visibility_json, content_json, content_hash, previous_hash, entry_hash, signature";

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/audit").WithTags("Audit");
        group.MapGet("/key", (AuditSigner signer) => TypedResults.Ok(new AuditKeyView(AuditPublicKey.AlgorithmName, signer.PublicKey.Base64)))
            .WithName("AuditKey").WithSummary("The hub's Ed25519 public key (raw 32 bytes, base64) that signs every audit entry.");
        group.MapGet("/export", Export).WithName("AuditExport")
            .WithSummary("The log as NDJSON, redacted to what the caller may see. from/to: sequence numbers (inclusive) or RFC 3339 times (from inclusive, to exclusive), "
                + "matched against the caller's own entries only: hidden entries between them come along, redacted, and are never selected by their time.")
            .Problems(StatusCodes.Status400BadRequest);
        return routes;
    }

    private static Results<NdjsonStream<AuditLineSchema>, HubProblem> Export(string? from, string? to, CallerParty caller, IHubStore store)
    {
        if (!TryBound(from, out var fromSeq, out var fromTime))
        {
            return Problems.Validation("from", "A sequence number (1, 2, ...) or an RFC 3339 time.");
        }
        if (!TryBound(to, out var toSeq, out var toTime))
        {
            return Problems.Validation("to", "A sequence number (1, 2, ...) or an RFC 3339 time.");
        }
        var reader = caller.IsAdmin ? null : caller.Id;
        return new NdjsonStream<AuditLineSchema>((response, ct) => WriteAsync(response, store, reader, fromSeq, toSeq, fromTime, toTime, ct));
    }

    private static async Task WriteAsync(HttpResponse response, IHubStore store, string? reader, long? fromSeq, long? toSeq,
        DateTimeOffset? fromTime, DateTimeOffset? toTime, CancellationToken ct)
    {
        response.ContentType = AuditExport.ContentType;
        response.Headers.CacheControl = "no-store";
        await using var connection = await store.OpenReadConnectionAsync(ct).ConfigureAwait(false);
        var first = fromSeq ?? 1;
        var last = toSeq ?? long.MaxValue;
        if (fromTime is not null || toTime is not null)
        {
            // Times select by the reader's own entries only: the range runs from the first entry it may read at or after
            // `from` to the last before `to`, with the hidden entries in between (redacted). A hidden entry's time
            // therefore never decides what is returned, and a redacted line shows none.
            (first, last) = await ResolveTimesAsync(connection, reader, first, last, fromTime, toTime, ct).ConfigureAwait(false);
        }
        var utf8 = new UTF8Encoding(false);
        await foreach (var page in PagesAsync(connection, first, last, ct).ConfigureAwait(false))
        {
            var text = new StringBuilder();
            foreach (var entry in page)
            {
                text.Append(AuditExport.FormatLine(entry, reader)).Append('\n');
            }
            await response.Body.WriteAsync(utf8.GetBytes(text.ToString()), ct).ConfigureAwait(false);
        }
    }

    /// <summary>The sequence range [first, last] that the time bounds select among the entries <paramref name="reader"/> may read (empty: first &gt; last).</summary>
    private static async Task<(long First, long Last)> ResolveTimesAsync(DbConnection connection, string? reader, long first, long last,
        DateTimeOffset? fromTime, DateTimeOffset? toTime, CancellationToken ct)
    {
        long? start = fromTime is null ? first : null;
        long? end = null;
        await foreach (var page in PagesAsync(connection, first, last, ct).ConfigureAwait(false))
        {
            foreach (var entry in page)
            {
                if (AuditExportLine.For(entry, reader).IsRedacted)
                {
                    continue;
                }
                if (start is null && entry.Time >= fromTime)
                {
                    start = entry.Sequence;
                }
                if (start is not null && (toTime is null || entry.Time < toTime))
                {
                    end = entry.Sequence;
                }
            }
        }
        if (start is null)
        {
            return (1, 0);
        }
        return (start.Value, toTime is null ? last : end ?? 0);
    }

    private static async IAsyncEnumerable<IReadOnlyList<AuditEntry>> PagesAsync(DbConnection connection, long first, long last,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var after = Math.Max(0, first - 1);
        while (after < last)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"SELECT {Columns} FROM audit WHERE seq > @after AND seq <= @last ORDER BY seq LIMIT {PageSize}");
            command.With("@after", after).With("@last", last);
            var page = await command.ListAsync(ToEntry, ct).ConfigureAwait(false);
            if (page.Count > 0)
            {
                yield return page;
            }
            if (page.Count < PageSize)
            {
                yield break;
            }
            after = page[^1].Sequence;
        }
    }

    private static bool TryBound(string? text, out long? sequence, out DateTimeOffset? time)
    {
        sequence = null;
        time = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s >= 1)
        {
            sequence = s;
            return true;
        }
        if (text.Length > 10 && (text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > 10)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var t))
        {
            time = t;
            return true;
        }
        return false;
    }

    private static AuditEntry ToEntry(DbDataReader r)
    {
        if (!AuditEncoding.TryParseTime(r.GetString(1), out var time))
        {
            throw new InvalidDataException($"audit entry {r.GetInt64(0)} has an unreadable time");
        }
        return new AuditEntry(r.GetInt64(0), time, r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
            Sql.FromJsonList(r.GetString(6)), r.GetString(7), r.GetString(8), r.GetString(9), r.GetString(10), Sql.StringOrNull(r, 11));
    }
}
